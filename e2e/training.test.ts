import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MATHS_TITLE } from '../src/server/modules/training/training.demo.ts';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\btraining\.[a-zA-Z]+\.[a-zA-Z_]+\b/;

describe.skipIf(!hasChromium)('teacher training across the border', () => {
  let server: RunningServer;
  let browser: Browser;
  let teacher: Page;
  let bureau: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [teacher, bureau] = await Promise.all([
      signedIn(browser, server.baseUrl, 'hk-teacher', 'zh-Hant'),
      signedIn(browser, server.baseUrl, 'gd-bureau', 'zh-Hans'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'hk-teacher enrols in AI + mathematics, checks in by QR, hands in work; gd-bureau sees the training rate move',
    { timeout: 400_000 },
    async () => {
      const mathsRow = bureau.locator('tr').filter({ hasText: DEMO_MATHS_TITLE });
      await bureau.goto('/training/dashboard');
      const rateBefore = await mathsRow.locator('[data-testid=organised-active]').innerText();
      expect(rateBefore).toBe('50%');

      // The Hong Kong teacher finds the Guangzhou programme in the catalogue and asks to join.
      await teacher.goto('/training');
      await teacher.locator('[data-testid=programme-card]').filter({ hasText: DEMO_MATHS_TITLE }).click();
      await teacher.locator('[data-testid=enrol]').click();
      await expect
        .poll(() => teacher.locator('[data-testid=my-enrolment-status]').innerText())
        .toBe(text('zh-Hant', 'training.enrolmentStatus.pending'));
      await teacher.screenshot({ path: path.join(SCREENSHOTS, 'training-programme-zh-Hant.png'), fullPage: true });

      // The organiser approves, then opens the attendance QR of the coming session.
      await bureau.goto('/training/organise');
      await bureau.locator('[data-testid=managed-programme]').filter({ hasText: DEMO_MATHS_TITLE }).click();
      await bureau.locator('[data-testid=enrolment-approve]').click();
      await expect.poll(() => bureau.locator('[data-testid=enrolment-approve]').count()).toBe(0);
      await bureau.getByRole('tab', { name: text('zh-Hans', 'training.organise.sessions') }).click();
      await bureau.locator('[data-testid=show-qr]').last().click();
      const qr = bureau.locator('[data-testid=attendance-qr]');
      await qr.waitFor();
      await bureau.screenshot({ path: path.join(SCREENSHOTS, 'training-attendance-qr-zh-Hans.png') });
      const checkInUrl = new URL((await qr.getAttribute('data-url'))!);

      // Scanning the code checks the teacher in.
      await teacher.goto(checkInUrl.pathname + checkInUrl.search);
      await teacher.locator('[data-testid=check-in-done]').waitFor();

      // The teacher hands in the assignment.
      await teacher.goto('/training/me');
      await teacher
        .locator('[data-testid=learning-card]')
        .filter({ hasText: DEMO_MATHS_TITLE })
        .getByRole('link', { name: DEMO_MATHS_TITLE })
        .click();
      await teacher
        .locator('[data-testid=submission-text]')
        .fill('以香港中一統計單元為例，學生用 AI 工具整理班上的身高數據，再討論模型的局限。（虛構示例）');
      await teacher.locator('[data-testid=submit-assignment]').click();
      await expect
        .poll(() => teacher.locator('[data-testid=my-submission]').innerText())
        .toContain(text('zh-Hant', 'training.submissionStatus.submitted'));
      expect(await teacher.locator('body').innerText()).not.toMatch(RAW_KEY);
      await teacher.screenshot({ path: path.join(SCREENSHOTS, 'training-submitted-zh-Hant.png'), fullPage: true });

      // The bureau's dashboard moves: one more teacher enrolled and active.
      await bureau.goto('/training/dashboard');
      await expect.poll(() => mathsRow.locator('[data-testid=organised-enrolled]').innerText()).toBe('3');
      await expect.poll(() => mathsRow.locator('[data-testid=organised-active]').innerText()).toBe('66.7%');
      expect(await bureau.locator('body').innerText()).not.toMatch(RAW_KEY);
      await bureau.screenshot({ path: path.join(SCREENSHOTS, 'training-dashboard-zh-Hans.png'), fullPage: true });
    },
  );

  it(
    'hk-principal opens the demo certificate; the public verification page says it is valid, without login',
    { timeout: 400_000 },
    async () => {
      const principal = await signedIn(browser, server.baseUrl, 'hk-principal', 'zh-Hant');
      await principal.goto('/training/me');
      const href = await principal.locator('a[href^="/verify/"]').first().getAttribute('href');
      await principal.screenshot({ path: path.join(SCREENSHOTS, 'training-my-learning-zh-Hant.png'), fullPage: true });
      // A visitor with no account, on a Hong Kong browser.
      const visitor = await (
        await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-HK', viewport: { width: 1280, height: 900 } })
      ).newPage();
      await visitor.goto(href!);
      await expect
        .poll(() => visitor.locator('[data-testid=verify-status]').innerText())
        .toContain(text('zh-Hant', 'training.verify.valid'));
      expect(await visitor.locator('body').innerText()).not.toMatch(RAW_KEY);
      await visitor.screenshot({ path: path.join(SCREENSHOTS, 'training-verify.png'), fullPage: true });
    },
  );
});
