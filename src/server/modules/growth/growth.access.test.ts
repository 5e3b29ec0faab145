import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { buildGrowthWorld, caller, multipartFile, TINY_PNG, type GrowthWorld } from './growth.test-world.ts';

let t: TestApp;
let w: GrowthWorld;
let call: ReturnType<typeof caller>;
let recordId: string;
let attachmentId: string;
const extra: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildGrowthWorld(t);
  call = caller(t.app, w);
  const db = t.database.db;
  const otherTeacher = await makeUser(db, { role: 'teacher', school: w.school, classId: w.otherClassId });
  const elsewhere = await makeSchool(db, { jurisdiction: 'GD' });
  const otherPrincipal = await makeUser(db, { role: 'principal', school: elsewhere });
  const bureau = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'GD' });
  const hkBureau = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' });
  for (const [key, u] of Object.entries({ otherTeacher, otherPrincipal, bureau, hkBureau }))
    extra[key] = await signIn(t.app, u.username, TEST_PASSWORD);

  const created = await call('student', 'POST', '/evidence', {
    termId: w.termId,
    authorRole: 'self',
    dimensionKey: 'arts',
    title: '合唱团演出',
    language: 'zh-Hans',
    occurredOn: new Date().toISOString().slice(0, 10),
  });
  const file = multipartFile('stage.png', 'image/png', TINY_PNG);
  const attached = await t.app.inject({
    method: 'POST',
    url: `/api/v1/growth/evidence/${created.body.id}/attachments`,
    headers: { ...w.as.student.headers, 'content-type': file.contentType },
    payload: file.payload,
  });
  attachmentId = attached.json().id;
  recordId = ((await call('student', 'GET', '/me')).body.detail as { record: { id: string } }).record.id;
});
afterAll(async () => {
  await t?.close();
});

describe('who can read a growth record', () => {
  it('a student sees their own record and its photo', async () => {
    expect((await call('student', 'GET', `/records/${recordId}`)).status).toBe(200);
    const photo = await call('student', 'GET', `/attachments/${attachmentId}`);
    expect(photo.status).toBe(200);
    expect(photo.raw.headers['content-type']).toBe('image/png');
  });

  it('a student cannot see a classmate record, report, photo or growth over terms', async () => {
    expect((await call('classmate', 'GET', `/records/${recordId}`)).status).toBe(404);
    expect((await call('classmate', 'GET', `/records/${recordId}/report.pdf`)).status).toBe(404);
    expect((await call('classmate', 'GET', `/attachments/${attachmentId}`)).status).toBe(404);
    expect((await call('classmate', 'GET', `/students/${w.people.student.id}/over-terms`)).status).toBe(404);
    // Their own page shows only their own (empty) record.
    const own = await call('classmate', 'GET', '/me');
    expect(own.body.detail).toBeNull();
  });

  it('teachers of the student classes and the school principal can read it; other staff cannot', async () => {
    expect((await call('subjectTeacher', 'GET', `/records/${recordId}`)).status).toBe(200);
    expect((await call('classTeacher', 'GET', `/records/${recordId}`)).status).toBe(200);
    expect((await call('principal', 'GET', `/records/${recordId}`)).status).toBe(200);
    expect((await call(extra.otherTeacher, 'GET', `/records/${recordId}`)).status).toBe(404);
    expect((await call(extra.otherTeacher, 'GET', '/review-queue')).body.items).toEqual([]);
    expect((await call(extra.otherPrincipal, 'GET', `/records/${recordId}`)).status).toBe(404);
  });

  it('a bureau reads no single record, only aggregates of its own jurisdiction', async () => {
    expect((await call(extra.bureau, 'GET', `/records/${recordId}`)).status).toBe(404);
    expect((await call(extra.bureau, 'GET', `/attachments/${attachmentId}`)).status).toBe(404);
    expect((await call(extra.bureau, 'GET', `/students/${w.people.student.id}/over-terms`)).status).toBe(404);
    const gd = await call(extra.bureau, 'GET', '/aggregates?termCode=2026-2027-1');
    expect(gd.status).toBe(200);
    expect((gd.body.schools as { schoolId: string }[]).map((s) => s.schoolId)).toContain(w.school.id);
    const hk = await call(extra.hkBureau, 'GET', '/aggregates?termCode=2026-2027-1');
    expect((hk.body.schools as { schoolId: string }[]).map((s) => s.schoolId)).not.toContain(w.school.id);
  });

  it('students and teachers get no bureau aggregates', async () => {
    expect((await call('student', 'GET', '/aggregates?termCode=2026-2027-1')).status).toBe(403);
    expect((await call('classTeacher', 'GET', '/aggregates?termCode=2026-2027-1')).status).toBe(403);
  });
});
