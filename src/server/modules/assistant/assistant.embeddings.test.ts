import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lesson } from '../library/library.test-helpers.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { chunkText, cosine } from './assistant.embeddings.ts';
import { assistantEmbeddings } from './assistant.schema.ts';
import { startFakeOpenAi, type FakeOpenAi } from './testing/fake-openai.ts';

/**
 * "Meaning" for the fake embeddings endpoint: one axis per concept, so a text about pictures of pets and
 * one about 猫和狗 point the same way although they share no word.
 */
const CONCEPTS = [
  ['猫', '狗', '图像', '圖像', 'picture', 'pets'],
  ['weather', 'forecast', '天气'],
];
function conceptVector(text: string): number[] {
  const lower = text.toLowerCase();
  const v = [...CONCEPTS.map((words) => (words.some((w) => lower.includes(w)) ? 1 : 0)), 0.1];
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const QUESTION = 'How do machines see pictures of pets?';
const WEATHER_QUESTION = 'machines forecast weather';
const TEACHER_EMAIL = 'chan.taiman@example.com';

describe('assistant grounding with stored embeddings', { timeout: 120_000 }, () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let http: ReturnType<typeof client>;
  let teacher: Session;
  let admin: Session;
  let jurisdictionId: string;
  let vision: string;
  let weather: string;

  const citationsFor = async (message: string) => {
    const res = await http.post(teacher, '/api/v1/assistant/chat', { message }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const meta = /^event: meta\ndata: (.*)$/m.exec(res.body)!;
    return (JSON.parse(meta[1]) as { citations: { id: string; title: string; snippet: string }[] }).citations;
  };
  const setProvider = (embeddingModel: string | null) =>
    http.put(admin, `/api/v1/assistant/providers/${jurisdictionId}`, { baseUrl: fake.baseUrl, chatModel: 'fake-chat', embeddingModel });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    fake.embed = conceptVector;
    t = await createTestApp();
    http = client(t.app);
    const school = await makeSchool(t.database.db, { jurisdiction: 'GD' });
    jurisdictionId = school.jurisdictionId;
    const made = await makeUser(t.database.db, { role: 'teacher', school });
    const bureau = await makeUser(t.database.db, { role: 'bureau_admin', jurisdiction: 'GD' });
    teacher = await signIn(t.app, made.username, TEST_PASSWORD);
    admin = await signIn(t.app, bureau.username, TEST_PASSWORD);
    const a = await http.post(
      teacher,
      '/api/v1/resources',
      lesson({ summary: `初一人工智能课，用图片分类体验机器学习。联系老师：${TEACHER_EMAIL}` }),
    );
    const b = await http.post(
      teacher,
      '/api/v1/resources',
      lesson({
        title: 'How machines learn weather patterns',
        summary: 'Students use past data so machines can forecast the weather.',
        body: '<p>Machines learn from past weather data.</p>',
        language: 'en',
        keywords: ['machine learning', 'weather'],
      }),
    );
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    vision = (a.json() as { id: string }).id;
    weather = (b.json() as { id: string }).id;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('cuts long texts into overlapping chunks at sentence ends and measures cosine similarity', () => {
    const text = Array.from({ length: 120 }, (_, i) => `第${i}句讲的是图像识别。`).join('');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 600)).toBe(true);
    expect(chunks[0].endsWith('。')).toBe(true);
    expect(chunkText('短文')).toEqual(['短文']);
    expect(cosine([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosine([1, 0], [1, 0, 0])).toBe(0);
  });

  it('ranks by words alone when the provider offers no embeddings', async () => {
    expect((await setProvider(null)).statusCode).toBe(200);
    // The English question shares no word with the Chinese lesson on cats and dogs.
    expect((await citationsFor(QUESTION)).map((c) => c.id)).not.toContain(vision);
    expect((await citationsFor(WEATHER_QUESTION)).map((c) => c.id)).toEqual([weather]);
    expect(fake.requestsTo('embeddings')).toHaveLength(0);
  });

  it('ranks the resource that means the same first, and sends the embeddings endpoint no personal data', async () => {
    expect((await setProvider('fake-embed')).statusCode).toBe(200);
    fake.requests.length = 0;
    const citations = await citationsFor(QUESTION);
    // The weather lesson matches neither the words nor the meaning: it is not cited.
    expect(citations.map((c) => c.id)).toEqual([vision]);
    // Cited by meaning: the snippet is the chunk that matched, as the reader may see it.
    expect(citations[0].snippet).toContain('猫和狗');
    const sent = fake.requestsTo('embeddings');
    expect(sent).toHaveLength(1);
    const inputs = sent[0].body.input as string[];
    expect(inputs[0]).toBe(QUESTION);
    expect(inputs.join('\n')).toContain('<EMAIL_1>');
    expect(fake.everythingReceived()).not.toContain(TEACHER_EMAIL);
    const stored = await t.database.db.select().from(assistantEmbeddings).where(eq(assistantEmbeddings.model, 'fake-embed'));
    expect(new Set(stored.map((r) => r.documentId))).toEqual(new Set([vision, weather]));
    expect(stored.every((r) => r.contentHash.length === 64 && r.embedding.length === 3)).toBe(true);
  });

  it('reuses stored vectors: a second retrieval embeds nothing, a new question embeds only itself', async () => {
    fake.requests.length = 0;
    expect((await citationsFor(QUESTION))[0].id).toBe(vision);
    expect(fake.requestsTo('embeddings')).toHaveLength(0);
    // Words and meaning agree: the weather lesson first; the lesson on cats and dogs is not near enough.
    expect((await citationsFor(WEATHER_QUESTION)).map((c) => c.id)).toEqual([weather]);
    const sent = fake.requestsTo('embeddings');
    expect(sent).toHaveLength(1);
    expect(sent[0].body.input).toEqual([WEATHER_QUESTION]);
  });

  it('embeds a document again only when its text changed', async () => {
    const before = await t.database.db.select().from(assistantEmbeddings).where(eq(assistantEmbeddings.documentId, weather));
    const edited = await http.patch(
      teacher,
      `/api/v1/resources/${weather}`,
      { summary: 'Students compare weather forecasts made by machines and by people.' },
      { 'if-match': '"1"' },
    );
    expect(edited.statusCode).toBe(200);
    fake.requests.length = 0;
    await citationsFor(QUESTION);
    const sent = fake.requestsTo('embeddings');
    expect(sent).toHaveLength(1);
    const inputs = (sent[0].body.input as string[]).join('\n');
    expect(inputs).toContain('compare weather forecasts');
    expect(inputs).not.toContain('猫和狗');
    const after = await t.database.db.select().from(assistantEmbeddings).where(eq(assistantEmbeddings.documentId, weather));
    expect(after.map((r) => r.contentHash)).not.toEqual(before.map((r) => r.contentHash));
  });
});
