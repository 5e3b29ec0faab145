import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../audit/audit.schema.ts';
import { client, lesson } from '../library/library.test-helpers.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeClass, makeSchool, makeUnit, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';
import { purgeExpiredConversations } from './assistant.jobs.ts';
import { assistantConversations, assistantProviders } from './assistant.schema.ts';
import { startFakeOpenAi, type FakeOpenAi } from './testing/fake-openai.ts';

/** Invented personal data that must never reach the provider. */
const CORPUS = {
  name: '陳大文',
  hkid: 'A123456(3)',
  phone: '9123 4567',
  email: 'chan.taiman@example.com',
  cnId: '11010519491231002X',
};
const PII_MESSAGE = `學生${CORPUS.name}的身份證是${CORPUS.hkid}，家長電話 ${CORPUS.phone}，電郵 ${CORPUS.email}，內地身份證 ${CORPUS.cnId}。請為他寫一句鼓勵。`;

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}
function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) as Record<string, unknown> };
    });
}
const answerOf = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === 'delta')
    .map((e) => e.data.text)
    .join('');
/** Placeholders the provider received in the last user message, in order. */
const placeholdersIn = (body: Record<string, unknown>) => {
  const messages = body.messages as { role: string; content: string }[];
  return [...new Set(messages.at(-1)!.content.match(/<[A-Z_]+_\d+>/g) ?? [])];
};

