import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** The demo course (courses.demo.ts): two units of two lessons each. */
const DEMO_COURSE_TITLE = '人工智能启蒙：让机器学会识别（演示）';

const unitCards = (page: Page) => page.locator('[data-testid=unit]');
/** Lesson titles per unit as shown, without their "1.2" numbering. */
const outlineShown = async (page: Page) => {
  const out: string[][] = [];
  for (const unit of await unitCards(page).all()) {
    out.push((await unit.locator('[data-testid=lesson-row] a').allInnerTexts()).map((s) => s.replace(/^\d+\.\d+ /, '')));
  }
  return out;
};

/** A real pointer drag: press on the handle, move in steps (dnd-kit starts after a few pixels), release. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.move(to.x, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

const centre = async (page: Page, selector: ReturnType<Page['locator']>) => {
  const box = (await selector.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe.skipIf(!hasChromium)('course outline: drag and drop', () => {
  let server: RunningServer;
  let browser: Browser;
  let gd: Page;

  // Generous: on a shared CI box building the web app and seeding the demo can take minutes.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    gd = await signedIn(browser, server.baseUrl, 'gd-teacher', 'zh-Hans');
    await gd.goto('/courses');
    await gd.getByRole('link', { name: DEMO_COURSE_TITLE }).click();
    await unitCards(gd).first().locator('[data-testid=lesson-row]').first().waitFor();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gd-teacher drags a lesson into the other unit; after a reload it is still there', async () => {
    const [[moved, ...rest], second] = await outlineShown(gd);
    const moving = unitCards(gd).first().locator('[data-testid=lesson-row]').first();
    const target = unitCards(gd).nth(1).locator('[data-testid=lesson-row]').first();
    await drag(gd, await centre(gd, moving.locator('[data-testid=drag-handle]')), await centre(gd, target));
    await expect.poll(async () => (await outlineShown(gd))[0]).toEqual(rest);
    await gd.locator('.ant-message-success').waitFor();
    const after = await outlineShown(gd);
    expect(after[1]).toHaveLength(second!.length + 1);
    expect(after[1]).toContain(moved);

    await gd.reload();
    await unitCards(gd).nth(1).locator('[data-testid=lesson-row]').first().waitFor();
    expect(await outlineShown(gd)).toEqual(after);
  });

  it('a drop made on an outline a co-author changed meanwhile is refused with a message, and the current outline is shown', async () => {
    const before = await outlineShown(gd);
    // A co-author adds a lesson through the API while gd-teacher's page still shows the old outline.
    const path = new URL(gd.url()).pathname;
    const course = (await (await gd.request.get(`/api/v1${path}`)).json()) as { units: { id: string }[] };
    const csrf = (await gd.context().cookies()).find((c) => c.name === 'eb_csrf')?.value ?? '';
    const added = await gd.request.post(`/api/v1${path}/lessons`, {
      data: { unitId: course.units[0]!.id, title: '新加的一课' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(added.status()).toBe(201);

    await unitCards(gd).nth(1).locator('[data-testid=lesson-row]').first().getByRole('button', { name: '下移' }).click();
    await gd.locator('.ant-message-warning').getByText('另一位合作者修改了课程大纲').waitFor();
    await expect.poll(() => outlineShown(gd)).toEqual([[...before[0]!, '新加的一课'], before[1]]);
  });

  it('with the keyboard alone (focus the handle, Space, ArrowDown, Space) a lesson moves down, and stays there after a reload', async () => {
    await gd.reload();
    const rows = () => unitCards(gd).nth(1).locator('[data-testid=lesson-row]');
    await rows().first().waitFor();
    const [first, second, ...rest] = (await outlineShown(gd))[1]!;
    // Each step waits for what a screen-reader user hears (dnd-kit's live region) before the next key.
    const live = gd.locator('[id^=DndLiveRegion]');
    await rows().first().locator('[data-testid=drag-handle]').focus();
    await gd.keyboard.press('Space');
    // Picked up: announced where it is now (first of its unit).
    await live
      .getByText(text('zh-Hans', 'courses.outline.over', { title: first!, n: 1, total: rest.length + 2 }))
      .waitFor({ state: 'attached' });
    await gd.keyboard.press('ArrowDown');
    await live
      .getByText(text('zh-Hans', 'courses.outline.over', { title: first!, n: 2, total: rest.length + 2 }))
      .waitFor({ state: 'attached' });
    await gd.keyboard.press('Space');
    await live.getByText(text('zh-Hans', 'courses.outline.dropped', { title: first! })).waitFor({ state: 'attached' });
    await expect.poll(async () => (await outlineShown(gd))[1]).toEqual([second, first, ...rest]);
    await gd.locator('.ant-message-success').last().waitFor();

    await gd.reload();
    await rows().first().waitFor();
    expect((await outlineShown(gd))[1]).toEqual([second, first, ...rest]);
  });
});
