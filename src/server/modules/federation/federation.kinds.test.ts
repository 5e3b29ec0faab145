import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import type { NodeKey } from '../../node-identity.ts';
import { contests } from '../contests/contests.schema.ts';
import { courseLessons, courses, courseUnits } from '../courses/courses.schema.ts';
import { users } from '../identity/identity.schema.ts';
import { insightsIndicators, insightsValues } from '../insights/insights.schema.ts';
import { putBlob } from '../privacy/privacy.blobs.ts';
import { privacyAgreements, privacyDatasets, privacyReleases } from '../privacy/privacy.schema.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { trainingProgrammes } from '../training/training.schema.ts';
import { signedFetch } from './federation.client.ts';
import { DEFAULT_FEDERATION, type NodeSelf } from './federation.node.ts';
import { pullDuePeers, pullPeer } from './federation.pull.ts';
import { federatedItems, federationHeld, federationPeers, type PeerRow } from './federation.schema.ts';
import { publishResource } from './federation.test-support.ts';

/**
 * One node (HK, GD, MO, HB served) pulls its own feed as a GD sibling would: the app listens on a port and
 * a second key, registered as the sibling peer, signs the pulls. Every kind is published, updated and
 * withdrawn in turn, and the pulled copy follows.
 */
let t: TestApp;
let base: string;
let teacher: Session;
let reviewer: Session;
let gdStaff: Session;
let hk: string;
let gd: string;
let teacherId: string;
let peer: PeerRow;
let puller: NodeSelf;

const PUPILS = ['陳大文', '李小明'];
const PHONE = '9123 4567';
let studentNumbers: string[] = [];

function keyOf(): NodeKey {
  const pair = generateKeyPairSync('ed25519');
  const { x } = pair.publicKey.export({ format: 'jwk' }) as { x: string };
  const keyId = `test-${randomUUID()}`;
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid: keyId }, keyId };
}

const settle = () => new Promise((r) => setTimeout(r, 3500));

/** Settles, pulls, and answers what this node now holds from the peer, by kind and origin id. */
async function pullAndRead() {
  await settle();
  const [fresh] = await t.database.db.select().from(federationPeers).where(eq(federationPeers.id, peer.id));
  await pullPeer(t.database.db, t.blobs, puller, fresh!);
  return t.database.db.select().from(federatedItems).where(eq(federatedItems.peerId, peer.id));
}

/** The whole feed as the peer receives it, raw text included (for the personal-data assertion). */
async function rawFeed(): Promise<string> {
  let cursor = '';
  let raw = '';
  for (;;) {
    const res = await signedFetch(puller.key, 'GET', `${base}/federation/v1/changes?since=${encodeURIComponent(cursor)}&limit=3`);
    expect(res.status).toBe(200);
    const text = await res.text();
    raw += text;
    const page = JSON.parse(text) as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return raw;
  }
}

const bump = () => new Date();
const future = (days: number) => new Date(Date.now() + days * 86400_000);

async function makeCourse(title: string, level: 'bay-area' | 'province') {
  const resourceId = await publishResource(t.app, teacher, reviewer, { title, summary: `${title}（課程）`, body: '<p>單元一</p>', level });
  const [c] = await t.database.db
    .insert(courses)
    .values({
      title,
      summary: '課程簡介',
      language: 'zh-Hant-HK',
      gradeBand: 'junior',
      grades: [7],
      competencies: [],
      level: 'apply',
      ownerId: teacherId,
      jurisdictionId: hk,
      editionGroupId: randomUUID(),
      libraryResourceId: resourceId,
      status: 'published',
    })
    .returning();
  const [u] = await t.database.db.insert(courseUnits).values({ courseId: c!.id, title: '單元一', position: 1 }).returning();
  await t.database.db
    .insert(courseLessons)
    .values({ courseId: c!.id, unitId: u!.id, position: 1, title: '第一課', objectives: [{ text: '認識感應器', competencies: [] }] });
  return { courseId: c!.id, resourceId };
}