describe('shared AI assistant', { timeout: 120_000 }, () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let http: ReturnType<typeof client>;
  const s: Record<string, Session> = {};
  const u: Record<string, MadeUser> = {};
  let gd: { id: string; jurisdictionId: string };
  let hk: { id: string; jurisdictionId: string };
  let gdClass: { id: string };

  const chat = (who: string, message: string, extra: Record<string, unknown> = {}) =>
    http.post(s[who], '/api/v1/assistant/chat', { message, ...extra }, { 'accept-language': 'en' });
  const tool = (who: string, body: unknown, lang = 'en') => http.post(s[who], '/api/v1/assistant/tools', body, { 'accept-language': lang });
  const provider = (over: Record<string, unknown> = {}) => ({
    baseUrl: fake.baseUrl,
    chatModel: 'fake-chat',
    apiKey: 'sk-test-secret-9f2c',
    ...over,
  });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await createTestApp();
    http = client(t.app);
    const db = t.database.db;
    const province = await makeUnit(db, { jurisdiction: 'GD' });
    const cityUnit = await makeUnit(db, { jurisdiction: 'GD', parentId: province.id, level: 'city' });
    gd = await makeSchool(db, { jurisdiction: 'GD', unitId: cityUnit.id });
    hk = await makeSchool(db, { jurisdiction: 'HK' });
    gdClass = await makeClass(db, gd);
    u.gdTeacher = await makeUser(db, { role: 'teacher', school: gd, classId: gdClass.id });
    u.gdStudent = await makeUser(db, { role: 'student', school: gd, classId: gdClass.id });
    u.gdAdmin = await makeUser(db, { role: 'school_admin', school: gd });
    u.gdBureau = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'GD' });
    u.gdCityBureau = await makeUser(db, { role: 'bureau_admin', unit: cityUnit });
    u.hkBureau = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' });
    u.hkTeacher = await makeUser(db, { role: 'teacher', school: hk });
    for (const [k, v] of Object.entries(u)) s[k] = await signIn(t.app, v.username, TEST_PASSWORD);
    // Library sources: the GD teacher's own draft, and an HK teacher's private draft no one else may see.
    expect((await http.post(s.gdTeacher, '/api/v1/resources', lesson())).statusCode).toBe(201);
    expect((await http.post(s.hkTeacher, '/api/v1/resources', lesson({ title: '圖像識別：香港私人草稿' }))).statusCode).toBe(201);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('answers offline with ranked citations the user may see, says so, and sends nothing anywhere', async () => {
    const res = await chat('gdTeacher', '图像识别');
    expect(res.statusCode).toBe(200);
    const events = parseSse(res.body);
    const meta = events.find((e) => e.event === 'meta')!.data as { offline: boolean; citations: { title: string; link: string }[] };
    expect(meta.offline).toBe(true);
    expect(meta.citations.map((c) => c.title)).toContain('图像识别入门：教电脑认出猫和狗');
    expect(meta.citations.map((c) => c.title)).not.toContain('圖像識別：香港私人草稿');
    expect(meta.citations[0].link).toMatch(/^\/library\/resources\//);
    expect(answerOf(events)).toContain('[1] 图像识别入门');
    expect(events.at(-1)!.event).toBe('done');
    expect(fake.requests).toHaveLength(0);
  });

  it('drafts an offline lesson plan from a template with the library sources, and saves it as a draft resource', async () => {
    const res = await tool(
      'gdTeacher',
      {
        tool: 'lesson-plan',
        input: { gradeBand: 'junior', subject: 'ai', topic: '图像识别', competencies: ['ai-techniques-and-applications'] },
      },
      'zh-Hans',
    );
    expect(res.statusCode).toBe(200);
    const out = res.json() as {
      id: string;
      offline: boolean;
      output: { title: string; materials: string[] };
      citations: { title: string }[];
    };
    expect(out.offline).toBe(true);
    expect(out.output.title).toContain('模板');
    expect(out.output.materials.join()).toContain('图像识别入门');
    const saved = await http.post(s.gdTeacher, `/api/v1/assistant/messages/${out.id}/draft`, {}, { 'accept-language': 'zh-Hans' });
    expect(saved.statusCode).toBe(200);
    const resource = await http.get(s.gdTeacher, `/api/v1/resources/${(saved.json() as { resourceId: string }).resourceId}`);
    expect(resource.json()).toMatchObject({ status: 'draft', title: out.output.title });
    // Someone else cannot save another teacher's answer.
    expect((await http.post(s.hkTeacher, `/api/v1/assistant/messages/${out.id}/draft`, {})).statusCode).toBe(404);
  });

  it('lets only the jurisdiction admin set the provider, stores the key sealed and never returns or audits it', async () => {
    expect((await http.put(s.gdTeacher, `/api/v1/assistant/providers/${gd.jurisdictionId}`, provider())).statusCode).toBe(404);
    expect((await http.put(s.hkBureau, `/api/v1/assistant/providers/${gd.jurisdictionId}`, provider())).statusCode).toBe(404);
    expect((await http.put(s.gdCityBureau, `/api/v1/assistant/providers/${gd.jurisdictionId}`, provider())).statusCode).toBe(404);
    const res = await http.put(s.gdBureau, `/api/v1/assistant/providers/${gd.jurisdictionId}`, provider());
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('sk-test-secret');
    expect(res.json()).toMatchObject({ configured: true, apiKey: { set: true, last4: '9f2c' }, allowedCategories: [] });
    const got = await http.get(s.gdBureau, `/api/v1/assistant/providers/${gd.jurisdictionId}`);
    expect(got.body).not.toContain('sk-test-secret');
    const [row] = await t.database.db.select().from(assistantProviders).where(eq(assistantProviders.jurisdictionId, gd.jurisdictionId));
    expect(row.apiKeySealed).toBeTruthy();
    expect(row.apiKeySealed).not.toContain('sk-test-secret');
    const audits = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'assistant.provider.save'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain('sk-test-secret');
  });

  it('sends the provider no personal data from the corpus and restores the placeholders in what the user sees', async () => {
    fake.requests.length = 0;
    fake.reply((body) => {
      const [person, ...rest] = placeholdersIn(body);
      return { content: `${person} 做得很好！記得聯絡 ${rest.join(' ')}`, chunks: undefined };
    });
    const res = await chat('gdTeacher', PII_MESSAGE);
    const events = parseSse(res.body);
    expect(events.find((e) => e.event === 'meta')!.data.offline).toBe(false);
    const received = fake.everythingReceived();
    for (const value of Object.values(CORPUS)) expect(received).not.toContain(value);
    expect(received).not.toContain('9123');
    expect(fake.requests[0].authorization).toBe('Bearer sk-test-secret-9f2c');
    const shown = answerOf(events);
    expect(shown).toContain(`${CORPUS.name} 做得很好`);
    expect(shown).toContain(CORPUS.phone);
    expect(shown).not.toMatch(/<[A-Z_]+_\d+>/);
    // The history shows the user what they saw, and the next turn still sends no personal data.
    const conversationId = events.find((e) => e.event === 'meta')!.data.conversationId as string;
    const history = await http.get(s.gdTeacher, `/api/v1/assistant/conversations/${conversationId}`);
    expect(history.json().messages.map((m: { content: string }) => m.content)).toEqual([PII_MESSAGE, shown]);
    await chat('gdTeacher', '再寫一句', { conversationId });
    for (const value of Object.values(CORPUS)) expect(fake.everythingReceived()).not.toContain(value);
    // Someone else's conversation is not there for them.
    expect((await http.get(s.hkTeacher, `/api/v1/assistant/conversations/${conversationId}`)).statusCode).toBe(404);
  });

  it('lets names through only when the jurisdiction allows that category', async () => {
    await http.put(
      s.gdBureau,
      `/api/v1/assistant/providers/${gd.jurisdictionId}`,
      provider({ apiKey: undefined, allowedCategories: ['names'] }),
    );
    fake.requests.length = 0;
    await chat('gdTeacher', PII_MESSAGE);
    const received = fake.everythingReceived();
    expect(received).toContain(CORPUS.name);
    expect(received).not.toContain(CORPUS.email);
    expect(received).not.toContain(CORPUS.hkid);
    await http.put(s.gdBureau, `/api/v1/assistant/providers/${gd.jurisdictionId}`, provider({ apiKey: undefined, allowedCategories: [] }));
  });

  it('restores placeholders inside a structured tool answer and keeps personal data home', async () => {
    fake.requests.length = 0;
    fake.reply((body) => {
      const person = placeholdersIn(body)[0];
      return JSON.stringify({ strengths: [`${person} explains clearly`], nextSteps: ['Add an example'], comment: `Well done, ${person}!` });
    });
    const res = await tool('gdTeacher', { tool: 'feedback', input: { gradeBand: 'junior', task: '解釋圖像識別', work: PII_MESSAGE } });
    expect(res.statusCode).toBe(200);
    const out = res.json() as { offline: boolean; output: { comment: string } };
    expect(out.offline).toBe(false);
    expect(out.output.comment).toBe(`Well done, ${CORPUS.name}!`);
    for (const value of Object.values(CORPUS)) expect(fake.everythingReceived()).not.toContain(value);
  });

  it('retries a tool once when the model returns invalid JSON, then reports it clearly', async () => {
    fake.requests.length = 0;
    fake.reply(
      'this is not json',
      JSON.stringify({
        title: '图像识别小测',
        questions: [{ prompt: '图像识别属于？', choices: ['人工智能', '烹饪'], answerIndex: 0, explanation: '它是 AI 技术。' }],
      }),
    );
    const ok = await tool('gdTeacher', { tool: 'quiz', input: { gradeBand: 'junior', subject: 'ai', topic: '图像识别', count: 1 } });
    expect(ok.statusCode).toBe(200);
    expect(fake.requests).toHaveLength(2);
    const qti = await http.get(s.gdTeacher, `/api/v1/assistant/messages/${(ok.json() as { id: string }).id}/qti?n=1`);
    expect(qti.headers['content-type']).toContain('application/xml');
    expect(qti.body).toContain('<qti-assessment-item');
    expect(qti.body).toContain('<qti-value>A</qti-value>');
    expect(qti.body).toContain('图像识别属于？');

    fake.requests.length = 0;
    fake.reply('still not json', '{"title": "missing questions"}');
    const bad = await tool('gdTeacher', { tool: 'quiz', input: { gradeBand: 'junior', subject: 'ai', topic: '图像识别', count: 1 } });
    expect(bad.statusCode).toBe(502);
    expect(bad.json()).toMatchObject({ code: 'ASSISTANT_TOOL_INVALID_OUTPUT' });
    expect(bad.json().title).not.toBe('ASSISTANT_TOOL_INVALID_OUTPUT');
    expect(fake.requests).toHaveLength(2);
  });

  it('stops the request over the daily quota before anything is sent', async () => {
    const used = (await http.get(s.gdAdmin, `/api/v1/assistant/usage?schoolId=${gd.id}`)).json() as {
      total: number;
      rows: { tool: string }[];
    };
    expect(used.total).toBeGreaterThan(0);
    expect(used.rows.map((r) => r.tool)).toContain('lesson-plan');
    expect(
      (
        await http.put(s.gdTeacher, `/api/v1/assistant/schools/${gd.id}/settings`, {
          teachersReadTutor: false,
          schoolDailyQuota: 100,
          userDailyQuota: 1,
        })
      ).statusCode,
    ).toBe(404);
    const set = await http.put(s.gdAdmin, `/api/v1/assistant/schools/${gd.id}/settings`, {
      teachersReadTutor: false,
      schoolDailyQuota: 1000,
      userDailyQuota: used.total,
    });
    expect(set.statusCode).toBe(200);
    fake.requests.length = 0;
    const refused = await chat('gdTeacher', '图像识别是什么？');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'ASSISTANT_QUOTA_EXCEEDED' });
    expect(fake.requests).toHaveLength(0);
    await http.put(s.gdAdmin, `/api/v1/assistant/schools/${gd.id}/settings`, {
      teachersReadTutor: false,
      schoolDailyQuota: 1000,
      userDailyQuota: 1000,
    });
  });

  it('keeps the tutor off assessed work and unsafe content, and shows teachers tutor chats only when the school allows', async () => {
    expect(
      (await http.post(s.gdTeacher, `/api/v1/assistant/classes/${gdClass.id}/assessed-topics`, { topic: '图像识别作业' })).statusCode,
    ).toBe(200);
    expect((await http.post(s.hkTeacher, `/api/v1/assistant/classes/${gdClass.id}/assessed-topics`, { topic: 'x' })).statusCode).toBe(404);
    fake.requests.length = 0;
    const assessed = parseSse((await chat('gdStudent', '請告訴我圖像識別作業第3題的答案', { mode: 'tutor' })).body);
    expect(assessed.find((e) => e.event === 'notice')?.data.notice).toBe('assessed');
    const unsafe = parseSse((await chat('gdStudent', 'how do I make a bomb', { mode: 'tutor' })).body);
    expect(unsafe.find((e) => e.event === 'notice')?.data.notice).toBe('unsafe');
    expect(fake.requests).toHaveLength(0);

    fake.reply('你覺得電腦是怎樣「看」圖片的呢？');
    const socratic = parseSse((await chat('gdStudent', '電腦怎樣認出貓？', { mode: 'tutor' })).body);
    expect(answerOf(socratic)).toContain('你覺得');
    expect(JSON.stringify(fake.requests[0].body)).toContain('Socratic');
    // Students cannot use the staff chat; teachers cannot use the tutor.
    expect((await chat('gdStudent', 'hi')).statusCode).toBe(403);

    const closed = await http.get(s.gdTeacher, `/api/v1/assistant/classes/${gdClass.id}/tutor-conversations`);
    expect(closed.statusCode).toBe(403);
    const settings = await http.get(s.gdStudent, `/api/v1/assistant/schools/${gd.id}/settings`);
    expect(settings.json()).toMatchObject({ teachersReadTutor: false });
    await http.put(s.gdAdmin, `/api/v1/assistant/schools/${gd.id}/settings`, {
      teachersReadTutor: true,
      schoolDailyQuota: 1000,
      userDailyQuota: 1000,
    });
    const open = await http.get(s.gdTeacher, `/api/v1/assistant/classes/${gdClass.id}/tutor-conversations`);
    expect(open.statusCode).toBe(200);
    expect((open.json() as { items: unknown[] }).items).toHaveLength(3);
  });

  it('stops the upstream request when the user stops a streaming answer', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    fake.requests.length = 0;
    fake.reply({ content: '', chunks: Array.from({ length: 200 }, () => '想一想，'), delayMs: 50 });
    const stop = new AbortController();
    const res = await fetch(`${address}/api/v1/assistant/chat`, {
      method: 'POST',
      headers: { ...s.gdTeacher.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ message: '图像识别怎样工作？' }),
      signal: stop.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('event: delta')) seen += (await reader.read()).value ?? '';
    const conversationId = (JSON.parse(/^event: meta\ndata: (.*)$/m.exec(seen)![1]) as { conversationId: string }).conversationId;
    stop.abort();
    await expect.poll(() => fake.requests[0]?.aborted).toBe(true);
    await expect
      .poll(async () => (await http.get(s.gdTeacher, `/api/v1/assistant/conversations/${conversationId}`)).json().messages.at(-1)?.output)
      .toEqual({ notice: null, stopped: true });
  });

  it("checks the tutor's input and output with the provider's moderation when it offers one, and works without it", async () => {
    // A provider without moderation: the tutor answers, and nothing is sent to /moderations.
    fake.requests.length = 0;
    fake.reply('你認為圖片由甚麼組成？');
    const plain = parseSse((await chat('gdStudent', '圖片是甚麼？', { mode: 'tutor' })).body);
    expect(answerOf(plain)).toContain('你認為');
    expect(fake.requestsTo('moderations')).toHaveLength(0);

    const url = `/api/v1/assistant/providers/${gd.jurisdictionId}`;
    const on = await http.put(s.gdBureau, url, provider({ apiKey: undefined, moderation: true, moderationModel: 'fake-moderation' }));
    expect(on.json()).toMatchObject({ moderation: true, moderationModel: 'fake-moderation' });
    fake.flags = (text) => text.includes('秘密配方');
    try {
      // Flagged input: refused like a word-list hit, and no model is asked.
      fake.requests.length = 0;
      const input = parseSse((await chat('gdStudent', '告訴我那個秘密配方', { mode: 'tutor' })).body);
      expect(input.find((e) => e.event === 'notice')?.data.notice).toBe('unsafe');
      expect(fake.requestsTo('chat/completions')).toHaveLength(0);
      expect(fake.requestsTo('moderations')).toHaveLength(1);
      expect(fake.requestsTo('moderations')[0].body).toMatchObject({ input: '告訴我那個秘密配方', model: 'fake-moderation' });
      expect(fake.requestsTo('moderations')[0].authorization).toBe('Bearer sk-test-secret-9f2c');

      // Flagged output: the child sees the same refusal, not the answer.
      fake.requests.length = 0;
      fake.reply('先想想秘密配方的原理。');
      const output = parseSse((await chat('gdStudent', '電腦怎樣認出狗？', { mode: 'tutor' })).body);
      expect(output.find((e) => e.event === 'notice')?.data.notice).toBe('unsafe');
      expect(answerOf(output)).toBe('');
      expect(fake.requestsTo('moderations')).toHaveLength(2);
      const conversationId = output.find((e) => e.event === 'meta')!.data.conversationId as string;
      const saved = (await http.get(s.gdStudent, `/api/v1/assistant/conversations/${conversationId}`)).json() as {
        messages: { content: string }[];
      };
      expect(saved.messages.at(-1)!.content).toBe('');

      // Clean: the answer is shown, placeholders restored; moderation saw no personal data either.
      fake.requests.length = 0;
      fake.reply((body) => `${placeholdersIn(body)[0]}，你覺得鼓勵要說甚麼？`);
      const clean = parseSse((await chat('gdStudent', PII_MESSAGE, { mode: 'tutor' })).body);
      expect(clean.find((e) => e.event === 'notice')).toBeUndefined();
      expect(answerOf(clean)).toBe(`${CORPUS.name}，你覺得鼓勵要說甚麼？`);
      expect(fake.requestsTo('moderations')).toHaveLength(2);
      for (const value of Object.values(CORPUS)) expect(fake.everythingReceived()).not.toContain(value);
    } finally {
      fake.flags = () => false;
      await http.put(s.gdBureau, url, provider({ apiKey: undefined, moderation: false }));
    }
  });

  it('deletes prompts and answers after the retention period', async () => {
    const before = (await t.database.db.select().from(assistantConversations)).length;
    expect(before).toBeGreaterThan(0);
    expect(await purgeExpiredConversations(t.database.db)).toBe(0);
    expect(await purgeExpiredConversations(t.database.db, new Date(Date.now() + 31 * 86_400_000))).toBe(before);
  });
});
