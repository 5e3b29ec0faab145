import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { buttonName, text } from './support/catalogues.ts';
import { signedIn } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A catalogue key showing on screen means a translation is missing. */
/** The machine is shared and slow: waits on the page get time (they catch hangs, not slowness). */
const LONG = { timeout: 60_000 };
const RAW_KEY = /\bassistant\.[a-zA-Z]+\.[a-zA-Z_-]+\b/;

// The demo configures no provider (it calls nothing outside), so the assistant runs in its offline mode:
// ranked library passages and a template draft, labelled as such.
describe.skipIf(!hasChromium)('the shared AI assistant, offline in the demo', () => {
  let server: RunningServer;
  let browser: Browser;
  let teacher: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    teacher = await signedIn(browser, server.baseUrl, 'gd-teacher', 'zh-Hans');
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'gd-teacher drafts a junior-secondary lesson plan on image recognition from library sources and saves it as a draft',
    { timeout: 180_000 },
    async () => {
      await teacher.goto('/assistant');
      await teacher.locator('[data-testid=assistant-offline]').waitFor();
      expect(await teacher.locator('[data-testid=assistant-offline]').innerText()).toContain(text('zh-Hans', 'assistant.offline.title'));
      await teacher.locator('[data-testid=assistant-tool-lesson-plan]').getByRole('button').click();
      await teacher.waitForURL(/\/assistant\/tools\/lesson-plan$/);

      await teacher.getByLabel(text('zh-Hans', 'assistant.form.topic')).fill('图像识别');
      // Junior secondary is the default grade band; choose it explicitly as a teacher would check it.
      await teacher
        .locator('.ant-form-item')
        .filter({ hasText: text('zh-Hans', 'assistant.form.gradeBand') })
        .locator('.ant-select')
        .click();
      await teacher
        .locator('.ant-select-item-option')
        .filter({ hasText: text('zh-Hans', 'library.gradeBands.junior') })
        .click();
      await teacher.getByRole('button', { name: text('zh-Hans', 'assistant.form.submit') }).click();

      const result = teacher.locator('[data-testid=tool-result]');
      await result.waitFor();
      expect(await result.innerText()).toContain(text('zh-Hans', 'assistant.offline.templateTag'));
      expect(await teacher.locator('[data-testid=tool-result-title]').innerText()).toContain('图像识别');
      // Citations: the demo library's image-recognition lesson, linked to its page.
      const citation = teacher.locator('[data-testid=assistant-citations] a').filter({ hasText: '图像识别入门' }).first();
      await citation.waitFor();
      expect(await citation.getAttribute('href')).toMatch(/^\/library\/resources\/[0-9a-f-]{36}$/);
      expect(await teacher.locator('body').innerText()).not.toMatch(RAW_KEY);
      await teacher.screenshot({ path: path.join(SCREENSHOTS, 'assistant-lesson-plan-zh-Hans.png'), fullPage: true });

      await teacher.getByRole('button', { name: text('zh-Hans', 'assistant.result.saveDraft') }).click();
      await teacher.locator('[data-testid=saved-draft-link]').click();
      await teacher.waitForURL(/\/library\/resources\/[0-9a-f-]{36}$/);
      const title = teacher.locator('h3').first();
      await expect.poll(() => title.innerText()).toContain('图像识别');
      expect(await teacher.locator('body').innerText()).toContain(text('zh-Hans', 'library.statuses.draft'));
    },
  );
  it('gd-teacher marks a topic of a class as assessed and removes it again', { timeout: 120_000 }, async () => {
    await teacher.goto('/assistant/assessed');
    await teacher.getByText(text('zh-Hans', 'assistant.assessed.intro')).waitFor();
    const topics = teacher.locator('[data-testid=assessed-topics]');
    await teacher.getByLabel(text('zh-Hans', 'assistant.assessed.topic')).fill('图像识别作业（第三单元）');
    await teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.assessed.add')) }).click();
    const item = topics.locator('.ant-list-item').filter({ hasText: '图像识别作业（第三单元）' });
    await item.waitFor();
    expect(await teacher.locator('body').innerText()).not.toMatch(RAW_KEY);
    await teacher.screenshot({ path: path.join(SCREENSHOTS, 'assistant-assessed-zh-Hans.png'), fullPage: true });

    await item.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.assessed.remove')) }).click();
    await teacher
      .locator('.ant-popconfirm')
      .getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.assessed.remove')) })
      .click();
    await item.waitFor({ state: 'detached' });
    // Still gone after a reload: it was removed on the server, not only on screen.
    await teacher.reload();
    await topics.waitFor();
    await expect.poll(() => topics.innerText(), LONG).toContain(text('zh-Hans', 'assistant.assessed.empty'));
  });

  it('gd-teacher opens a past conversation from the history and continues it', { timeout: 180_000 }, async () => {
    await teacher.goto('/assistant/chat');
    const box = teacher.getByLabel(text('zh-Hans', 'assistant.chat.placeholder'));
    await box.fill('图像识别');
    await teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.chat.send')) }).click();
    const answers = teacher.locator('[data-testid=assistant-answer]');
    await expect.poll(() => answers.first().innerText(), LONG).toMatch(/图像识别入门|圖像識別入門/);
    await expect
      .poll(() => teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.chat.stop')) }).isDisabled(), LONG)
      .toBe(true);
    await teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.chat.new')) }).click();
    await expect.poll(() => teacher.locator('[data-testid=assistant-turn]').count(), LONG).toBe(0);

    await teacher.goto('/assistant/history');
    await teacher.getByRole('link', { name: '图像识别', exact: true }).first().click();
    await teacher.locator('[data-testid=assistant-continue]').click();
    await teacher.waitForURL(/\/assistant\/chat\?c=[0-9a-f-]{36}$/);
    const turns = teacher.locator('[data-testid=assistant-turn]');
    await expect.poll(() => turns.count(), LONG).toBe(1);
    expect(await turns.first().innerText()).toMatch(/图像识别入门|圖像識別入門/);

    await box.fill('机器学习');
    await teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.chat.send')) }).click();
    await expect.poll(() => turns.count(), LONG).toBe(2);
    await expect
      .poll(() => teacher.getByRole('button', { name: buttonName(text('zh-Hans', 'assistant.chat.stop')) }).isDisabled(), LONG)
      .toBe(true);

    // The follow-up went into the same conversation: opened again from the list beside the chat, both turns are there.
    await teacher.goto('/assistant/chat');
    await teacher
      .locator('[data-testid=assistant-past-conversations]')
      .getByRole('link', { name: '图像识别', exact: true })
      .first()
      .click();
    await expect.poll(() => turns.count(), LONG).toBe(2);
    expect(await turns.nth(1).innerText()).toContain('机器学习');
    expect(await teacher.locator('body').innerText()).not.toMatch(RAW_KEY);
    await teacher.screenshot({ path: path.join(SCREENSHOTS, 'assistant-chat-restored-zh-Hans.png'), fullPage: true });
  });
});
