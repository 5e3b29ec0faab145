import type { Browser, Page } from 'playwright-core';
import type { UiLanguage } from '../../src/shared/languages.ts';
import { DEMO_PASSWORD } from './browser.ts';
import { SWITCH_LABEL } from './catalogues.ts';

/** A fresh browser context signed in as a demo account, switched to `language` as a user would. */
export async function signedIn(browser: Browser, baseURL: string, username: string, language: UiLanguage): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid=welcome]').waitFor();
  await page.locator('.ant-segmented').getByText(SWITCH_LABEL[language], { exact: true }).click();
  return page;
}
