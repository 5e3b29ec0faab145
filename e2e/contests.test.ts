import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { buttonName, text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

const DISTRICT = '南沙区青少年人工智能创新挑战赛（演示）';
const CITY = '广州市青少年人工智能创新挑战赛（演示）';
/** Names a blind judge must never see: the demo pupils, advisor and schools of the Nansha round. */
const NAMES = ['王小禾', '林安然', '南沙湾桥实验学校', '南沙湾桥第二中学', 'gd-student', 'Nansha Bay Bridge'];

describe.skipIf(!hasChromium)('competitions: blind judging, publication and upward recommendation', () => {
  let server: RunningServer;
  let browser: Browser;
  let judge: Page;
  let bureau: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [judge, bureau] = await Promise.all([
      signedIn(browser, server.baseUrl, 'gd-judge-1', 'zh-Hans'),
      signedIn(browser, server.baseUrl, 'gd-bureau', 'zh-Hans'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a judge scores blind; the organiser publishes results and promotes the top two', { timeout: 400_000 }, async () => {
    // The judge opens the Nansha round from the contest list; the API answer itself must carry no names.
    const bodies: string[] = [];
    judge.on('response', async (res) => {
      if (res.url().includes('/api/v1/contests/')) bodies.push(await res.text().catch(() => ''));
    });
    await judge.goto('/contests');
    await judge.getByRole('link', { name: DISTRICT }).click();
    const cards = judge.locator('[data-testid^=judge-entry-]');
    await cards.first().waitFor();
    await judge.getByText(text('zh-Hans', 'contests.judge.blindNotice')).waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const inputs = card.locator('input.ant-input-number-input');
      const n = await inputs.count();
      for (let k = 0; k < n; k++) await inputs.nth(k).fill(String(6 + ((i + k) % 4)));
      await card.locator('[data-testid=score-submit]').click();
      await card.getByText(text('zh-Hans', 'contests.judge.locked'), { exact: true }).waitFor();
    }
    await judge.screenshot({ path: path.join(SCREENSHOTS, 'contests-judge-blind-zh-Hans.png'), fullPage: true });
    const screen = await judge.locator('body').innerText();
    for (const name of NAMES) {
      expect(screen).not.toContain(name);
      for (const b of bodies) expect(b).not.toContain(name);
    }

    // The organiser (Guangzhou bureau, above Nansha) sees every score in, publishes and recommends upward.
    await bureau.goto('/contests');
    await bureau.getByRole('link', { name: DISTRICT }).click();
    const publish = bureau.locator('[data-testid=publish]');
    await expect.poll(() => publish.isEnabled(), { timeout: 20_000 }).toBe(true);
    await bureau.locator('[data-testid=preview-table] tbody tr').first().waitFor();
    await publish.click();
    await bureau.getByText(text('zh-Hans', 'contests.organise.publishedOk')).waitFor();
    const promote = bureau.locator('[data-testid=promote]');
    await expect.poll(() => promote.isEnabled(), { timeout: 20_000 }).toBe(true);
    await promote.click();
    await bureau.getByText(text('zh-Hans', 'contests.organise.promotedOk', { count: 2 })).waitFor();
    await bureau.screenshot({ path: path.join(SCREENSHOTS, 'contests-organiser-zh-Hans.png'), fullPage: true });

    // The city round now holds exactly the top two, waiting for the city organiser's confirmation.
    await bureau.goto('/contests');
    await bureau.getByRole('link', { name: CITY }).click();
    await bureau.getByRole('tab', { name: text('zh-Hans', 'contests.tabs.entries') }).click();
    const pending = bureau.locator('tbody tr').filter({ hasText: text('zh-Hans', 'contests.entryStatuses.pending_confirmation') });
    await expect.poll(() => pending.count()).toBe(2);
  });

  it('the organiser creates a round and an event through the forms, then edits the round', { timeout: 300_000 }, async () => {
    // Dates typed as a teacher would, one week apart, in the order the server requires.
    const day = (inDays: number, hour = '09:00') => `${new Date(Date.now() + inDays * 86_400_000).toISOString().slice(0, 10)} ${hour}`;
    const pick = async (input: ReturnType<Page['locator']>, value: string) => {
      await input.click();
      await input.fill(value);
      await input.press('Enter');
    };
    const name = '南沙区校园机器人挑战赛（浏览器测试）';
    await bureau.goto('/contests');
    await bureau.getByRole('button', { name: text('zh-Hans', 'contests.create.action') }).click();
    const form = bureau.getByRole('dialog');
    await form.getByLabel(text('zh-Hans', 'contests.fields.name')).fill(name);
    await form.getByLabel(text('zh-Hans', 'contests.create.code')).fill('nansha-robotics-e2e');
    const tracks = form.getByLabel(text('zh-Hans', 'contests.fields.tracks'));
    await tracks.fill('机器人');
    await tracks.press('Enter');
    const timeline = [
      'registrationOpensAt',
      'registrationClosesAt',
      'submissionClosesAt',
      'judgingClosesAt',
      'resultsAt',
      'appealsClosesAt',
    ];
    for (const [i, k] of timeline.entries()) await pick(form.getByLabel(text('zh-Hans', `contests.timeline.${k}`)), day(1 + i * 7));
    await form.getByRole('button', { name: buttonName(text('zh-Hans', 'contests.create.submit')) }).click();
    await bureau.waitForURL(/\/contests\/[0-9a-f-]{36}$/);
    await bureau.getByText(name, { exact: true }).first().waitFor();

    // Editing it: the form carries the version read; the new name shows at once.
    await bureau.locator('[data-testid=edit-contest]').click();
    const edit = bureau.getByRole('dialog');
    await edit.locator('[data-testid=edit-contest-name]').fill(`${name}（修订）`);
    await edit.getByRole('button', { name: buttonName(text('zh-Hans', 'contests.edit.submit')) }).click();
    await bureau.getByText(`${name}（修订）`, { exact: true }).first().waitFor();

    // An event: title, code, place and time; it appears in the calendar.
    const title = '院士专家进校园：机器人与人工智能（浏览器测试）';
    await bureau.goto('/contests/events');
    await bureau.getByRole('button', { name: text('zh-Hans', 'contests.createEvent.action') }).click();
    const event = bureau.getByRole('dialog');
    await event.getByLabel(text('zh-Hans', 'contests.createEvent.eventTitle')).fill(title);
    await event.getByLabel(text('zh-Hans', 'contests.create.code')).fill('nansha-lecture-e2e');
    await event.getByLabel(text('zh-Hans', 'contests.createEvent.location')).fill('南沙演示学校 报告厅');
    await pick(event.getByLabel(text('zh-Hans', 'contests.createEvent.time')), day(20, '14:00'));
    await pick(event.locator('.ant-picker-range input').nth(1), day(20, '16:00'));
    await event.getByRole('button', { name: buttonName(text('zh-Hans', 'contests.createEvent.submit')) }).click();
    await bureau.getByText(title).first().waitFor();
    await bureau.screenshot({ path: path.join(SCREENSHOTS, 'contests-created-event-zh-Hans.png'), fullPage: true });
  });
});
