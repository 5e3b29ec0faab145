import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseSummaryView, CourseView, ForkLessonDiff, LessonView } from '../src/shared/api/courses.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { buttonName, text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The demo course (courses.demo.ts); hb-teacher's Wuhan school has adopted it (a fork). */
const DEMO_COURSE_TITLE = '人工智能启蒙：让机器学会识别（演示）';
/** A course gd-teacher starts for these tests (invented). */
const NEW_COURSE_TITLE = '人工智能与社会：数据从哪里来';

const label = buttonName;

async function apiJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** A write as the page's user, with the CSRF token the web app would send. */
async function apiWrite(page: Page, method: 'POST' | 'PATCH', url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'eb_csrf')?.value ?? '';
  return page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } });
}

describe.skipIf(!hasChromium)('course team, editions, fork pull and publishing through the pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let gd: Page;
  let hk: Page;
  let hb: Page;
  let courseId: string;

  // Generous: on a shared CI box building the web app and seeding the demo can take minutes.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [gd, hk, hb] = await Promise.all([
      signedIn(browser, server.baseUrl, 'gd-teacher', 'zh-Hans'),
      signedIn(browser, server.baseUrl, 'hk-teacher', 'zh-Hant'),
      signedIn(browser, server.baseUrl, 'hb-teacher', 'zh-Hans'),
    ]);
    const created = await apiWrite(gd, 'POST', '/api/v1/courses', {
      title: NEW_COURSE_TITLE,
      summary: '初中人工智能课程：数据与社会',
      language: 'zh-Hans',
      gradeBand: 'junior',
      grades: [8],
      competencies: ['ethics-of-ai/understand'],
      level: 'understand',
    });
    expect(created.status()).toBe(201);
    courseId = ((await created.json()) as CourseSummaryView).id;
    // A course goes to the library only with at least one lesson, as a teacher would have written by then.
    const unit = await apiWrite(gd, 'POST', `/api/v1/courses/${courseId}/units`, { title: '第一单元 数据从哪里来' });
    expect(unit.status()).toBe(201);
    const unitId = ((await unit.json()) as { id: string }).id;
    const lesson = await apiWrite(gd, 'POST', `/api/v1/courses/${courseId}/lessons`, { unitId, title: '第1课 身边的数据' });
    expect(lesson.status()).toBe(201);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gd-teacher invites a Hong Kong colleague by username; she accepts on "My courses" and is on the team', async () => {
    await gd.goto(`/courses/${courseId}`);
    await gd.getByRole('tab', { name: text('zh-Hans', 'courses.tabs.team') }).click();
    await gd.getByPlaceholder(text('zh-Hans', 'courses.team.usernamePlaceholder')).fill('hk-teacher');
    await gd.getByRole('button', { name: label(text('zh-Hans', 'courses.team.send')) }).click();
    await gd.locator('.ant-message-success').getByText(text('zh-Hans', 'courses.team.invited')).waitFor();

    await hk.goto('/courses');
    const invitation = hk.locator('.ant-list-item', { hasText: NEW_COURSE_TITLE });
    await invitation.getByRole('button', { name: label(text('zh-Hant', 'courses.invitations.accept')) }).click();
    await hk.getByRole('link', { name: NEW_COURSE_TITLE }).click();
    await hk.waitForURL(`**/courses/${courseId}`);
    await hk.getByRole('tab', { name: text('zh-Hant', 'courses.tabs.team') }).click();
    await hk.locator('[data-testid=team-member]', { hasText: text('zh-Hant', 'courses.roles.co_author') }).waitFor();
    const course = await apiJson<CourseView>(hk, `/api/v1/courses/${courseId}`);
    expect(course.team).toContainEqual(expect.objectContaining({ username: 'hk-teacher', role: 'co_author', jurisdictionCode: 'HK' }));
  });

  it('gd-teacher starts a 繁體 (Hong Kong) edition: a linked copy in converted text opens', async () => {
    await gd.goto(`/courses/${courseId}`);
    await gd.getByRole('tab', { name: text('zh-Hans', 'courses.tabs.editions') }).click();
    const language = text('zh-Hans', 'courses.languages.zh-Hant-HK');
    await gd.getByRole('button', { name: label(text('zh-Hans', 'courses.editions.create', { language })) }).click();
    await gd.waitForURL((url) => /\/courses\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(courseId));
    const editionId = new URL(gd.url()).pathname.split('/').pop()!;
    await expect.poll(() => gd.locator('h3').first().innerText()).toContain('與社會');
    const edition = await apiJson<CourseView>(gd, `/api/v1/courses/${editionId}`);
    expect(edition.language).toBe('zh-Hant-HK');
    expect(edition.editions.map((e) => e.id)).toContain(courseId);
  });

  it('gd-teacher submits the course to the library; it is in review there', async () => {
    await gd.goto(`/courses/${courseId}`);
    await gd.getByRole('tab', { name: text('zh-Hans', 'courses.tabs.publish') }).click();
    await gd.getByRole('button', { name: label(text('zh-Hans', 'courses.publish.submit')) }).click();
    await gd.locator('.ant-message-success').getByText(text('zh-Hans', 'courses.publish.submitted')).waitFor();
    await gd.getByText(text('zh-Hans', 'courses.status.in_review'), { exact: true }).waitFor();
    const course = await apiJson<CourseView>(gd, `/api/v1/courses/${courseId}`);
    expect(course.status).toBe('in_review');
    expect(course.libraryResourceId).toBeTruthy();
  });

  it('upstream changes a lesson; the Wuhan fork sees it in "upstream changes", takes it, and has it', async () => {
    // gd-teacher, upstream, changes the first lesson's duration through the lesson form.
    const upstream = (await apiJson<{ items: CourseSummaryView[] }>(gd, '/api/v1/courses')).items.find(
      (c) => c.title === DEMO_COURSE_TITLE && !c.upstreamCourseId,
    )!;
    const upstreamView = await apiJson<CourseView>(gd, `/api/v1/courses/${upstream.id}`);
    const lesson = upstreamView.units[0]!.lessons[0]!;
    await gd.goto(`/courses/${upstream.id}/lessons/${lesson.id}`);
    const duration = gd.locator('input[data-testid=lesson-duration], [data-testid=lesson-duration] input');
    await duration.fill('55');
    await gd.locator('[data-testid=save-lesson]').click();
    await expect
      .poll(async () => (await apiJson<LessonView>(gd, `/api/v1/courses/${upstream.id}/lessons/${lesson.id}`)).durationMinutes)
      .toBe(55);

    // hb-teacher opens her school's fork and takes that change.
    const fork = (await apiJson<{ items: CourseSummaryView[] }>(hb, '/api/v1/courses')).items.find(
      (c) => c.upstreamCourseId === upstream.id,
    )!;
    await hb.goto(`/courses/${fork.id}`);
    await hb.getByRole('tab', { name: text('zh-Hans', 'courses.tabs.fork') }).click();
    const row = hb.locator('[data-testid=fork-diff]', { hasText: lesson.title });
    await row.getByText(text('zh-Hans', 'courses.fork.status.changed')).waitFor();
    await row.getByRole('button', { name: label(text('zh-Hans', 'courses.fork.pull')) }).click();
    await hb.locator('.ant-message-success').getByText(text('zh-Hans', 'courses.fork.pulled')).waitFor();
    await expect.poll(() => row.count()).toBe(0);

    const diff = await apiJson<{ lessons: ForkLessonDiff[] }>(hb, `/api/v1/courses/${fork.id}/fork/diff`);
    const pulled = diff.lessons.find((l) => l.upstreamLessonId === lesson.id)!;
    expect(pulled.status).toBe('unchanged');
    expect((await apiJson<LessonView>(hb, `/api/v1/courses/${fork.id}/lessons/${pulled.forkLessonId}`)).durationMinutes).toBe(55);
  });
});
