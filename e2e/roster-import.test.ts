import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { SWITCH_LABEL, text } from './support/catalogues.ts';
import { startServer, type RunningServer } from './support/server.ts';

const L = 'zh-Hans' as const;
const HEADER = '姓名,学号,班级,角色';
/** Invented pupils; the second row's role (家长, "parent") is not one the template accepts. */
const BAD_CSV = `${HEADER}\n陈小明,E2E-001,初一(1)班,学生\n李思琪,E2E-002,初一(1)班,家长\n`;
const GOOD_CSV = BAD_CSV.replace('家长', '学生');

async function uploadRoster(page: Page, csv: string) {
  const existing = page.locator('.ant-upload-list-item');
  const count = await existing.count();
  for (let i = count - 1; i >= 0; i--) {
    // The remove button shows on hover, as it does for a mouse user.
    await existing.nth(i).hover();
    await existing.nth(i).getByRole('button').last().click();
  }
  await expect.poll(() => existing.count()).toBe(0);
  await page.locator('input[type=file]').setInputFiles({ name: '初一名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: text(L, 'roster.check') }).click();
}

describe.skipIf(!hasChromium)('a school administrator at work', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await browser.newContext({ baseURL: server.baseUrl, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    await page.goto('/login');
    await page.locator('.ant-segmented').getByText(SWITCH_LABEL[L], { exact: true }).click();
    await page.locator('#username').fill('gd-school-admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('[data-testid=welcome]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a bad row is reported in plain words, fixed, imported, and the passwords downloaded once', { timeout: 400_000 }, async () => {
    const schools = await page.evaluate(async () => (await fetch('/api/v1/schools?q=gd-demo-school')).json());
    const school = schools.items.find((s: { code: string }) => s.code === 'gd-demo-school');
    expect(school, server.log()).toBeTruthy();
    await page.goto(`/roster-import?school=${school.id}`);

    // Dry run with a mistake: the error shows in Chinese and Import stays disabled.
    await uploadRoster(page, BAD_CSV);
    await page.getByText(text(L, 'roster.hasErrors', { count: 1 })).waitFor();
    await page.getByText(text(L, 'problems.role_unknown')).waitFor();
    expect(await page.locator('[data-testid=roster-commit]').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'roster-errors-zh-Hans.png'), fullPage: true });

    // The teacher fixes the file and checks again.
    await uploadRoster(page, GOOD_CSV);
    await page.getByText(text(L, 'roster.readyToImport')).waitFor();
    await page.locator('[data-testid=roster-commit]').click();
    await page.getByText(text(L, 'roster.committed.title'), { exact: true }).waitFor();
    await page.getByText(text(L, 'roster.credentials.onlyOnce')).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'roster-committed-zh-Hans.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=download-credentials]').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('姓名,用户名,初始密码');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['李思琪', '陈小明'].sort());
    for (const line of lines.slice(1)) expect(line.split(',')[2].length).toBeGreaterThanOrEqual(10);
    expect(download.suggestedFilename()).toMatch(/^账号密码-gd-demo-school-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it.each([
    ['schools', '/schools', 'schools.title'],
    ['classes', '/classes', 'classes.title'],
    ['users', '/users', 'users.title'],
    ['audit', '/audit', 'audit.title'],
    ['profile', '/profile', 'profile.title'],
  ])('the %s page opens with its data and no error', async (name, url, titleKey) => {
    await page.goto(url);
    await page.getByRole('heading', { name: text(L, titleKey), exact: true }).waitFor();
    // A school admin has one school: the picker chooses it, and the table fills.
    if (name === 'classes' || name === 'users' || name === 'audit') {
      await page.locator('.ant-table-row').first().waitFor();
    }
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(
      /\b(common|nav|schools|classes|users|audit|profile|roles|errors)\.[a-zA-Z_]+\b/,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, `admin-${name}-${L}.png`), fullPage: true });
  });

  it('a new teacher account is created, and its first login is held on the password page until changed', async () => {
    await page.goto('/users');
    await page.getByRole('button', { name: text(L, 'users.create') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#displayName').fill('黄老师');
    await dialog.locator('#username').fill('e2e.huang');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const initialPassword = (await page.locator('[data-testid=one-time-secret]').innerText()).trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: path.join(SCREENSHOTS, `admin-user-created-${L}.png`) });

    const teacher = await browser.newContext({ baseURL: server.baseUrl });
    teacher.setDefaultTimeout(60_000);
    const teacherPage = await teacher.newPage();
    await teacherPage.goto('/login');
    await teacherPage.locator('#username').fill('e2e.huang');
    await teacherPage.locator('#password').fill(initialPassword);
    await teacherPage.locator('button[type=submit]').click();
    await teacherPage.waitForURL('**/profile');
    await teacherPage.getByText(text(L, 'profile.mustChange.title')).waitFor();
    await teacherPage.goto('/');
    await teacherPage.waitForURL('**/profile');

    await teacherPage.locator('#currentPassword').fill(initialPassword);
    await teacherPage.locator('#newPassword').fill('a sentence only I know');
    await teacherPage.locator('#confirm').fill('a sentence only I know');
    await teacherPage.getByRole('button', { name: text(L, 'profile.password.submit') }).click();
    await teacherPage.locator('[data-testid=welcome]').waitFor();
    await teacher.close();
    // Two sign-ins and two password hashings (argon2id, deliberately slow) on a possibly busy CI machine.
  }, 400_000);
});
