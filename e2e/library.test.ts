import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { SWITCH_LABEL, text } from './support/catalogues.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\blibrary\.[a-zA-Z]+\.[a-zA-Z_-]+\b/;

describe.skipIf(!hasChromium)('the shared library across the border', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    await page.goto('/login');
    await page.locator('#username').fill('gd-teacher');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('[data-testid=welcome]').waitFor();
    await page.locator('.ant-segmented').getByText(SWITCH_LABEL['zh-Hans'], { exact: true }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'gd-teacher searches 机器人, finds a Hong Kong lesson that says 機械人, reads it in 简体 and adapts it',
    { timeout: 400_000 },
    async () => {
      // Search from the library's front page; the query goes into the address.
      await page.goto('/library');
      const box = page.locator('[data-testid=library-search-box] input');
      await box.fill('机器人');
      await box.press('Enter');
      await page.waitForURL(/\/library\/search\?q=/);
      const hkCard = page
        .locator('[data-testid=resource-card]')
        .filter({ has: page.locator('[data-testid=language-tag]', { hasText: text('zh-Hans', 'library.languageTags.zh-Hant-HK') }) })
        .first();
      await hkCard.waitFor();
      // The match is highlighted in the Hong Kong wording, though the query was typed in 简体.
      await expect.poll(() => hkCard.locator('[data-testid=resource-link] mark').first().innerText()).toBe('機械人');
      expect(await page.locator('[data-testid=search-facets]').innerText()).toContain(text('zh-Hans', 'library.languageTags.zh-Hant-HK'));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'library-search-zh-Hans.png'), fullPage: true });

      // Open it and read it in 简体: converted, and labelled as machine-converted.
      const original = await hkCard.locator('[data-testid=resource-link]').innerText();
      await hkCard.locator('[data-testid=resource-link]').click();
      await expect.poll(() => page.locator('[data-testid=resource-title]').innerText()).toBe(original);
      // A public resource carries its schema.org description for search engines.
      await expect.poll(() => page.locator('script[type="application/ld+json"]').count()).toBe(1);
      await page
        .locator('[data-testid=display-switch]')
        .getByText(text('zh-Hans', 'library.languageTags.zh-Hans'), { exact: true })
        .click();
      await page.waitForURL(/display=zh-Hans/);
      await page.locator('[data-testid=machine-converted]').waitFor();
      await expect.poll(() => page.locator('[data-testid=resource-title]').innerText()).toContain('机器人');
      expect(await page.locator('[data-testid=machine-converted]').innerText()).toContain(
        text('zh-Hans', 'library.resource.machineConverted'),
      );
      expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'library-resource-simplified-zh-Hans.png'), fullPage: true });

      // Adapt it: a private draft in the teacher's own school that points back to the Hong Kong original.
      const sourceUrl = page.url();
      await page.locator('[data-testid=adapt]').click();
      await expect.poll(() => page.url()).not.toBe(sourceUrl);
      await expect
        .poll(() => page.locator('[data-testid=resource-lineage]').innerText())
        .toContain(text('zh-Hans', 'library.resource.adaptedFrom'));
      expect(await page.locator('[data-testid=resource-lineage] a').first().innerText()).toBe(original);
      expect(await page.locator('body').innerText()).toContain(text('zh-Hans', 'library.statuses.draft'));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'library-adapted-zh-Hans.png'), fullPage: true });
    },
  );
});