async function makeContest(name: string, description: string) {
  const [c] = await t.database.db
    .insert(contests)
    .values({
      code: `fed-${randomUUID()}`,
      name,
      language: 'zh-Hant-HK',
      description,
      jurisdictionId: hk,
      level: 'national',
      tracks: ['robotics'],
      gradeBands: [{ min: 7, max: 9 }],
      rules: { teamSize: { min: 1, max: 3 } } as never,
      rubric: [],
      registrationOpensAt: future(1),
      registrationClosesAt: future(10),
      submissionClosesAt: future(20),
      judgingClosesAt: future(30),
      appealsClosesAt: future(35),
      resultsAt: future(40),
    })
    .returning();
  return c!.id;
}

async function makeProgramme(title: string, summary: string) {
  const [p] = await t.database.db
    .insert(trainingProgrammes)
    .values({
      title,
      summary,
      language: 'zh-Hant-HK',
      tier: 'teacher',
      category: 'ai_literacy',
      competencyIds: [],
      targetLevel: 'deepen',
      organiserKind: 'bureau',
      organiserName: '教育局',
      jurisdictionId: hk,
      visibility: 'bay_area',
      status: 'published',
      creditHours: 12,
      requiresPrincipalApproval: false,
      rules: {} as never,
    })
    .returning();
  return p!.id;
}

/** A de-identified output of an approved release under an active HK–GD agreement. */
async function makeDataset(name: string, csv: string) {
  const db = t.database.db;
  const blob = await putBlob(db, Buffer.from(csv));
  const dataset = (kind: 'raw' | 'deidentified') => ({
    jurisdictionId: hk,
    kind,
    name,
    category: 'learning_records' as const,
    format: 'csv' as const,
    blobSha256: blob.sha256,
    size: blob.size,
    rowCount: csv.trim().split('\n').length - 1,
    columns: csv.split('\n')[0]!.split(','),
  });
  const [raw] = await db.insert(privacyDatasets).values(dataset('raw')).returning();
  const [out] = await db.insert(privacyDatasets).values(dataset('deidentified')).returning();
  const [agreement] = await db
    .insert(privacyAgreements)
    .values({
      jurisdictionId: hk,
      partnerJurisdictionId: gd,
      title: '粵港學習數據研究',
      purpose: '研究編程課的學習成效',
      legalBasis: 'PDPO s62',
      category: 'learning_records',
      datasetIds: [raw!.id],
      fields: [],
      expiresAt: future(90),
      status: 'active',
      secretCiphertext: 'x',
      epsilonTotalNanos: 1_000_000_000,
      periodDays: 30,
    })
    .returning();
  const [release] = await db
    .insert(privacyReleases)
    .values({
      jurisdictionId: hk,
      datasetId: raw!.id,
      agreementId: agreement!.id,
      policy: {} as never,
      objective: '編程課成效研究',
      status: 'approved',
      outputDatasetId: out!.id,
      outbound: { ok: true, findings: [] },
    })
    .returning();
  return { datasetId: out!.id, agreementId: agreement!.id, releaseId: release!.id };
}

let indicatorId: string;
async function makeIndicatorValues() {
  const db = t.database.db;
  const [ind] = await db
    .insert(insightsIndicators)
    .values({
      code: 'fed_test_labs',
      jurisdictionId: hk,
      names: { 'zh-Hans': '人工智能实验室覆盖率', 'zh-Hant': '人工智能實驗室覆蓋率', en: 'AI lab coverage' },
      definitions: { 'zh-Hans': '有实验室的学校', 'zh-Hant': '有實驗室的學校', en: 'Schools with a lab' },
      numerator: 'schools_with_lab',
      denominator: 'schools',
      scale: 100,
      unit: 'percent',
    })
    .returning();
  indicatorId = ind!.id;
  const row = { code: 'fed_test_labs', scopeKind: 'jurisdiction' as const, scopeId: hk, jurisdictionId: hk, indicatorId };
  await db.insert(insightsValues).values([
    { ...row, term: '2025-26-1', numerator: 30, denominator: 60, schools: 60 },
    // Rests on three schools: a small cell, its value must not travel.
    { ...row, term: '2025-26-2', numerator: 2, denominator: 3, schools: 3 },
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const js = await db.select().from(jurisdictions);
  hk = js.find((j) => j.code === 'HK')!.id;
  gd = js.find((j) => j.code === 'GD')!.id;
  const top = await makeUnit(db, { jurisdiction: 'HK', level: 'province' });
  const school = await makeSchool(db, { jurisdiction: 'HK', unitId: top.id });
  const teacherUser = await makeUser(db, { role: 'teacher', school });
  teacherId = teacherUser.id;
  const reviewerUser = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' });
  const gdUser = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'GD' });
  await makeUser(db, { role: 'data_steward', jurisdiction: 'HK' });
  for (const name of PUPILS) await makeUser(db, { role: 'student', school, displayName: name });
  studentNumbers = (await db.select({ n: users.studentNumber }).from(users)).map((u) => u.n).filter((n): n is string => !!n);
  teacher = await signIn(t.app, teacherUser.username, TEST_PASSWORD);
  reviewer = await signIn(t.app, reviewerUser.username, TEST_PASSWORD);
  gdStaff = await signIn(t.app, gdUser.username, TEST_PASSWORD);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const key = keyOf();
  puller = { key, settings: { ...DEFAULT_FEDERATION, name: 'GD node', jurisdictions: ['GD'] }, publicUrl: 'http://gd.test' };
  [peer] = (await db
    .insert(federationPeers)
    .values({
      nodeId: key.keyId,
      name: 'HK node',
      baseUrl: base,
      publicJwk: key.publicJwk,
      jurisdictions: ['GD'],
      level: 'province',
      relation: 'sibling',
      status: 'active',
    })
    .returning()) as [PeerRow];
});

