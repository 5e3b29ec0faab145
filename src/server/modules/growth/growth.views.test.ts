import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClass, makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { xapiStatements } from '../records/records.schema.ts';
import { MAINLAND_FRAMEWORK } from './growth.frameworks.defaults.ts';
import { growthEvidence, growthRecords } from './growth.schema.ts';
import { recordEvidenceFromSource } from './growth.sources.ts';
import { buildGrowthWorld, caller, setLocale, type GrowthWorld } from './growth.test-world.ts';

let t: TestApp;
let w: GrowthWorld;
let call: ReturnType<typeof caller>;
let bureau: Session;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildGrowthWorld(t);
  call = caller(t.app, w);
  const admin = await makeUser(t.database.db, { role: 'bureau_admin', jurisdiction: 'GD' });
  bureau = await signIn(t.app, admin.username, TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  return (await extractText(pdf, { mergePages: true })).text as string;
}

describe('term report', () => {
  it('is a PDF with the student Chinese name and every dimension title, in simplified script', async () => {
    const created = await call('student', 'POST', '/evidence', {
      termId: w.termId,
      authorRole: 'self',
      dimensionKey: 'health',
      title: '校运会800米第三名',
      language: 'zh-Hans',
      occurredOn: today(),
    });
    await call('classTeacher', 'POST', `/evidence/${created.body.id}/review`, { decision: 'approved' });
    const recordId = ((await call('student', 'GET', '/me')).body.detail as { record: { id: string } }).record.id;
    const res = await call('student', 'GET', `/records/${recordId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.raw.rawPayload);
    expect(text).toContain('王小禾');
    expect(text).toContain('校运会800米第三名');
    for (const d of MAINLAND_FRAMEWORK.dimensions) expect(text).toContain(d.names['zh-Hans']);
    expect(text).toContain('草稿');
  });

  it('is written in traditional script for a Hong Kong student, with the HK profile areas', async () => {
    const hk = await buildGrowthWorld(t, 'HK');
    await setLocale(t, hk.people.student.id, 'zh-Hant');
    const hkCall = caller(t.app, hk);
    const created = await hkCall('student', 'POST', '/evidence', {
      termId: hk.termId,
      authorRole: 'self',
      dimensionKey: 'community_service',
      title: '長者中心義工服務',
      language: 'zh-Hant-HK',
      occurredOn: today(),
    });
    expect(created.status).toBe(201);
    const recordId = ((await hkCall('student', 'GET', '/me')).body.detail as { record: { id: string } }).record.id;
    const text = await pdfText((await hkCall('student', 'GET', `/records/${recordId}/report.pdf`)).raw.rawPayload);
    expect(text).toContain('王小禾');
    for (const title of ['學業發展', '德育及公民教育', '社會服務', '與工作有關的經驗', '藝術發展', '體育發展'])
      expect(text).toContain(title);
    expect(text).toContain('學期報告');
  });
});

describe('bureau aggregates', () => {
  it('withhold every cell describing fewer than five students', async () => {
    const db = t.database.db;
    const school = await makeSchool(db, { jurisdiction: 'GD' });
    const cls = await makeClass(db, school);
    const students = [];
    for (let i = 0; i < 12; i++) students.push(await makeUser(db, { role: 'student', school, classId: cls.id }));
    const admin = await makeUser(db, { role: 'school_admin', school });
    const adminSession = await signIn(t.app, admin.username, TEST_PASSWORD);
    const term = await call(adminSession, 'POST', `/schools/${school.id}/terms`, {
      code: '2026-2027-1',
      names: { 'zh-Hans': '第一学期', 'zh-Hant': '上學期', en: 'First Term' },
      startsOn: '2026-09-01',
      endsOn: '2027-01-31',
    });
    // Six students have approved labour entries, two have arts, none have moral.
    for (const [i, s] of students.entries()) {
      const [record] = await db
        .insert(growthRecords)
        .values({
          termId: term.body.id as string,
          studentId: s.id,
          classId: cls.id,
          schoolId: school.id,
          jurisdictionId: school.jurisdictionId,
        })
        .returning();
      const dims = [...(i < 6 ? ['labour'] : []), ...(i < 2 ? ['arts'] : [])];
      for (const dimensionKey of dims) {
        await db.insert(growthEvidence).values({
          recordId: record.id,
          studentId: s.id,
          schoolId: school.id,
          jurisdictionId: school.jurisdictionId,
          dimensionKey,
          title: '测试记录',
          language: 'zh-Hans',
          occurredOn: '2026-10-10',
          authorId: s.id,
          authorRole: 'self',
          source: 'manual',
          reviewStatus: 'approved',
        });
      }
    }
    const res = await call(bureau, 'GET', '/aggregates?termCode=2026-2027-1');
    const row = (
      res.body.schools as {
        schoolId: string;
        cells: { dimensionKey: string; studentsWithEvidence: number | null; suppressed: boolean }[];
      }[]
    ).find((s) => s.schoolId === school.id)!;
    const cell = (k: string) => row.cells.find((c) => c.dimensionKey === k)!;
    expect(cell('labour')).toMatchObject({ studentsWithEvidence: 6, students: 12, suppressed: false });
    expect(cell('arts')).toMatchObject({ studentsWithEvidence: null, students: null, suppressed: true });
    expect(cell('moral')).toMatchObject({ studentsWithEvidence: 0, suppressed: false });
    expect(res.body.threshold).toBe(5);
    // The small test school of the shared world (fewer than five students) is withheld whole.
    const tiny = (res.body.schools as { schoolId: string; cells: { suppressed: boolean }[] }[]).find((s) => s.schoolId === w.school.id)!;
    expect(tiny.cells.every((c) => c.suppressed)).toBe(true);
  });
});

describe('frameworks', () => {
  it('a provincial bureau edits its framework as a new version; open terms keep theirs', async () => {
    const current = await call(bureau, 'GET', `/frameworks?jurisdictionId=${w.school.jurisdictionId}`);
    expect(current.body.version).toBe(1);
    const dimensions = (current.body.dimensions as { key: string }[]).map((d) => d);
    const edited = [
      ...dimensions,
      {
        key: 'ai_literacy',
        domain: 'zhi',
        names: { 'zh-Hans': '人工智能素养', 'zh-Hant': '人工智能素養', en: 'AI literacy' },
        descriptions: { 'zh-Hans': '', 'zh-Hant': '', en: '' },
        indicators: [],
      },
    ];
    const noVersion = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/growth/jurisdictions/${w.school.jurisdictionId}/framework`,
      headers: bureau.headers,
      payload: { names: current.body.names, dimensions: edited },
    });
    expect(noVersion.statusCode).toBe(428);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/growth/jurisdictions/${w.school.jurisdictionId}/framework`,
      headers: { ...bureau.headers, 'if-match': '"1"' },
      payload: { names: current.body.names, dimensions: edited },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/growth/jurisdictions/${w.school.jurisdictionId}/framework`,
      headers: { ...bureau.headers, 'if-match': '"1"' },
      payload: { names: current.body.names, dimensions: edited },
    });
    expect(stale.statusCode).toBe(412);
    // The world's term was opened under version 1: the new dimension is not in it.
    const entry = await call('student', 'POST', '/evidence', {
      termId: w.termId,
      authorRole: 'self',
      dimensionKey: 'ai_literacy',
      title: '人工智能社团',
      language: 'zh-Hans',
      occurredOn: today(),
    });
    expect(entry.body.code).toBe('GROWTH_DIMENSION_UNKNOWN');
  });

  it('a teacher or a school cannot edit the framework', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/growth/jurisdictions/${w.school.jurisdictionId}/framework`,
      headers: { ...w.as.principal.headers, 'if-match': '"2"' },
      payload: { names: MAINLAND_FRAMEWORK.names, dimensions: MAINLAND_FRAMEWORK.dimensions },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('evidence from other sources', () => {
  it('turns mapped xAPI statements of the school into entries waiting for review, once', async () => {
    const [student] = await t.database.db.select().from(users).where(eq(users.id, w.people.student.id));
    const statement = (verb: string, type: string, name: string) => ({
      id: randomUUID(),
      actor: { objectType: 'Agent', account: { homePage: 'https://edubridge.example', name: student.username } },
      verb: { id: verb },
      object: {
        objectType: 'Activity',
        id: `https://edubridge.example/activities/${randomUUID()}`,
        definition: { type, name: { 'zh-CN': name } },
      },
      timestamp: new Date().toISOString(),
      stored: new Date().toISOString(),
      authority: { objectType: 'Agent', account: { homePage: 'https://edubridge.example', name: 'client' } },
      version: '1.0.3',
    });
    const rows = [
      statement('http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/activities/course', '人工智能入门课程'),
      statement('http://adlnet.gov/expapi/verbs/experienced', 'http://adlnet.gov/expapi/activities/media', '观看视频'),
    ];
    await t.database.db.insert(xapiStatements).values(
      rows.map((s) => ({
        statementId: s.id,
        jurisdictionId: w.school.jurisdictionId,
        schoolId: w.school.id,
        stored: new Date(),
        verbId: s.verb.id,
        agents: [],
        relatedAgents: [],
        activities: [s.object.id],
        relatedActivities: [s.object.id],
        statement: s as never,
      })),
    );
    const first = await call('classTeacher', 'POST', `/schools/${w.school.id}/xapi-import`);
    expect(first.body).toEqual({ read: 2, created: 1 });
    expect((await call('classTeacher', 'POST', `/schools/${w.school.id}/xapi-import`)).body).toEqual({ read: 0, created: 0 });
    const queue = await call('classTeacher', 'GET', '/review-queue');
    expect((queue.body.items as { title: string; source: string }[]).find((i) => i.source === 'xapi')?.title).toBe('人工智能入门课程');
    expect((await call('student', 'POST', `/schools/${w.school.id}/xapi-import`)).status).toBe(403);
  });

  it('lets other modules add contest or volunteering entries idempotently', async () => {
    const input = {
      source: 'contest' as const,
      sourceRef: 'award-42',
      studentId: w.people.classmate.id,
      dimensionKey: 'academic',
      title: '区青少年人工智能挑战赛 二等奖',
      language: 'zh-Hans',
      occurredOn: today(),
    };
    const a = await recordEvidenceFromSource({ db: t.database.db, actor: SYSTEM_ACTOR }, input);
    const b = await recordEvidenceFromSource({ db: t.database.db, actor: SYSTEM_ACTOR }, input);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    const marked = await recordEvidenceFromSource(
      { db: t.database.db, actor: SYSTEM_ACTOR },
      { ...input, sourceRef: 'award-43', notForAdmissions: true },
    );
    const queue = (await call('classTeacher', 'GET', '/review-queue')).body.items as { id: string; notForAdmissions: boolean }[];
    expect(queue.find((i) => i.id === marked.id)?.notForAdmissions).toBe(true);
    expect(queue.find((i) => i.id === a.id)?.notForAdmissions).toBe(false);
  });
});

describe('class views', () => {
  it('the class overview shows each student stage and the dimensions still empty', async () => {
    const res = await call('classTeacher', 'GET', `/classes/${w.classId}/overview?termId=${w.termId}`);
    expect(res.status).toBe(200);
    const rows = res.body.rows as { student: { id: string }; missing: string[]; counts: { dimensionKey: string; count: number }[] }[];
    const me = rows.find((r) => r.student.id === w.people.student.id)!;
    expect(me.counts.find((c) => c.dimensionKey === 'health')?.count).toBe(1);
    expect(me.missing).toContain('moral');
    expect(me.missing).not.toContain('health');
    expect(res.body.isClassTeacher).toBe(true);
    expect((await call('student', 'GET', `/classes/${w.classId}/overview?termId=${w.termId}`)).status).toBe(404);
  });
});
