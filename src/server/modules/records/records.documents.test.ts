import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { makeLrsClient, makeStatement, postStatements, type LrsClient } from './records.test-support.ts';

let t: TestApp;
let client: LrsClient;

beforeAll(async () => {
  t = await createTestApp();
  client = await makeLrsClient(t.database.db);
});
afterAll(async () => {
  await t.close();
});

const agent = JSON.stringify({ objectType: 'Agent', mbox: 'mailto:student.chen@example.edu' });
const activityId = 'https://edubridge.example/activities/robot-car';

function send(
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  query: Record<string, string>,
  opts: { body?: unknown; headers?: Record<string, string>; as?: LrsClient } = {},
) {
  const raw = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  return t.app.inject({
    method,
    url,
    query,
    headers: { ...(opts.as ?? client).headers, ...(raw === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
    payload: raw,
  });
}

describe('the State resource', () => {
  it('stores, merges on POST, lists and deletes state documents', async () => {
    const registration = randomUUID();
    const q = { activityId, agent, registration };
    expect((await send('PUT', '/xapi/activities/state', { ...q, stateId: 'progress' }, { body: { step: 1, score: 3 } })).statusCode).toBe(
      204,
    );
    expect(
      (await send('POST', '/xapi/activities/state', { ...q, stateId: 'progress' }, { body: { step: 2, colour: '蓝色' } })).statusCode,
    ).toBe(204);
    const got = await send('GET', '/xapi/activities/state', { ...q, stateId: 'progress' });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ step: 2, score: 3, colour: '蓝色' });
    expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);

    await send(
      'PUT',
      '/xapi/activities/state',
      { ...q, stateId: 'bookmark' },
      { body: 'page-7', headers: { 'content-type': 'text/plain' } },
    );
    expect((await send('GET', '/xapi/activities/state', q)).json()).toEqual(['bookmark', 'progress']);
    const merged = await send('POST', '/xapi/activities/state', { ...q, stateId: 'bookmark' }, { body: { x: 1 } });
    expect(merged.statusCode).toBe(400);

    expect((await send('DELETE', '/xapi/activities/state', q)).statusCode).toBe(204);
    expect((await send('GET', '/xapi/activities/state', q)).json()).toEqual([]);
  });

  it('refuses unknown parameters and a malformed agent with 400', async () => {
    expect((await send('GET', '/xapi/activities/state', { activityId, agent, stateid: 'x' })).statusCode).toBe(400);
    expect((await send('GET', '/xapi/activities/state', { activityId, agent: '{"mbox":"nobody"}' })).statusCode).toBe(400);
  });
});

describe('the profile resources', () => {
  it('a wrong If-Match gets 412 and leaves the document as it was', async () => {
    const q = { activityId, profileId: `settings-${randomUUID()}` };
    const created = await send('PUT', '/xapi/activities/profile', q, { body: { level: 'junior' }, headers: { 'if-none-match': '*' } });
    expect(created.statusCode).toBe(204);
    const etag = created.headers.etag as string;

    const wrong = await send('PUT', '/xapi/activities/profile', q, {
      body: { level: 'senior' },
      headers: { 'if-match': '"0000000000000000000000000000000000000000"' },
    });
    expect(wrong.statusCode).toBe(412);
    expect((await send('GET', '/xapi/activities/profile', q)).json()).toEqual({ level: 'junior' });

    const again = await send('PUT', '/xapi/activities/profile', q, { body: { level: 'x' }, headers: { 'if-none-match': '*' } });
    expect(again.statusCode).toBe(412);
    const right = await send('PUT', '/xapi/activities/profile', q, { body: { level: 'senior' }, headers: { 'if-match': etag } });
    expect(right.statusCode).toBe(204);
    expect((await send('GET', '/xapi/activities/profile', q)).json()).toEqual({ level: 'senior' });
  });

  it('a PUT over an existing profile without If-Match or If-None-Match gets 409', async () => {
    const q = { agent, profileId: `prefs-${randomUUID()}` };
    expect((await send('PUT', '/xapi/agents/profile', q, { body: { theme: 'dark' }, headers: { 'if-none-match': '*' } })).statusCode).toBe(
      204,
    );
    expect((await send('PUT', '/xapi/agents/profile', q, { body: { theme: 'light' } })).statusCode).toBe(409);
    expect((await send('DELETE', '/xapi/agents/profile', q, { headers: { 'if-match': '"nope"' } })).statusCode).toBe(412);
    expect((await send('DELETE', '/xapi/agents/profile', q)).statusCode).toBe(204);
    expect((await send('GET', '/xapi/agents/profile', q)).statusCode).toBe(404);
  });

  it('a client of another school does not see the documents', async () => {
    const stranger = await makeLrsClient(t.database.db, { jurisdiction: 'MO' });
    const q = { activityId, profileId: `private-${randomUUID()}` };
    await send('PUT', '/xapi/activities/profile', q, { body: { secret: true }, headers: { 'if-none-match': '*' } });
    expect((await send('GET', '/xapi/activities/profile', q, { as: stranger })).statusCode).toBe(404);
    expect((await send('GET', '/xapi/activities/profile', { activityId }, { as: stranger })).json()).toEqual([]);
  });
});

describe('the Activities, Agents and About resources', () => {
  it('GET /activities answers the canonical definition learnt from statements', async () => {
    const id = `https://edubridge.example/activities/${randomUUID()}`;
    await postStatements(
      t.app,
      client,
      makeStatement({ object: { objectType: 'Activity', id, definition: { name: { en: 'Robot car' } } } }),
    );
    await postStatements(
      t.app,
      client,
      makeStatement({ object: { objectType: 'Activity', id, definition: { name: { 'zh-Hans': '机器人小车' } } } }),
    );
    const res = await send('GET', '/xapi/activities', { activityId: id });
    expect(res.json()).toEqual({ objectType: 'Activity', id, definition: { name: { en: 'Robot car', 'zh-Hans': '机器人小车' } } });
    const unknown = await send('GET', '/xapi/activities', { activityId: 'https://edubridge.example/activities/never-seen' });
    expect(unknown.json()).toEqual({ objectType: 'Activity', id: 'https://edubridge.example/activities/never-seen' });
  });

  it('GET /agents answers a Person object', async () => {
    const res = await send('GET', '/xapi/agents', { agent: JSON.stringify({ name: '陈同学', mbox: 'mailto:student.chen@example.edu' }) });
    expect(res.json()).toEqual({ objectType: 'Person', name: ['陈同学'], mbox: ['mailto:student.chen@example.edu'] });
  });

  it('GET /about needs neither credentials nor a version header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/xapi/about' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toContain('1.0.3');
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
  });
});