afterAll(async () => t?.close());

describe('every kind travels, is updated and is withdrawn', () => {
  const ids: Record<string, string> = {};
  let datasetRefs: Awaited<ReturnType<typeof makeDataset>>;
  let courseRefs: Awaited<ReturnType<typeof makeCourse>>;

  it('arrives on the pulling node once, with its origin, and is listed by kind', async () => {
    ids.resource = await publishResource(t.app, teacher, reviewer, {
      title: '感應器入門',
      summary: '中一',
      body: '<p>x</p>',
      level: 'bay-area',
    });
    courseRefs = await makeCourse('灣區機械人課程', 'bay-area');
    ids.course = courseRefs.courseId;
    ids.contest = await makeContest('灣區青少年人工智能挑戰賽', '以機械人解決生活難題');
    ids.programme = await makeProgramme('人工智能教學工作坊', '給初中教師的十二小時課程');
    datasetRefs = await makeDataset('編程課學習記錄（去標識）', 'pseudonym,grade,score\nA1B2,7,82\nC3D4,7,75\n');
    ids.dataset = datasetRefs.datasetId;
    await makeIndicatorValues();
    // Not for a sibling: a province-level course stays home.
    const narrow = await makeCourse('本港課程', 'province');

    const rows = await pullAndRead();
    const of = (kind: string, id: string) => rows.find((r) => r.kind === kind && r.originId === id);
    for (const kind of ['resource', 'course', 'contest', 'programme', 'dataset'] as const) {
      expect(of(kind, ids[kind]!), kind).toMatchObject({ originName: 'HK node', originUrl: base, jurisdictionCode: 'HK' });
    }
    expect(of('course', narrow.courseId)).toBeUndefined();
    expect(of('course', ids.course!)!.payload).toMatchObject({
      units: [{ title: '單元一', lessons: [{ title: '第一課', objectives: ['認識感應器'] }] }],
    });
    expect(of('contest', ids.contest!)!.payload).toMatchObject({ contestLevel: 'national', tracks: ['robotics'] });
    expect(of('dataset', ids.dataset!)!.payload).toMatchObject({ rowCount: 2, agreement: { parties: ['HK', 'GD'] } });
    expect((of('dataset', ids.dataset!)!.payload as { content: string }).content).toContain('A1B2,7,82');
    const open = of('indicator', 'HK.fed_test_labs.2025-26-1')!.payload;
    expect(open).toMatchObject({ value: 50, suppressed: false });
    const small = of('indicator', 'HK.fed_test_labs.2025-26-2')!.payload;
    expect(small).toMatchObject({ value: null, suppressed: true });
    expect(JSON.stringify(small)).not.toContain('"numerator"');

    // Pulling again from the start changes nothing: upserts are keyed by origin.
    await t.database.db.update(federationPeers).set({ cursor: '' }).where(eq(federationPeers.id, peer.id));
    expect(await pullAndRead()).toHaveLength(rows.length);

    const contestsPage = await t.app.inject({ method: 'GET', url: '/api/v1/federation/items?kind=contest', headers: teacher.headers });
    expect(contestsPage.statusCode).toBe(200);
    const listed = (contestsPage.json() as { items: { kind: string; title: string; origin: { name: string } }[] }).items;
    expect(listed.map((i) => i.kind)).toEqual(['contest']);
    expect(listed[0]).toMatchObject({ title: '灣區青少年人工智能挑戰賽', origin: { name: 'HK node' } });
    // A dataset under an agreement is for the parties' jurisdiction-wide staff, not every teacher.
    const asTeacher = await t.app.inject({ method: 'GET', url: '/api/v1/federation/items?kind=dataset', headers: teacher.headers });
    expect((asTeacher.json() as { items: unknown[] }).items).toHaveLength(0);
    const asGd = await t.app.inject({ method: 'GET', url: '/api/v1/federation/items?kind=dataset', headers: gdStaff.headers });
    expect((asGd.json() as { items: { title: string }[] }).items.map((i) => i.title)).toEqual(['編程課學習記錄（去標識）']);
  });

  it('follows updates at the origin', async () => {
    const db = t.database.db;
    await db.update(contests).set({ name: '灣區挑戰賽（改期）', updatedAt: bump() }).where(eq(contests.id, ids.contest!));
    await db
      .update(trainingProgrammes)
      .set({ title: '工作坊（第二期）', updatedAt: bump() })
      .where(eq(trainingProgrammes.id, ids.programme!));
    await db.update(courses).set({ updatedAt: bump() }).where(eq(courses.id, ids.course!));
    await db.update(courseLessons).set({ title: '第一課：感應器' }).where(eq(courseLessons.courseId, ids.course!));
    await db
      .update(privacyReleases)
      .set({ objective: '成效研究（延期）', updatedAt: bump() })
      .where(eq(privacyReleases.id, datasetRefs.releaseId));
    await db
      .update(insightsValues)
      .set({ numerator: 45, computedAt: bump() })
      .where(and(eq(insightsValues.indicatorId, indicatorId), eq(insightsValues.term, '2025-26-1')));
    const rows = await pullAndRead();
    const of = (kind: string, id: string) => rows.find((r) => r.kind === kind && r.originId === id)!;
    expect(of('contest', ids.contest!).title).toBe('灣區挑戰賽（改期）');
    expect(of('programme', ids.programme!).title).toBe('工作坊（第二期）');
    expect(of('course', ids.course!).payload).toMatchObject({ units: [{ lessons: [{ title: '第一課：感應器' }] }] });
    expect(of('dataset', ids.dataset!).summary).toBe('成效研究（延期）');
    expect(of('indicator', 'HK.fed_test_labs.2025-26-1').payload).toMatchObject({ value: 75 });
  });

  it('removes each kind when the origin withdraws, unpublishes or ends its agreement', async () => {
    const db = t.database.db;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/resources/${ids.resource}/withdraw`, headers: teacher.headers })).statusCode,
    ).toBeLessThan(300);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/resources/${courseRefs.resourceId}/withdraw`, headers: teacher.headers }))
        .statusCode,
    ).toBeLessThan(300);
    await db.update(contests).set({ level: 'school', updatedAt: bump() }).where(eq(contests.id, ids.contest!));
    await db.update(trainingProgrammes).set({ status: 'draft', updatedAt: bump() }).where(eq(trainingProgrammes.id, ids.programme!));
    await db
      .update(privacyAgreements)
      .set({ status: 'revoked', updatedAt: bump() })
      .where(eq(privacyAgreements.id, datasetRefs.agreementId));
    await db.update(insightsIndicators).set({ active: false }).where(eq(insightsIndicators.id, indicatorId));
    await db.update(insightsValues).set({ computedAt: bump() }).where(eq(insightsValues.indicatorId, indicatorId));
    const rows = await pullAndRead();
    for (const kind of ['resource', 'course', 'contest', 'programme', 'dataset'] as const) {
      expect(
        rows.find((r) => r.kind === kind && r.originId === ids[kind]),
        kind,
      ).toBeUndefined();
    }
    expect(rows.filter((r) => r.kind === 'indicator')).toHaveLength(0);
  });
});

