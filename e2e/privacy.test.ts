import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { SWITCH_LABEL, text } from './support/catalogues.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Invented pupils (no real person): 40 rows, ages 15–17, so the general k = 10 of Guangdong applies. */
function pupilsCsv(): string {
  const names = ['陈子轩', '李嘉怡', '黄俊熙', '张欣妍', '梁浩然', '林思彤', '何梓航', '吴晓晴'];
  const districts = ['南沙区', '天河区', '番禺区', '越秀区'];
  const lines = ['学号,姓名,年龄,性别,地区,成绩'];
  for (let i = 0; i < 40; i++)
    lines.push([`E2E${1000 + i}`, names[i % 8], 15 + (i % 3), i % 2 ? '男' : '女', districts[i % 4], 50 + ((i * 7) % 50)].join(','));
  return lines.join('\n') + '\n';
}

async function signIn(context: BrowserContext, username: string, language: 'zh-Hans' | 'zh-Hant'): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('.ant-segmented').getByText(SWITCH_LABEL[language], { exact: true }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid=welcome]').waitFor();
  return page;
}

describe.skipIf(!hasChromium)('data stewards share de-identified data', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('GD de-identifies a table, both stewards approve the demo agreement, HK asks a private question', async () => {
    const gdContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1360, height: 900 } });
    gdContext.setDefaultTimeout(60_000);
    const gd = await signIn(gdContext, 'gd-steward', 'zh-Hans');

    // Workbench: upload → suggested operators → run → side by side.
    await gd.goto('/data-sharing');
    await gd.locator('input[type=file]').setInputFiles({ name: '测评样例.csv', mimeType: 'text/csv', buffer: Buffer.from(pupilsCsv()) });
    await gd.locator('[data-testid=dataset-upload-button]').click();
    await gd.locator('[data-testid=column-operators]').waitFor();
    await gd.getByText(text('zh-Hans', 'privacy.roles.direct_identifier')).first().waitFor();
    await gd.locator('[data-testid=release-run]').click();
    await expect
      .poll(() => gd.locator('[data-testid=release-status]').innerText(), { timeout: 30_000 })
      .toBe(text('zh-Hans', 'privacy.releaseStatus.ready'));
    await gd.locator('[data-testid=deidentified-table]').waitFor();
    const published = await gd.locator('[data-testid=deidentified-table]').innerText();
    expect(published).not.toContain('陈子轩');
    expect(published).toContain('15-19');
    await gd.screenshot({ path: path.join(SCREENSHOTS, 'privacy-workbench-zh-Hans.png'), fullPage: true });

    // Free text: a phone number is found and redacted.
    await gd.goto('/data-sharing/redact');
    await gd.locator('[data-testid=redact-input]').fill('请联系家长陈大文，电话 13800138000。');
    await gd.locator('[data-testid=redact-run]').click();
    await expect.poll(() => gd.locator('[data-testid=redact-output]').innerText()).toContain('[PHONE]');
    await gd.screenshot({ path: path.join(SCREENSHOTS, 'privacy-redact-zh-Hans.png') });

    // The demo agreement draft: GD approves its side.
    await gd.goto('/data-sharing/agreements');
    await gd.locator('[data-testid=agreement-approve]').first().click();
    await gd.getByText(text('zh-Hans', 'privacy.agreementStatus.pending')).first().waitFor();
    await gdContext.close();

    const hkContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1360, height: 900 } });
    hkContext.setDefaultTimeout(60_000);
    const hk = await signIn(hkContext, 'hk-steward', 'zh-Hant');
    await hk.goto('/data-sharing/agreements');
    await hk.locator('[data-testid=agreement-approve]').first().click();
    await hk.getByText(text('zh-Hant', 'privacy.agreementStatus.active')).first().waitFor();
    await hk.screenshot({ path: path.join(SCREENSHOTS, 'privacy-agreements-approved-zh-Hant.png') });
    await hk.locator('[data-testid=agreement-more]').first().click();
    await hk.locator('[data-testid=dp-run]').click();
    await hk.locator('[data-testid=dp-answer]').waitFor();
    await hk.screenshot({ path: path.join(SCREENSHOTS, 'privacy-agreements-zh-Hant.png'), fullPage: true });
    // The HK steward never reaches Guangdong's raw rows.
    const datasets = await hk.evaluate(async () => (await fetch('/api/v1/privacy/datasets')).json());
    expect(datasets.items).toEqual([]);
    await hkContext.close();
  }, 400_000);
});
