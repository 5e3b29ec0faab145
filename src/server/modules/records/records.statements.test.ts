import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildMultipart, parseMultipart, boundaryFromContentType } from '../../../lib/xapi/multipart.ts';
import { VOIDED_VERB_ID } from '../../../lib/xapi/statement.types.ts';
import { getStatements, makeLrsClient, makeStatement, postStatements, walkAll, type LrsClient } from './records.test-support.ts';
import { sql } from 'drizzle-orm';

let t: TestApp;
let client: LrsClient;

beforeAll(async () => {
  t = await createTestApp();
  client = await makeLrsClient(t.database.db);
});
afterAll(async () => {
  await t.close();
});

async function count(): Promise<number> {
  const result = await t.database.db.execute(sql`select count(*)::int as n from xapi_statements`);
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}

describe('the Statement resource', () => {
  it('stores a PUT statement under its statementId and answers 204, then returns it by id', async () => {
    const id = randomUUID();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/xapi/statements?statementId=${id}`,
      headers: { ...client.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(makeStatement()),
    });
    expect(put.statusCode).toBe(204);
    expect(put.headers['x-experience-api-version']).toBe('1.0.3');
    const got = await getStatements(t.app, client, { statementId: id });
    expect(got.statusCode).toBe(200);
    const statement = got.json();
    expect(statement.id).toBe(id);
    expect(statement.stored).toBeTypeOf('string');
    expect(statement.authority.objectType).toBe('Agent');
    expect(got.headers['x-experience-api-consistent-through']).toBeTypeOf('string');
    expect(got.headers['last-modified']).toBeTypeOf('string');
  });

  it('answers POST of an array with the ids in order', async () => {
    const given = randomUUID();
    const res = await postStatements(t.app, client, [makeStatement(), makeStatement({ id: given })]);
    expect(res.statusCode).toBe(200);
    const ids = res.json() as string[];
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(given);
  });

  it('refuses a request without the version header, and one without credentials', async () => {
    const noVersion = await t.app.inject({
      method: 'GET',
      url: '/xapi/statements',
      headers: { authorization: client.headers.authorization },
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.headers['x-experience-api-version']).toBe('1.0.3');
    const anonymous = await t.app.inject({ method: 'GET', url: '/xapi/statements', headers: { 'x-experience-api-version': '1.0.3' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an invalid statement gets 400 with the reason and stores nothing', async () => {
    const before = await count();
    const res = await postStatements(t.app, client, { ...makeStatement(), actor: { mbox: 'student@example.edu' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/actor\.mbox/);
    expect(await count()).toBe(before);
  });

  it('a batch with one invalid statement stores none of it', async () => {
    const before = await count();
    const good = makeStatement({ id: randomUUID() });
    const res = await postStatements(t.app, client, [good, makeStatement(), { ...makeStatement(), verb: { id: 'not an iri' } }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toMatch(/^body\[2\]\.verb\.id/);
    expect(await count()).toBe(before);
    expect((await getStatements(t.app, client, { statementId: good.id! })).statusCode).toBe(404);
  });

  it('a batch that conflicts with a stored statement stores none of it (409)', async () => {
    const id = randomUUID();
    expect((await postStatements(t.app, client, makeStatement({ id }))).statusCode).toBe(200);
    const before = await count();
    const res = await postStatements(t.app, client, [
      makeStatement(),
      makeStatement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }),
    ]);
    expect(res.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });

  it('after many batches (the batch statement is prepared once per connection) a stored id still blocks the whole batch', async () => {
    // More than five runs of the same prepared statement: PostgreSQL may then switch to a generic plan.
    const stored = makeStatement({ id: randomUUID() });
    for (let i = 0; i < 8; i++) {
      const batch = [makeStatement(), makeStatement(), ...(i === 0 ? [stored] : [])];
      expect((await postStatements(t.app, client, batch)).statusCode).toBe(200);
    }
    const before = await count();
    const fresh = makeStatement({ id: randomUUID() });
    const conflicting = { ...stored, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    expect((await postStatements(t.app, client, [fresh, conflicting])).statusCode).toBe(409);
    expect(await count()).toBe(before);
    expect((await getStatements(t.app, client, { statementId: fresh.id! })).statusCode).toBe(404);
    // The equivalent resend is accepted and stores only the new one.
    expect((await postStatements(t.app, client, [fresh, stored])).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('the same statement sent twice is stored once; the same id twice in a batch is a 400', async () => {
    const s = makeStatement({ id: randomUUID() });
    expect((await postStatements(t.app, client, s)).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'PUT',
      url: `/xapi/statements?statementId=${s.id}`,
      headers: { ...client.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(s),
    });
    expect(again.statusCode).toBe(204);
    const twice = makeStatement({ id: randomUUID() });
    expect((await postStatements(t.app, client, [twice, twice])).statusCode).toBe(400);
  });

  it('a voided statement disappears from queries and is returned only by voidedStatementId', async () => {
    const registration = randomUUID();
    const target = makeStatement({ id: randomUUID(), context: { registration } });
    const other = makeStatement({ id: randomUUID(), context: { registration } });
    await postStatements(t.app, client, [target, other]);
    const voiding = makeStatement({
      id: randomUUID(),
      verb: { id: VOIDED_VERB_ID },
      object: { objectType: 'StatementRef', id: target.id! },
    });
    expect((await postStatements(t.app, client, voiding)).statusCode).toBe(200);

    const listed = (await getStatements(t.app, client, { registration })).json().statements.map((s: { id: string }) => s.id);
    expect(listed).toContain(other.id);
    expect(listed).not.toContain(target.id);
    expect((await getStatements(t.app, client, { statementId: target.id! })).statusCode).toBe(404);
    const byVoided = await getStatements(t.app, client, { voidedStatementId: target.id! });
    expect(byVoided.statusCode).toBe(200);
    expect(byVoided.json().id).toBe(target.id);
    expect((await getStatements(t.app, client, { voidedStatementId: other.id! })).statusCode).toBe(404);
  });

  it('a statement whose voiding statement arrived first is stored voided', async () => {
    const target = makeStatement({ id: randomUUID() });
    const voiding = makeStatement({
      id: randomUUID(),
      verb: { id: VOIDED_VERB_ID },
      object: { objectType: 'StatementRef', id: target.id! },
    });
    expect((await postStatements(t.app, client, voiding)).statusCode).toBe(200);
    expect((await postStatements(t.app, client, [makeStatement(), target])).statusCode).toBe(200);
    expect((await getStatements(t.app, client, { statementId: target.id! })).statusCode).toBe(404);
    expect((await getStatements(t.app, client, { voidedStatementId: target.id! })).statusCode).toBe(200);
  });

  it('voiding a voiding statement is refused', async () => {
    const target = makeStatement({ id: randomUUID() });
    const voiding = makeStatement({
      id: randomUUID(),
      verb: { id: VOIDED_VERB_ID },
      object: { objectType: 'StatementRef', id: target.id! },
    });
    await postStatements(t.app, client, [target, voiding]);
    const res = await postStatements(
      t.app,
      client,
      makeStatement({ verb: { id: VOIDED_VERB_ID }, object: { objectType: 'StatementRef', id: voiding.id! } }),
    );
    expect(res.statusCode).toBe(400);
    expect((await getStatements(t.app, client, { statementId: voiding.id! })).statusCode).toBe(200);
  });

  it('a statement referring to a matching statement is returned by the filter too (StatementRef rule)', async () => {
    const verb = `https://edubridge.example/verbs/${randomUUID()}`;
    const original = makeStatement({ id: randomUUID(), verb: { id: verb } });
    const comment = makeStatement({
      id: randomUUID(),
      verb: { id: 'http://adlnet.gov/expapi/verbs/commented' },
      object: { objectType: 'StatementRef', id: original.id! },
    });
    await postStatements(t.app, client, [original, comment]);
    const ids = (await getStatements(t.app, client, { verb })).json().statements.map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([original.id, comment.id].sort());
  });

  it("a client of one school cannot read another school's statements", async () => {
    const other = await makeLrsClient(t.database.db, { jurisdiction: 'HK' });
    const sameJurisdiction = await makeLrsClient(t.database.db, { jurisdiction: 'GD' });
    const mine = makeStatement({ id: randomUUID() });
    await postStatements(t.app, client, mine);
    for (const stranger of [other, sameJurisdiction]) {
      expect((await getStatements(t.app, stranger, { statementId: mine.id! })).statusCode).toBe(404);
      const listed = (await getStatements(t.app, stranger, {})).json().statements.map((s: { id: string }) => s.id);
      expect(listed).not.toContain(mine.id);
    }
    // Each school is its own store: the same id may be used by another school without a conflict.
    expect((await postStatements(t.app, other, { ...mine, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } })).statusCode).toBe(200);
    expect((await getStatements(t.app, client, { statementId: mine.id! })).json().verb.id).toBe(mine.verb.id);
  });

  it('a client without the write scope cannot store, and one without read cannot query', async () => {
    const readOnly = await makeLrsClient(t.database.db, { scopes: ['xapi:read'] });
    expect((await postStatements(t.app, readOnly, makeStatement())).statusCode).toBe(403);
    const writeOnly = await makeLrsClient(t.database.db, { scopes: ['xapi:write'] });
    expect((await getStatements(t.app, writeOnly)).statusCode).toBe(403);
  });

  it('`more` pagination walks all results exactly once, in both orders', async () => {
    const school = await makeLrsClient(t.database.db);
    const sent: string[] = [];
    for (let batch = 0; batch < 3; batch++) {
      const statements = Array.from({ length: 9 }, () => makeStatement({ id: randomUUID() }));
      sent.push(...statements.map((s) => s.id!));
      await postStatements(t.app, school, statements);
    }
    const down = await walkAll(t.app, school, { limit: '4' });
    expect(down.pages).toBe(7);
    expect(new Set(down.ids).size).toBe(27);
    expect([...down.ids].sort()).toEqual([...sent].sort());
    const up = await walkAll(t.app, school, { limit: '5', ascending: 'true' });
    expect(up.ids).toHaveLength(27);
    // The first batch was stored first: ascending starts with it, descending ends with it.
    expect(new Set(up.ids.slice(0, 9))).toEqual(new Set(sent.slice(0, 9)));
    expect(new Set(down.ids.slice(-9))).toEqual(new Set(sent.slice(0, 9)));
  });

  it('since and until bound `stored`, and ascending reverses the order', async () => {
    const school = await makeLrsClient(t.database.db);
    const stored: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = makeStatement({ id: randomUUID() });
      await postStatements(t.app, school, s);
      stored.push((await getStatements(t.app, school, { statementId: s.id! })).json().stored);
      ids.push(s.id!);
      await new Promise((r) => setTimeout(r, 5));
    }
    const list = async (q: Record<string, string>) =>
      (await getStatements(t.app, school, q)).json().statements.map((s: { id: string }) => s.id);
    expect(await list({})).toEqual([...ids].reverse());
    expect(await list({ ascending: 'true' })).toEqual(ids);
    expect(await list({ since: stored[0] })).toEqual([ids[2], ids[1]]);
    expect(await list({ until: stored[1] })).toEqual([ids[1], ids[0]]);
    expect(await list({ since: stored[0], until: stored[1] })).toEqual([ids[1]]);
  });

  it('filters by agent, verb, activity and registration, with the related_* widenings', async () => {
    const school = await makeLrsClient(t.database.db);
    const teacher = { objectType: 'Agent' as const, mbox: 'mailto:teacher.lin@example.edu' };
    const s1 = makeStatement({
      id: randomUUID(),
      context: { instructor: teacher, contextActivities: { parent: [{ id: 'https://edubridge.example/courses/ai-101' }] } },
    });
    const s2 = makeStatement({ id: randomUUID(), actor: teacher, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } });
    await postStatements(t.app, school, [s1, s2]);
    const list = async (q: Record<string, string>) =>
      (await getStatements(t.app, school, q)).json().statements.map((s: { id: string }) => s.id);
    expect(await list({ agent: JSON.stringify(teacher) })).toEqual([s2.id]);
    expect((await list({ agent: JSON.stringify(teacher), related_agents: 'true' })).sort()).toEqual([s1.id, s2.id].sort());
    expect(await list({ verb: 'http://adlnet.gov/expapi/verbs/attempted' })).toEqual([s2.id]);
    expect(await list({ activity: 'https://edubridge.example/courses/ai-101' })).toEqual([]);
    expect(await list({ activity: 'https://edubridge.example/courses/ai-101', related_activities: 'true' })).toEqual([s1.id]);
    expect((await getStatements(t.app, school, { verb: 'nope' })).statusCode).toBe(400);
  });

  it('format=ids strips definitions and format=canonical picks the Accept-Language entry', async () => {
    const s = makeStatement({ id: randomUUID() });
    await postStatements(t.app, client, s);
    const ids = (await getStatements(t.app, client, { statementId: s.id!, format: 'ids' })).json();
    expect(ids.object.definition).toBeUndefined();
    expect(ids.verb.display).toBeUndefined();
    const canonical = await t.app.inject({
      method: 'GET',
      url: '/xapi/statements',
      query: { statementId: s.id!, format: 'canonical' },
      headers: { ...client.headers, 'accept-language': 'zh-Hans' },
    });
    expect(canonical.json().verb.display).toEqual({ 'zh-Hans': '完成了' });
  });

  it('attachments round-trip through multipart/mixed, checked by SHA-2', async () => {
    const data = Buffer.from('学习成果：机器人小车的设计说明。', 'utf8');
    const sha2 = createHash('sha256').update(data).digest('hex');
    const s = makeStatement({
      id: randomUUID(),
      attachments: [
        {
          usageType: 'https://edubridge.example/attachments/evidence',
          display: { en: 'Design notes' },
          contentType: 'text/plain',
          length: data.length,
          sha2,
        },
      ],
    });
    const body = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([s]) },
      { headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha2 }, body: data },
    ]);
    const post = await t.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...client.headers, 'content-type': body.contentType },
      payload: body.body,
    });
    expect(post.statusCode).toBe(200);

    const got = await getStatements(t.app, client, { statementId: s.id!, attachments: 'true' });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toMatch(/^multipart\/mixed/);
    const boundary = boundaryFromContentType(got.headers['content-type'] as string);
    const parts = parseMultipart(got.rawPayload, boundary.ok ? boundary.value : '');
    expect(parts.ok).toBe(true);
    if (!parts.ok) return;
    expect(JSON.parse(parts.value[0].body.toString()).id).toBe(s.id);
    expect(parts.value[1].headers['x-experience-api-hash']).toBe(sha2);
    expect(parts.value[1].body.equals(data)).toBe(true);

    const tampered = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ ...s, id: randomUUID() }]) },
      { headers: { 'Content-Type': 'text/plain', 'X-Experience-API-Hash': sha2 }, body: Buffer.from('something else') },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { ...client.headers, 'content-type': tampered.contentType },
      payload: tampered.body,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('supports the alternate request syntax (method=PUT with a form body)', async () => {
    const id = randomUUID();
    const form = new URLSearchParams({
      statementId: id,
      content: JSON.stringify(makeStatement()),
      Authorization: client.headers.authorization,
      'X-Experience-API-Version': '1.0.3',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/xapi/statements?method=PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(res.statusCode).toBe(204);
    expect((await getStatements(t.app, client, { statementId: id })).statusCode).toBe(200);
  });
});
