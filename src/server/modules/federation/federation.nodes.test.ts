import { createPrivateKey, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../lib/signatures/signatures.ts';
import { freePort } from '../../test/scratch.ts';
// @ts-expect-error plain ESM script without types: the demo and this test start nodes the same way
import { call, login, peerNodes, startNode } from '../../../../scripts/demo-federation.mjs';

/**
 * Three real node processes (GD, HK, MO), each with its own data directory, peered as siblings the way
 * `npm run demo:federation` does it, pulling every 2 s.
 */
type Node = { code: string; url: string; stop(): Promise<void>; log(): string };
type Session = Record<string, string>;

const base = mkdtempSync(path.join(tmpdir(), 'edubridge-fed-'));
const nodes: Record<string, Node> = {};
const ports: Record<string, number> = {};

const start = (code: string) =>
  startNode({
    code,
    name: `Test ${code}`,
    port: ports[code],
    dataDir: path.join(base, code),
    env: { EDUBRIDGE_FEDERATION_PULL_SECONDS: '2', LOG_LEVEL: 'info' },
    readyTimeoutMs: 900_000,
  }) as Promise<Node>;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function searchTitles(node: Node, session: Session, q: string) {
  const page = (await call(node.url, session, 'GET', `/api/v1/resources/search?q=${encodeURIComponent(q)}`)) as {
    items: { id: string; title: string; externalId: string | null }[];
  };
  return page.items;
}

let hkTeacher: Session;
let hkReviewer: Session;
let gdTeacher: Session;

async function publishOnHk(title: string): Promise<string> {
  const hk = nodes.HK;
  const created = await call(hk.url, hkTeacher, 'POST', '/api/v1/resources', {
    title,
    summary: '灣區共享的人工智能課堂活動。',
    body: '<p>用圖像分類體驗機器學習。</p>',
    language: 'zh-Hant-HK',
    subject: 'ai',
    gradeBand: 'junior',
    grades: [7],
    keywords: ['人工智能'],
    licence: 'CC-BY-4.0',
  });
  const sub = await call(hk.url, hkTeacher, 'POST', `/api/v1/resources/${created.id}/submissions`, { level: 'bay-area' });
  await call(hk.url, hkReviewer, 'POST', `/api/v1/library/reviews/${sub.id}/decision`, { decision: 'approve' });
  return created.id as string;
}

/** A jurisdiction-wide reviewer on HK, made by the node's admin the way an operator would. */
async function makeHkReviewer(): Promise<Session> {
  const hk = nodes.HK;
  const admin = await login(hk.url, 'demo-admin');
  const jurs = await call(hk.url, admin, 'GET', '/api/v1/jurisdictions');
  const list = (Array.isArray(jurs) ? jurs : jurs.items) as { id: string; code: string }[];
  const hkId = list.find((j) => j.code === 'HK')!.id;
  const username = `hk-reviewer-${Date.now().toString(36)}`;
  const made = await call(hk.url, admin, 'POST', '/api/v1/users', {
    username,
    displayName: 'HK Reviewer',
    role: 'bureau_admin',
    jurisdictionId: hkId,
  });
  const first = await login(hk.url, username, made.initialPassword);
  const password = `Fed-review-${randomUUID()}`;
  await call(hk.url, first, 'POST', '/api/v1/me/password', { currentPassword: made.initialPassword, newPassword: password });
  return login(hk.url, username, password);
}

/**
 * Migrating and seeding the demo is the slow part of a first start; it is done once, and the three nodes
 * start from copies of that data directory — each without the template's key and session secret, so each
 * makes its own identity like a fresh install.
 */
async function seedTemplate(): Promise<void> {
  const template = (await startNode({
    code: 'TPL',
    name: 'template',
    port: await freePort(),
    dataDir: path.join(base, 'template'),
    readyTimeoutMs: 900_000,
  })) as Node;
  await template.stop();
  for (const code of ['GD', 'HK', 'MO']) {
    cpSync(path.join(base, 'template'), path.join(base, code), { recursive: true });
    rmSync(path.join(base, code, 'node-ed25519.pem'), { force: true });
    rmSync(path.join(base, code, 'session-secret'), { force: true });
  }
}

beforeAll(async () => {
  for (const code of ['GD', 'HK', 'MO']) ports[code] = await freePort();
  await seedTemplate();
  const started = await Promise.all(['GD', 'HK', 'MO'].map(start));
  for (const n of started) nodes[n.code] = n;
  await peerNodes(nodes.GD, nodes.HK);
  await peerNodes(nodes.HK, nodes.MO);
  hkTeacher = await login(nodes.HK.url, 'hk-teacher');
  gdTeacher = await login(nodes.GD.url, 'gd-teacher');
  hkReviewer = await makeHkReviewer();
}, 2_700_000);

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.stop()));
  rmSync(base, { recursive: true, force: true });
}, 120_000);