describe('personal data never leaves, whatever the kind', () => {
  it('holds every kind that carries a pupil’s name or phone and no feed payload contains student data', async () => {
    const leak = `${PUPILS[0]}同學，家長電話 ${PHONE}`;
    await publishResource(t.app, teacher, reviewer, { title: '觀察紀錄', summary: '課堂', body: `<p>${leak}</p>`, level: 'bay-area' });
    const course = await makeCourse('觀察課程', 'bay-area');
    await t.database.db
      .update(courseLessons)
      .set({ objectives: [{ text: leak, competencies: [] }] })
      .where(eq(courseLessons.courseId, course.courseId));
    await t.database.db.update(courses).set({ updatedAt: bump() }).where(eq(courses.id, course.courseId));
    const contest = await makeContest('校際賽', `聯絡 ${leak}`);
    const programme = await makeProgramme('工作坊', `學員 ${leak}`);
    const dataset = await makeDataset('名單', `name,phone\n${PUPILS[0]},${PHONE}\n${PUPILS[1]},9876 5432\n`);
    await settle();
    const raw = await rawFeed();
    for (const secret of [...PUPILS, PHONE, ...studentNumbers]) expect(raw).not.toContain(secret);
    const held = await t.database.db.select().from(federationHeld);
    const heldKeys = held.map((h) => `${h.kind}:${h.itemId}`);
    for (const key of [`course:${course.courseId}`, `contest:${contest}`, `programme:${programme}`, `dataset:${dataset.datasetId}`]) {
      expect(heldKeys).toContain(key);
    }
  });
});

