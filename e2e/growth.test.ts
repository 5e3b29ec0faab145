import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { SWITCH_LABEL, text } from './support/catalogues.ts';
import { startServer, type RunningServer } from './support/server.ts';

const L = 'zh-Hans' as const;
const TITLE = '周末社区图书馆志愿服务';
/** A 1×1 PNG standing in for the volunteering photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function signedIn(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  // Generous: CI runs browser tests beside the rest of the suite on two cores.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('.ant-segmented').getByText(SWITCH_LABEL[L], { exact: true }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid=welcome]').waitFor();
  // The saved language wins at login; the flow reads Simplified Chinese.
  await page.locator('.ant-segmented').getByText(SWITCH_LABEL[L], { exact: true }).click();
  return page;
}

async function pick(page: Page, label: string, option: string) {
  await page.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').first().click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

describe.skipIf(!hasChromium)('the growth record, from entry to term report', () => {
  let server: RunningServer;
  let browser: Browser;
  let student: Page;
  let teacher: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [student, teacher] = await Promise.all([
      signedIn(browser, server.baseUrl, 'gd-student'),
      signedIn(browser, server.baseUrl, 'gd-teacher'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'a student records volunteering with a photo, the teacher approves it, publicity opens, the report downloads',
    { timeout: 400_000 },
    async () => {
      // The student adds a volunteering entry with a photo.
      await student.goto('/growth');
      await student.locator('[data-testid=growth-add]').click();
      await pick(student, text(L, 'growth.add.source'), text(L, 'growth.source.volunteering'));
      await pick(student, text(L, 'growth.add.dimension'), '劳动与社会实践');
      await student.locator('[data-testid=growth-title]').fill(TITLE);
      await student.locator('.ant-modal input[type=file]').setInputFiles({ name: '图书馆.png', mimeType: 'image/png', buffer: PHOTO });
      await student.locator('.ant-modal-footer .ant-btn-primary').click();
      const entry = student.locator('[data-testid=growth-evidence]').filter({ hasText: TITLE });
      await entry.waitFor();
      await expect.poll(() => entry.locator('img').count()).toBe(1);
      await entry.getByText(text(L, 'growth.review.pending')).waitFor();
      await student.screenshot({ path: path.join(SCREENSHOTS, 'growth-student-zh-Hans.png'), fullPage: true });

      // The class teacher approves it from the review queue.
      await teacher.goto('/growth');
      await teacher.getByRole('tab', { name: text(L, 'growth.tabs.review') }).click();
      const item = teacher.locator('[data-testid=growth-review-item]').filter({ hasText: TITLE });
      await item.waitFor();
      await teacher.screenshot({ path: path.join(SCREENSHOTS, 'growth-review-zh-Hans.png'), fullPage: true });
      await item.locator('[data-testid=growth-approve]').click();
      await expect.poll(() => item.count()).toBe(0);

      // The student selects it (with the other approved entries) and hands the selection in.
      await student.reload();
      await entry.getByText(text(L, 'growth.review.approved')).waitFor();
      expect(await entry.getByRole('checkbox').isChecked()).toBe(true);
      await student.locator('[data-testid=growth-hand-in]').click();
      await student.locator('[data-testid=growth-next]').getByText(text(L, 'growth.next.selected')).waitFor();

      // The class teacher opens the publicity window for the class.
      await teacher.getByRole('tab', { name: text(L, 'growth.tabs.classes') }).click();
      await teacher.locator('.ant-table-row').first().waitFor();
      await teacher.locator('[data-testid=growth-open-publicity]').click();
      await teacher.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      // The confirmation toast lasts 3 s, which a starved browser can miss: wait for the student's row instead.
      await teacher
        .locator('.ant-table-row')
        .filter({ hasText: '王小禾' })
        .getByText(text(L, 'growth.stage.publicity'), { exact: true })
        .waitFor();
      await teacher.screenshot({ path: path.join(SCREENSHOTS, 'growth-class-zh-Hans.png'), fullPage: true });

      // The student sees the window and downloads the term report.
      await student.reload();
      await student.locator('[data-testid=growth-next]').getByText('正在班内公示', { exact: false }).waitFor();
      await student.screenshot({ path: path.join(SCREENSHOTS, 'growth-publicity-zh-Hans.png'), fullPage: true });
      const [download] = await Promise.all([student.waitForEvent('download'), student.locator('[data-testid=growth-report]').click()]);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text: body } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(body).toContain('王小禾');
      expect(body).toContain(TITLE);
      expect(body).toContain('劳动与社会实践');
    },
  );
});
