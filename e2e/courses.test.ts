import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseSummaryView, CourseView } from '../src/shared/api/courses.ts';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The demo course (courses.demo.ts), co-written by teachers in Nansha, Kowloon and Macao. */
const DEMO_COURSE_TITLE = '人工智能启蒙：让机器学会识别（演示）';
/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\bcourses\.[a-zA-Z]+\.[a-zA-Z_-]+\b/;

const editorText = (page: Page) => page.locator('.collab-editor .ProseMirror').innerText();

describe.skipIf(!hasChromium)('co-editing a lesson across the border', () => {
  let server: RunningServer;
  let browser: Browser;
  let gd: Page;
  let hk: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [gd, hk] = await Promise.all([
      signedIn(browser, server.baseUrl, 'gd-teacher', 'zh-Hans'),
      signedIn(browser, server.baseUrl, 'hk-teacher', 'zh-Hant'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('text typed by gd-teacher appears for hk-teacher at once and survives a server restart', { timeout: 240_000 }, async () => {
    // gd-teacher finds the demo course on "My courses" and opens its first lesson from the outline.
    await gd.goto('/courses');
    await gd.getByRole('link', { name: DEMO_COURSE_TITLE }).click();
    await gd.locator('[data-testid=unit]').first().waitFor();
    await gd.screenshot({ path: path.join(SCREENSHOTS, 'courses-outline-zh-Hans.png'), fullPage: true });
    await gd.locator('[data-testid=lesson-row] a').first().click();
    await gd.waitForURL(/\/courses\/[0-9a-f-]{36}\/lessons\/[0-9a-f-]{36}$/);
    const lessonPath = new URL(gd.url()).pathname;
    expect(await gd.locator('body').innerText()).not.toMatch(RAW_KEY);

    // The same lesson for the Hong Kong co-author (the API agrees she is on the team).
    const mine = (await (await hk.request.get('/api/v1/courses')).json()) as { items: CourseSummaryView[] };
    const course = mine.items.find((c) => c.title === DEMO_COURSE_TITLE)!;
    const detail = (await (await hk.request.get(`/api/v1/courses/${course.id}`)).json()) as CourseView;
    expect(detail.team.map((m) => m.username)).toEqual(expect.arrayContaining(['gd-teacher', 'hk-teacher']));
    await hk.goto(lessonPath);

    await gd.locator('.collab-editor .ProseMirror[contenteditable=true]').waitFor();
    await hk.locator('.collab-editor .ProseMirror[contenteditable=true]').waitFor();
    const sentence = `南沙与九龙同步备课 ${Date.now().toString(36)}`;
    await gd.locator('.collab-editor .ProseMirror').click();
    await gd.keyboard.press('Control+End');
    await gd.keyboard.press('Enter');
    await gd.keyboard.insertText(sentence);
    await expect.poll(() => editorText(hk), { timeout: 15_000 }).toContain(sentence);
    await hk.screenshot({ path: path.join(SCREENSHOTS, 'courses-lesson-zh-Hant.png'), fullPage: true });

    // The structured fields save with the version read (If-Match); the form then shows the stored values.
    await hk.locator('input[data-testid=lesson-duration], [data-testid=lesson-duration] input').fill('45');
    await hk.locator('[data-testid=save-lesson]').click();
    const lessonApi = `/api/v1${lessonPath}`;
    await expect
      .poll(async () => ((await (await hk.request.get(lessonApi)).json()) as { durationMinutes: number }).durationMinutes)
      .toBe(45);

    // Leave the document so its last state is stored, then restart the server on the same data.
    await gd.goto('/courses');
    await hk.goto('/courses');
    await server.restart();

    await hk.goto(lessonPath);
    await expect.poll(() => editorText(hk), { timeout: 30_000 }).toContain(sentence);
  });

  it(
    'gd-teacher moves a lesson down the outline, exports the course as Common Cartridge and imports it again',
    { timeout: 120_000 },
    async () => {
      await gd.goto('/courses');
      await gd.getByRole('link', { name: DEMO_COURSE_TITLE }).click();
      const firstUnitLessons = gd.locator('[data-testid=unit]').first().locator('[data-testid=lesson-row] a');
      await firstUnitLessons.first().waitFor();
      const [first, second] = (await firstUnitLessons.allInnerTexts()).map((s) => s.replace(/^\d+\.\d+ /, ''));
      await gd
        .locator('[data-testid=unit]')
        .first()
        .locator('[data-testid=lesson-row]')
        .first()
        .getByRole('button', { name: '下移' })
        .click();
      await expect
        .poll(async () => (await firstUnitLessons.allInnerTexts()).map((s) => s.replace(/^\d+\.\d+ /, '')))
        .toEqual([second, first]);

      const download = await gd.request.get((await gd.locator('[data-testid=export-13]').getAttribute('href'))!);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain('imscc');
      expect((await download.body()).subarray(0, 2).toString()).toBe('PK');

      // Importing the exported package from "My courses" makes a new course with the same outline.
      const coursePath = new URL(gd.url()).pathname;
      await gd.goto('/courses');
      await gd
        .locator('input[type=file]')
        .setInputFiles({ name: 'course.imscc', mimeType: 'application/zip', buffer: await download.body() });
      const ok = gd.locator('.ant-modal-confirm .ant-btn-primary');
      await Promise.race([
        gd.waitForURL((url) => /\/courses\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== coursePath),
        ok.waitFor(),
      ]);
      if (await ok.isVisible()) await ok.click();
      await gd.waitForURL((url) => /\/courses\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== coursePath);
      await expect.poll(() => gd.locator('h3').first().innerText()).toBe(DEMO_COURSE_TITLE);
      await expect.poll(() => firstUnitLessons.allInnerTexts()).toHaveLength(2);
    },
  );
});