describe('three federated nodes', () => {
  const word = `quokka${randomUUID()
    .slice(0, 8)
    .replace(/[0-9-]/g, 'x')}`;
  let first = '';

  it('a resource published to the bay area on HK appears in GD search with its origin, and leaves when withdrawn', async () => {
    first = await publishOnHk(`Federation probe ${word} 聯邦測試`);
    const hit = await until('the HK resource in GD search', async () => (await searchTitles(nodes.GD, gdTeacher, word))[0]);
    expect(hit.title).toContain(word);
    expect(hit.externalId).toBe('federated:Test HK');
    const item = await call(nodes.GD.url, gdTeacher, 'GET', `/api/v1/federation/items/${hit.id}`);
    expect(item.origin).toMatchObject({ name: 'Test HK', id: first, url: nodes.HK.url });

    await call(nodes.HK.url, hkTeacher, 'POST', `/api/v1/resources/${first}/withdraw`);
    await until('the withdrawn resource to leave GD search', async () => (await searchTitles(nodes.GD, gdTeacher, word)).length === 0);
  }, 300_000);

  it('a node stopped for a while catches up when started again', async () => {
    await nodes.MO.stop();
    const word2 = `${word}later`;
    await publishOnHk(`Published while Macao slept ${word2}`);
    await until('the second resource in GD search', async () => (await searchTitles(nodes.GD, gdTeacher, word2)).length > 0);
    nodes.MO = await start('MO');
    const moTeacher = await login(nodes.MO.url, 'mo-teacher');
    // A restarted node pulls at once; the wait allows for its start-up work on a busy machine.
    const hits = await until(
      'MO to catch up',
      async () => {
        const found = await searchTitles(nodes.MO, moTeacher, word2);
        return found.length ? found : null;
      },
      120_000,
    );
    expect(hits[0].externalId).toBe('federated:Test HK');
    // The resource withdrawn before MO's outage never shows there.
    expect((await searchTitles(nodes.MO, moTeacher, word)).filter((h) => !h.title.includes('later'))).toHaveLength(0);
  }, 1_200_000);

  it('answers 401 to a bad signature and to a replayed nonce', async () => {
    const gdKey = createPrivateKey(readFileSync(path.join(base, 'GD', 'node-ed25519.pem'), 'utf8'));
    const gdNode = await (await fetch(`${nodes.GD.url}/.well-known/edubridge`)).json();
    const url = `${nodes.HK.url}/federation/v1/changes?since=`;
    const headers = await signRequest({ method: 'GET', url }, { privateKey: gdKey, keyId: gdNode.nodeId, nonce: randomUUID() });
    expect((await fetch(url, { headers })).status).toBe(200);
    expect((await fetch(url, { headers })).status).toBe(401);
    const fresh = await signRequest({ method: 'GET', url }, { privateKey: gdKey, keyId: gdNode.nodeId, nonce: randomUUID() });
    const sig = fresh.signature;
    const flipped = sig.replace(/:(.)/, (_m, c: string) => `:${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(url, { headers: { ...fresh, signature: flipped } })).status).toBe(401);
  });
});
