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
});
