import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\bnetwork\.[a-zA-Z]+\.[a-zA-Z_-]+\b/;

// The demo pairs gd-demo-school with a Kowloon City school, so hk-demo-school is free to propose to it.
describe.skipIf(!hasChromium)('sister-school pairing across the border', () => {
  let server: RunningServer;
  let browser: Browser;
  let hk: Page;
  let gd: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [hk, gd] = await Promise.all([
      signedIn(browser, server.baseUrl, 'hk-principal', 'zh-Hant'),
      signedIn(browser, server.baseUrl, 'gd-principal', 'zh-Hans'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('hk-principal finds a Guangdong school and proposes; gd-principal accepts; both see the pair page', { timeout: 180_000 }, async () => {
    // The Hong Kong principal filters the directory to Guangdong and opens the Nansha school.
    await hk.goto('/network/schools');
    await hk.locator('[data-testid=school-card]').first().waitFor();
    await hk
      .locator('.ant-select')
      .filter({ hasText: text('zh-Hant', 'network.fields.jurisdiction') })
      .first()
      .click();
    await hk
      .locator('.ant-select-item-option')
      .filter({ hasText: text('zh-Hant', 'network.jurisdictions.GD') })
      .click();
    await expect.poll(() => hk.locator('[data-testid=school-card][data-code^=hk-]').count()).toBe(0);
    await hk.locator('[data-testid=school-card][data-code=gd-demo-school]').click();
    // Signed-in staff see the contact person; the profile is read in Traditional Chinese.
    await expect.poll(() => hk.locator('h3').first().innerText()).toBe('南沙灣橋實驗學校');
    await hk.locator('[data-testid=contact]').first().waitFor();
    expect(await hk.locator('body').innerText()).not.toMatch(RAW_KEY);
    await hk.screenshot({ path: path.join(SCREENSHOTS, 'network-school-zh-Hant.png'), fullPage: true });

    await hk.locator('[data-testid=propose]').click();
    await hk.locator('[data-testid=propose-goals]').fill('每學期一次互訪，共同開發智慧農業人工智能課程（虛構示例）');
    await hk.getByRole('button', { name: text('zh-Hant', 'network.propose.send') }).click();
    await hk.waitForURL(/\/network\/pairs\/[0-9a-f-]{36}$/);
    const pairUrl = new URL(hk.url()).pathname;
    await expect.poll(() => hk.locator('[data-testid=pair-status]').getAttribute('data-status')).toBe('proposed');
    expect(await hk.locator('body').innerText()).toContain(text('zh-Hant', 'network.pair.waitingForOther', { school: '南沙灣橋實驗學校' }));

    // The Guangdong principal finds the proposal under "my pairs" and accepts it.
    await gd.goto('/network/pairs');
    const row = gd.locator('[data-testid=pair-row]').filter({ hasText: '深水埗湾桥创科中学' });
    await row.getByText(text('zh-Hans', 'network.pairs.awaitingYou')).waitFor();
    await row.getByRole('link').click();
    await gd.locator('[data-testid=accept-pair]').click();
    await expect.poll(() => gd.locator('[data-testid=pair-status]').getAttribute('data-status')).toBe('active');
    expect(new URL(gd.url()).pathname).toBe(pairUrl);
    expect(await gd.locator('[data-testid=approved-b]').innerText()).toBe(text('zh-Hans', 'network.pair.signed'));
    expect(await gd.locator('body').innerText()).not.toMatch(RAW_KEY);
    await gd.screenshot({ path: path.join(SCREENSHOTS, 'network-pair-zh-Hans.png'), fullPage: true });

    // Both principals see the agreement in force on the pair page.
    await hk.goto(pairUrl);
    await expect.poll(() => hk.locator('[data-testid=pair-status]').getAttribute('data-status')).toBe('active');
    expect(await hk.locator('[data-testid=pair-status]').innerText()).toBe(text('zh-Hant', 'network.pairStatus.active'));
    expect(await hk.locator('body').innerText()).not.toMatch(RAW_KEY);
    await hk.screenshot({ path: path.join(SCREENSHOTS, 'network-pair-zh-Hant.png'), fullPage: true });
  });
});
