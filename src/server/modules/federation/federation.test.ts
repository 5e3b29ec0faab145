import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../lib/signatures/signatures.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { auditEntries } from '../audit/audit.schema.ts';
import { users } from '../identity/identity.schema.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { federationHeld, federationPeers } from './federation.schema.ts';
import { publishResource } from './federation.test-support.ts';

let t: TestApp;
let teacher: Session;
let reviewer: Session;
let admin: Session;
let stewardId: string;
const peerKey = generateKeyPairSync('ed25519');
const PEER_ID = 'test-peer-key-id-0123456789';

/** Personal data placed in the node: pupils' names and numbers, and a lesson that names a pupil. */
const PUPILS = ['陳大文', '李小明'];
const PHONE = '9123 4567';
let studentNumbers: string[] = [];

async function signedGet(path: string, nonce = randomUUID()) {
  const headers = await signRequest(
    { method: 'GET', url: `http://hk.test${path}` },
    { privateKey: peerKey.privateKey, keyId: PEER_ID, nonce },
  );
  return { headers, res: await t.app.inject({ method: 'GET', url: path, headers }) };
}

/** Every page of the feed from the start (waits for the settle margin to pass). */
async function wholeFeed(): Promise<{ items: { id: string; deleted: boolean; title?: string }[]; raw: string }> {
  let cursor = '';
  const items: { id: string; deleted: boolean; title?: string }[] = [];
  let raw = '';
  for (;;) {
    const { res } = await signedGet(`/federation/v1/changes?since=${encodeURIComponent(cursor)}&limit=2`);
    expect(res.statusCode).toBe(200);
    raw += res.body;
    const page = res.json() as { items: typeof items; cursor: string; hasMore: boolean };
    items.push(...page.items);
    cursor = page.cursor;
    if (!page.hasMore) return { items, raw };
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const top = await makeUnit(db, { jurisdiction: 'HK', level: 'province' });
  const school = await makeSchool(db, { jurisdiction: 'HK', unitId: top.id });
  const teacherUser = await makeUser(db, { role: 'teacher', school });
  const reviewerUser = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' });
  const adminUser = await makeUser(db, { role: 'platform_admin', jurisdiction: 'HK' });
  stewardId = (await makeUser(db, { role: 'data_steward', jurisdiction: 'HK' })).id;
  for (const name of PUPILS) await makeUser(db, { role: 'student', school, displayName: name });
  studentNumbers = (await db.select({ n: users.studentNumber }).from(users)).map((u) => u.n).filter((n): n is string => !!n);
  teacher = await signIn(t.app, teacherUser.username, TEST_PASSWORD);
  reviewer = await signIn(t.app, reviewerUser.username, TEST_PASSWORD);
  admin = await signIn(t.app, adminUser.username, TEST_PASSWORD);
  await db.insert(federationPeers).values({
    nodeId: PEER_ID,
    name: 'Test GD node',
    baseUrl: 'http://gd.test',
    publicJwk: { ...(peerKey.publicKey.export({ format: 'jwk' }) as { kty: 'OKP'; crv: 'Ed25519'; x: string }) },
    jurisdictions: ['GD'],
    level: 'province',
    relation: 'sibling',
    status: 'active',
  });
});

afterAll(async () => t?.close());

describe('node identity', () => {
  it('publishes id, Ed25519 public key, jurisdictions, level and feed URL at /.well-known/edubridge', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/edubridge' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ software: 'edubridge', jurisdictions: ['GD', 'HK', 'MO', 'HB'], level: 'province' });
    expect(body.publicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(body.feedUrl).toMatch(/\/federation\/v1\/changes$/);
  });
});

describe('signed change feed', () => {
  it('refuses unsigned requests, other keys, tampered queries and replays with 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/federation/v1/changes' })).statusCode).toBe(401);
    const stranger = generateKeyPairSync('ed25519');
    const foreign = await signRequest(
      { method: 'GET', url: 'http://x/federation/v1/changes' },
      { privateKey: stranger.privateKey, keyId: 'stranger', nonce: randomUUID() },
    );
    expect((await t.app.inject({ method: 'GET', url: '/federation/v1/changes', headers: foreign })).statusCode).toBe(401);
    const { headers, res } = await signedGet('/federation/v1/changes?since=');
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/federation/v1/changes?since=', headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/federation/v1/changes?since=x', headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/federation/v1/blobs/${'a'.repeat(64)}` })).statusCode).toBe(401);
  });

  it('sends bay-area resources, holds one that names a pupil, and no payload carries personal data', async () => {
    const clean = await publishResource(t.app, teacher, reviewer, {
      title: '機械人編程入門',
      summary: '中一人工智能課：用積木程式控制機械人。',
      body: '<p>第一課：認識感應器。</p>',
      level: 'bay-area',
    });
    const leaky = await publishResource(t.app, teacher, reviewer, {
      title: '班級觀察紀錄',
      summary: '課堂觀察',
      body: `<p>${PUPILS[0]}同學今日表現出色，家長電話 ${PHONE}。</p>`,
      level: 'bay-area',
    });
    const narrow = await publishResource(t.app, teacher, reviewer, {
      title: '本區教研',
      summary: '只給本地',
      body: '<p>x</p>',
      level: 'province',
    });
    await new Promise((r) => setTimeout(r, 3500));
    const { items, raw } = await wholeFeed();
    expect(items.find((i) => i.id === clean)).toMatchObject({ deleted: false, title: '機械人編程入門' });
    expect(items.find((i) => i.id === leaky)).toMatchObject({ deleted: true });
    expect(items.find((i) => i.id === narrow)).toMatchObject({ deleted: true });
    for (const secret of [...PUPILS, PHONE, ...studentNumbers]) expect(raw).not.toContain(secret);

    const held = await t.database.db.select().from(federationHeld).where(eq(federationHeld.itemId, leaky));
    expect(held).toHaveLength(1);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, stewardId), eq(notifications.kind, 'federation.held')));
    expect(told).toHaveLength(1);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'federation.item.held'));
    expect(audit.map((a) => a.targetId)).toContain(leaky);
    // Pulled again (another page, another peer): held once, told once.
    await wholeFeed();
    expect(await t.database.db.select().from(federationHeld).where(eq(federationHeld.itemId, leaky))).toHaveLength(1);
  });

  it('turns a withdrawn resource into a tombstone', async () => {
    const id = await publishResource(t.app, teacher, reviewer, {
      title: '將撤回的教案',
      summary: '稍後撤回',
      body: '<p>y</p>',
      level: 'bay-area',
    });
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/v1/resources/${id}/withdraw`, headers: teacher.headers });
    expect(withdrawn.statusCode).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 3500));
    const { items } = await wholeFeed();
    expect(items.filter((i) => i.id === id).at(-1)).toMatchObject({ deleted: true });
  });
});

describe('peer administration', () => {
  it('is for platform admins only; a proposal to an unreachable node changes nothing', async () => {
    const asTeacher = await t.app.inject({ method: 'GET', url: '/api/v1/federation/peers', headers: teacher.headers });
    expect(asTeacher.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/federation/peers', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: unknown[] }).items).toHaveLength(1);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/federation/peers',
      headers: admin.headers,
      payload: { url: 'http://127.0.0.1:9/', relation: 'sibling' },
    });
    expect(bad.statusCode).toBe(502);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/federation/peers', headers: admin.headers }).then((r) => r.json())).items,
    ).toHaveLength(1);
  });
});
