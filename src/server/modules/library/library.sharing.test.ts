import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { client, lesson } from './library.test-helpers.ts';

let t: TestApp;
let http: ReturnType<typeof client>;
let author: Session;
let colleague: Session;
let outsider: Session;
let schoolAdmin: Session;
let principal: Session;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp();
  http = client(t.app);
  const db = t.database.db;
  const district = await makeUnit(db, { jurisdiction: 'HK' });
  const school = await makeSchool(db, { jurisdiction: 'HK', unitId: district.id });
  const other = await makeSchool(db, { jurisdiction: 'MO' });
  schoolId = school.id;
  const login = async (u: { username: string }) => signIn(t.app, u.username, TEST_PASSWORD);
  author = await login(await makeUser(db, { role: 'teacher', school }));
  colleague = await login(await makeUser(db, { role: 'teacher', school }));
  outsider = await login(await makeUser(db, { role: 'teacher', school: other }));
  schoolAdmin = await login(await makeUser(db, { role: 'school_admin', school }));
  principal = await login(await makeUser(db, { role: 'principal', school }));
}, 60_000);

afterAll(async () => t?.close());

async function schoolResource(over: Record<string, unknown> = {}) {
  const r = (await http.post(author, '/api/v1/resources', lesson({ language: 'zh-Hant-HK', title: '機械人編程入門', ...over }))).json();
  const sub = (await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'school' })).json();
  await http.post(principal, `/api/v1/library/reviews/${sub.id}/decision`, { decision: 'approve' });
  return r as { id: string };
}

const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
const line = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  title: `Python 入門 ${externalId}`,
  summary: '用 Python 畫圖',
  body: '<p>turtle 繪圖</p>',
  language: 'zh-Hant-HK',
  subject: 'information-technology',
  gradeBand: 'junior',
  keywords: ['Python'],
  licence: 'CC-BY-4.0',
  ...over,
});

describe('bulk import', () => {
  const post = (body: string, query = '') =>
    http.post(schoolAdmin, `/api/v1/resources/import?schoolId=${schoolId}${query}`, body, { 'content-type': 'application/x-ndjson' });

  it('imports good lines, reports bad ones with their line numbers, and is idempotent by externalId', async () => {
    const body = jsonl(line('py-1'), '{not json', line('py-2', { licence: 'WTFPL' }), '', line('py-3'));
    const first = await post(body, '&publishLevel=school');
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(report.errors[1].path).toContain('licence');

    const again = (await post(body, '&publishLevel=school')).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 2 });

    const changed = (await post(jsonl(line('py-1', { title: 'Python 入門（第二版）' })), '&publishLevel=school')).json();
    expect(changed).toMatchObject({ created: 0, updated: 1 });
    const id = changed.items[0].id;
    const r = (await http.get(colleague, `/api/v1/resources/${id}`)).json();
    expect(r).toMatchObject({
      title: 'Python 入門（第二版）',
      version: 2,
      status: 'published',
      publishLevel: 'school',
      externalId: 'py-1',
    });
    expect((await http.get(outsider, `/api/v1/resources/${id}`)).statusCode).toBe(404);
  });

  it('refuses an empty file and importers without the role', async () => {
    expect((await post('\n\n')).json().code).toBe('LIBRARY_IMPORT_EMPTY');
    const res = await http.post(author, '/api/v1/resources/import', jsonl(line('x')), { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(403);
  });
});

describe('ratings, favourites and counts', () => {
  it('keeps one rating per user and counts views, downloads and favourites', async () => {
    const r = await schoolResource();
    expect((await http.put(colleague, `/api/v1/resources/${r.id}/rating`, { stars: 4, review: '好用' })).statusCode).toBe(200);
    await http.put(colleague, `/api/v1/resources/${r.id}/rating`, { stars: 5, review: '非常好用' });
    await http.put(principal, `/api/v1/resources/${r.id}/rating`, { stars: 3 });
    expect((await http.put(author, `/api/v1/resources/${r.id}/rating`, { stars: 5 })).statusCode).toBe(403);
    expect((await http.put(outsider, `/api/v1/resources/${r.id}/rating`, { stars: 1 })).statusCode).toBe(404);
    await http.put(colleague, `/api/v1/resources/${r.id}/favourite`);
    await http.put(colleague, `/api/v1/resources/${r.id}/favourite`);
    const seen = (await http.get(colleague, `/api/v1/resources/${r.id}`)).json();
    expect(seen.counts).toMatchObject({ ratings: 2, ratingAverage: 4, favourites: 1 });
    expect(seen.mine).toEqual({ rating: { stars: 5, review: '非常好用' }, favourite: true });
    const reviews = (await http.get(colleague, `/api/v1/resources/${r.id}/ratings`)).json();
    expect(reviews.items).toHaveLength(2);
    const favs = (await http.get(colleague, '/api/v1/library/favourites')).json();
    expect(favs.items.map((i: { id: string }) => i.id)).toContain(r.id);
  });
});

describe('collections', () => {
  it('shares a curated list at the school, showing each reader only what they may see', async () => {
    const shared = await schoolResource();
    const draft = (await http.post(author, '/api/v1/resources', lesson())).json();
    const c = (
      await http.post(author, '/api/v1/collections', { title: 'AI 倫理單元', language: 'zh-Hant-HK', publishLevel: 'school' })
    ).json();
    await http.put(author, `/api/v1/collections/${c.id}/items/${shared.id}`, { note: '第一課' });
    const put = await http.put(author, `/api/v1/collections/${c.id}/items/${draft.id}`);
    expect(put.statusCode, put.body).toBe(200);
    expect((await http.get(author, `/api/v1/collections/${c.id}`)).json().items).toHaveLength(2);
    const seen = (await http.get(colleague, `/api/v1/collections/${c.id}`)).json();
    expect(seen.items.map((i: { resource: { id: string } }) => i.resource.id)).toEqual([shared.id]);
    expect((await http.get(outsider, `/api/v1/collections/${c.id}`)).statusCode).toBe(404);
    // Wider than the school needs a reviewer of that level.
    const wide = await http.patch(author, `/api/v1/collections/${c.id}`, { publishLevel: 'bay-area' }, { 'if-match': '1' });
    expect(wide.statusCode).toBe(403);
  });
});

describe('JSON-LD', () => {
  it('describes a resource as a schema.org LearningResource with its licence and alignment', async () => {
    const r = await schoolResource();
    const res = await http.get(colleague, `/api/v1/resources/${r.id}/jsonld`);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const ld = res.json();
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LearningResource',
      name: '機械人編程入門',
      inLanguage: 'zh-Hant-HK',
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      educationalAlignment: [{ '@type': 'AlignmentObject', alignmentType: 'teaches' }],
    });
    expect((await http.get(null, `/api/v1/resources/${r.id}/jsonld`)).statusCode).toBe(404);
  });
});
