import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseSummaryView, CourseView } from '../src/shared/api/courses.ts';
import { DEMO_PASSWORD, hasChromium, launchBrowser } from './support/browser.ts';
import { buttonName, text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The demo course (courses.demo.ts), owned by gd-teacher at the Nansha demo school. */
const DEMO_COURSE_TITLE = '人工智能启蒙：让机器学会识别（演示）';
/** A teacher of another Guangzhou school, made by the platform admin for this test. */
const OTHER_TEACHER = 'gd-nansha2-teacher';

/** A JSON call with the page's session, as the web app makes it (CSRF header included). */
async function call<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'eb_csrf')?.value ?? '';
  const res = await page.request.fetch(url, { method, data: data as never, headers: { 'x-csrf-token': csrf } });
  if (res.status() >= 300) throw new Error(`${method} ${url} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe.skipIf(!hasChromium)('adopting a published course for my school, and lesson files', () => {
  let server: RunningServer;
  let browser: Browser;
  let gd: Page;
  let courseId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    gd = await signedIn(browser, server.baseUrl, 'gd-teacher', 'zh-Hans');
    const mine = await call<{ items: CourseSummaryView[] }>(gd, 'GET', '/api/v1/courses');
    courseId = mine.items.find((c) => c.title === DEMO_COURSE_TITLE)!.id;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a teacher of another school adopts the published demo course and lands on her school’s copy', { timeout: 240_000 }, async () => {
    // Published to the city (Guangzhou) through the library review: gd-bureau approves.
    const { submission } = await call<{ submission: { id: string } }>(gd, 'POST', `/api/v1/courses/${courseId}/publish`, { level: 'city' });
    const bureau = await signedIn(browser, server.baseUrl, 'gd-bureau', 'zh-Hans');
    await call(bureau, 'POST', `/api/v1/library/reviews/${submission.id}/decision`, { decision: 'approve' });

    // A teacher at another Nansha school (not on the course team).
    const admin = await signedIn(browser, server.baseUrl, 'demo-admin', 'zh-Hans');
    const schools = await call<{ items: { id: string; code: string; jurisdiction: { id: string } }[] }>(
      admin,
      'GET',
      '/api/v1/schools?limit=100',
    );
    const school = schools.items.find((s) => s.code === 'gd-nansha-2')!;
    const created = await call<{ initialPassword: string }>(admin, 'POST', '/api/v1/users', {
      role: 'teacher',
      jurisdictionId: school.jurisdiction.id,
      schoolId: school.id,
      username: OTHER_TEACHER,
      displayName: '南沙二校 苏老师',
      locale: 'zh-Hans',
    });
    const first = await browser.newContext({ baseURL: server.baseUrl });
    const login = await first.request.post('/api/v1/auth/login', { data: { username: OTHER_TEACHER, password: created.initialPassword } });
    expect(login.status()).toBe(200);
    const csrf = (await first.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? '';
    const changed = await first.request.post('/api/v1/me/password', {
      data: { currentPassword: created.initialPassword, newPassword: DEMO_PASSWORD },
      headers: { 'x-csrf-token': csrf },
    });
    expect(changed.status()).toBe(204);
    await first.close();
    const other = await signedIn(browser, server.baseUrl, OTHER_TEACHER, 'zh-Hans');

    // The owner's own school is not offered to adopt its own course.
    await gd.goto(`/courses/${courseId}`);
    await gd.locator('[data-testid=unit]').first().waitFor();
    expect(await gd.locator('[data-testid=adopt]').count()).toBe(0);

    await other.goto(`/courses/${courseId}`);
    // The button's accessible name also carries its icon's label, so match the text inside it.
    const adopt = other.locator('[data-testid=adopt]');
    await adopt.waitFor();
    expect(await adopt.innerText()).toBe(text('zh-Hans', 'courses.adopt.button'));
    await adopt.click();
    await other.locator('.ant-popconfirm .ant-btn-primary').click();
    await other.waitForURL((url) => /\/courses\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(courseId));
    const copyId = new URL(other.url()).pathname.split('/').pop()!;
    await other.getByRole('tab', { name: text('zh-Hans', 'courses.tabs.fork') }).waitFor();
    await expect.poll(() => other.locator('h3').first().innerText()).toBe(DEMO_COURSE_TITLE);
    const copy = await call<CourseView>(other, 'GET', `/api/v1/courses/${copyId}`);
    expect(copy).toMatchObject({ upstreamCourseId: courseId, schoolId: school.id, myRole: 'owner' });
    expect(copy.units.flatMap((u) => u.lessons)).toHaveLength(4);

    // Back on the original: no second adoption, a link to the copy instead.
    await other.goto(`/courses/${courseId}`);
    await other.locator('[data-testid=adopted-copy]').click();
    await other.waitForURL((url) => url.pathname.endsWith(copyId));
    await other.goto(`/courses/${courseId}`);
    await other.locator('[data-testid=adopted-copy]').waitFor();
    expect(await other.locator('[data-testid=adopt]').count()).toBe(0);
  });

  it('a teacher attaches a worksheet to a lesson, downloads it, and removes it', { timeout: 120_000 }, async () => {
    await gd.goto(`/courses/${courseId}`);
    await gd.locator('[data-testid=lesson-row] a').first().click();
    await gd.waitForURL(/\/lessons\/[0-9a-f-]{36}$/);
    const files = gd.locator('[data-testid=lesson-files]');
    await files.getByText(text('zh-Hans', 'courses.files.limit', { size: 50 })).waitFor();
    const content = '数据标注练习：每组拍摄三十张照片并标注。';
    await files.locator('input[type=file]').setInputFiles({ name: '标注练习.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    const row = files.locator('[data-testid=lesson-file]').filter({ hasText: '标注练习.txt' });
    await row.waitFor();

    const [download] = await Promise.all([gd.waitForEvent('download'), row.getByRole('link').click()]);
    expect(download.suggestedFilename()).toBe('标注练习.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(content);

    // Still there after a reload; then removed.
    await gd.reload();
    await row.waitFor();
    await row.getByRole('button', { name: text('zh-Hans', 'courses.files.remove') }).click();
    await gd.locator('.ant-popconfirm .ant-btn-primary').click();
    await gd.locator('.ant-message-success').getByText(text('zh-Hans', 'courses.files.removed')).waitFor();
    await expect.poll(() => files.locator('[data-testid=lesson-file]').count()).toBe(0);
  });

  it('the owner sets a prerequisite; it shows as a link, and a loop is refused with a message', { timeout: 120_000 }, async () => {
    const other = await call<CourseSummaryView>(gd, 'POST', '/api/v1/courses', {
      title: '小学人工智能初识',
      language: 'zh-Hans',
      gradeBand: 'primary',
    });
    await gd.goto(`/courses/${courseId}`);
    const shown = gd.locator('[data-testid=prerequisites]');
    await shown.getByRole('button', { name: text('zh-Hans', 'courses.prerequisites.edit') }).click();
    const editor = gd.locator('[data-testid=prerequisites-editor]');
    await editor.locator('.ant-select').click();
    await gd.locator('.ant-select-item-option').filter({ hasText: '小学人工智能初识' }).click();
    await editor.getByRole('button', { name: buttonName(text('zh-Hans', 'courses.prerequisites.save')) }).click();
    await shown.getByRole('link', { name: '小学人工智能初识' }).waitFor();

    // The other course may not in turn require the demo course.
    await gd.goto(`/courses/${other.id}`);
    await gd
      .locator('[data-testid=prerequisites]')
      .getByRole('button', { name: text('zh-Hans', 'courses.prerequisites.edit') })
      .click();
    await gd.locator('[data-testid=prerequisites-editor] .ant-select').click();
    await gd.locator('.ant-select-item-option').filter({ hasText: DEMO_COURSE_TITLE }).click();
    await gd
      .locator('[data-testid=prerequisites-editor]')
      .getByRole('button', { name: buttonName(text('zh-Hans', 'courses.prerequisites.save')) })
      .click();
    await gd.locator('.ant-message-error').getByText(text('zh-Hans', 'errors.COURSE_PREREQUISITE_CYCLE')).waitFor();
    expect((await call<CourseView>(gd, 'GET', `/api/v1/courses/${other.id}`)).prerequisiteIds).toEqual([]);
  });
});