describe('files fetched by hash', () => {
  let fake: Server;
  afterAll(() => new Promise<void>((r) => (fake ? fake.close(() => r()) : r())));

  it('discards bytes that do not match their hash and shows the error in feed health', async () => {
    const announced = createHash('sha256').update('the real lesson plan').digest('hex');
    const served = Buffer.from('something else entirely');
    const servedHash = createHash('sha256').update(served).digest('hex');
    const item = {
      kind: 'resource',
      id: randomUUID(),
      deleted: false,
      updatedAt: new Date().toISOString(),
      jurisdiction: 'MO',
      level: 'bay-area',
      title: '壞檔案',
      summary: '',
      text: '',
      keywords: [],
      language: 'zh-Hant-MO',
      subject: 'ai',
      gradeBand: 'junior',
      licence: 'CC-BY-4.0',
      attribution: null,
      files: [{ sha256: announced, filename: 'plan.pdf', mediaType: 'application/pdf', size: served.length }],
    };
    fake = createServer((req, res) => {
      if (req.url?.startsWith('/federation/v1/changes')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ items: [item], cursor: 'c1', hasMore: false }));
      } else res.end(served);
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
    const key = keyOf();
    const [bad] = await t.database.db
      .insert(federationPeers)
      .values({
        nodeId: key.keyId,
        name: 'Faulty node',
        baseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
        publicJwk: key.publicJwk,
        jurisdictions: ['MO'],
        level: 'province',
        relation: 'sibling',
        status: 'active',
      })
      .returning();
    // Only this peer is due.
    await t.database.db
      .update(federationPeers)
      .set({ nextPullAt: future(1) })
      .where(eq(federationPeers.id, peer.id));
    await pullDuePeers(t.database.db, t.blobs, { ...puller, key });
    expect(await t.blobs.has(announced)).toBe(false);
    expect(await t.blobs.has(servedHash)).toBe(false);
    const [after] = await t.database.db.select().from(federationPeers).where(eq(federationPeers.id, bad!.id));
    expect(after!.lastError).toMatch(/does not match its hash/);
    expect(after!.failures).toBe(1);
    expect(await t.database.db.select().from(federatedItems).where(eq(federatedItems.peerId, bad!.id))).toHaveLength(0);
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/federation/peers', headers: await adminHeaders() });
    const listedBad = (health.json() as { items: { id: string; health: { lastError: string } }[] }).items.find((p) => p.id === bad!.id);
    expect(listedBad!.health.lastError).toMatch(/does not match its hash/);
  });
});

async function adminHeaders() {
  const admin = await makeUser(t.database.db, { role: 'platform_admin', jurisdiction: 'HK' });
  return (await signIn(t.app, admin.username, TEST_PASSWORD)).headers;
}
