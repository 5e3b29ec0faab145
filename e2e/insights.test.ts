import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\binsights\.[a-zA-Z]+\.[a-zA-Z_-]+\b/;

describe.skipIf(!hasChromium)('bureau dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let gd: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    gd = await signedIn(browser, server.baseUrl, 'gd-bureau', 'zh-Hans');
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gd-bureau opens the Guangzhou dashboard in 简体 and exports it to Excel', { timeout: 180_000 }, async () => {
    await gd.goto('/');
    await gd.getByRole('menuitem', { name: text('zh-Hans', 'nav.insights') }).click();
    await gd.waitForURL(/\/insights$/);
    await gd.locator('[data-testid=insights-overview]').waitFor();
    const body = await gd.locator('body').innerText();
    expect(body).toContain(text('zh-Hans', 'insights.dashboard.title'));
    expect(body).toContain('人工智能通识课开设率');
    expect(body).toContain(text('zh-Hans', 'insights.gaps.no_ai_lab.title'));
    expect(body).not.toMatch(RAW_KEY);
    await gd.locator('[data-testid=insights-trend] canvas').first().waitFor();
    await gd.screenshot({ path: path.join(SCREENSHOTS, 'insights-dashboard-zh-Hans.png'), fullPage: true });

    const [download] = await Promise.all([gd.waitForEvent('download'), gd.locator('[data-testid=insights-export-xlsx]').click()]);
    expect(download.suggestedFilename()).toMatch(/^insights-\d{4}-\d{4}-[12]\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const overview = wb.getWorksheet(text('zh-Hans', 'insights.export.sheets.overview'));
    expect(overview).toBeDefined();
    expect(overview!.getCell('A1').value).toBe(text('zh-Hans', 'insights.export.columns.indicator'));
    const names: string[] = [];
    overview!.getColumn(1).eachCell((c) => void names.push(String(c.value)));
    expect(names).toContain('人工智能通识课开设率');
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      ['overview', 'trend', 'ranking', 'gaps'].map((k) => text('zh-Hans', `insights.export.sheets.${k}`)),
    );
  });

  it(
    'gd-bureau adds an indicator in the catalogue, is told about a bad formula, and sees it on the dashboard',
    { timeout: 180_000 },
    async () => {
      await gd.goto('/insights/catalogue');
      await gd.locator('[data-testid=insights-indicator-add]').click();
      const dialog = gd.getByRole('dialog');
      await dialog.locator('#indicator_code').fill('lab_seats_per_100');
      await dialog.locator('[id="indicator_names_zh-Hans"]').fill('每百名学生实验室座位数');
      await dialog.locator('[id="indicator_names_zh-Hant"]').fill('每百名學生實驗室座位數');
      await dialog.locator('[id="indicator_names_en"]').fill('AI lab seats per 100 students');
      await dialog.locator('[id="indicator_definitions_zh-Hans"]').fill('人工智能实验室座位数 ÷ 学生数 × 100');
      await dialog.locator('[id="indicator_definitions_zh-Hant"]').fill('人工智能實驗室座位數 ÷ 學生數 × 100');
      await dialog.locator('[id="indicator_definitions_en"]').fill('AI lab seats ÷ students × 100');
      await dialog.locator('#indicator_numerator').fill('lab_seatz');
      await dialog.locator('#indicator_denominator').fill('students');
      await gd.locator('[data-testid=insights-indicator-save]').click();
      // The server's check, translated, under the field; nothing saved.
      await dialog.getByText(text('zh-Hans', 'insights.formulaErrors.unknown_variable')).waitFor();
      await dialog.locator('#indicator_numerator').fill('lab_seats');
      await gd.locator('[data-testid=insights-indicator-save]').click();
      await dialog.waitFor({ state: 'hidden' });
      await gd.locator('[data-testid=insights-catalogue]').getByText('每百名学生实验室座位数').waitFor();

      await gd.goto('/insights');
      const overview = gd.locator('[data-testid=insights-overview]');
      await overview.getByText('每百名学生实验室座位数').waitFor();
      await gd.locator('[data-testid=insights-computed-at]').waitFor();
      const body = await gd.locator('body').innerText();
      expect(body).not.toMatch(RAW_KEY);
      await gd.screenshot({ path: path.join(SCREENSHOTS, 'insights-indicator-added-zh-Hans.png'), fullPage: true });
    },
  );
});
