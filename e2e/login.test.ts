import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../src/shared/languages.ts';
import { DEMO_PASSWORD, hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { SWITCH_LABEL, text } from './support/catalogues.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ACCOUNTS = [
  'demo-admin',
  'gd-bureau',
  'hk-steward',
  'gd-teacher',
  'hk-teacher',
  'mo-teacher',
  'hb-teacher',
  'gd-student',
  'hk-student',
  'gd-principal',
  'hk-principal',
  'gd-school-admin',
  'hk-school-admin',
];
const LANGUAGES: UiLanguage[] = ['zh-Hans', 'zh-Hant', 'en'];
const HTML_LANG: Record<UiLanguage, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en-GB' };
/** A catalogue key showing on screen means a translation is missing. */
const RAW_KEY = /\b(app|common|nav|navHints|shell|login|home|roles|profile|errors|problems)\.[a-zA-Z_]+\b/;

async function chooseLanguage(page: Page, language: UiLanguage) {
  await page.locator('.ant-segmented').getByText(SWITCH_LABEL[language], { exact: true }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(HTML_LANG[language]);
}

describe.skipIf(!hasChromium)('every demo account signs in, in every language', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe.each(LANGUAGES)('%s', (language) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
      // Fail a step in seconds, not at the test's timeout, so a broken page says which step broke.
      context.setDefaultTimeout(60_000);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });
    // Each account starts signed out, even when the previous one failed half-way.
    beforeEach(async () => {
      await context.clearCookies();
    });

    it('the login page speaks the chosen language and explains a wrong password', async () => {
      await page.goto('/login');
      await chooseLanguage(page, language);
      await expect.poll(() => page.locator('.ant-card-head-title').first().innerText()).toBe(text(language, 'login.title'));
      await page.locator('#username').fill('gd-student');
      await page.locator('#password').fill('not-the-password');
      await page.locator('button[type=submit]').click();
      await expect.poll(() => page.getByRole('alert').innerText()).toContain(text(language, 'errors.AUTH_INVALID_CREDENTIALS'));
      await page.screenshot({ path: path.join(SCREENSHOTS, `login-${language}.png`), fullPage: true });
      expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
    }, 400_000);

    it.each(ACCOUNTS)(
      '%s sees their home page with their name',
      async (username) => {
        await page.goto('/login');
        await chooseLanguage(page, language);
        await page.locator('#username').fill(username);
        await page.locator('#password').fill(DEMO_PASSWORD);
        await page.locator('button[type=submit]').click();
        await page.locator('[data-testid=welcome]').waitFor();

        // The user's saved language wins at login …
        const saved = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(HTML_LANG[saved.locale as UiLanguage]);
        // … and switching in the top bar saves the new choice to the profile.
        await chooseLanguage(page, language);
        const fetchMe = () => page.evaluate(async () => (await fetch('/api/v1/me')).json());
        await expect.poll(fetchMe, { timeout: 5_000 }).toMatchObject({ locale: language });
        const me = await fetchMe();
        await expect
          .poll(() => page.locator('[data-testid=welcome]').innerText())
          .toBe(text(language, 'home.welcome', { name: me.displayName }));
        expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
        await page.screenshot({ path: path.join(SCREENSHOTS, `home-${language}-${username}.png`) });

        await page.locator('[data-testid=user-menu]').click();
        await page
          .locator('.ant-dropdown-menu-item')
          .filter({ hasText: text(language, 'shell.logout') })
          .first()
          .click();
        await page.waitForURL('**/login');
      },
      60_000,
    );
  });
});
