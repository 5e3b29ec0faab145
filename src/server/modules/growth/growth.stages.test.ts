import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildGrowthWorld, caller, endPublicity, multipartFile, TINY_PNG, type GrowthWorld } from './growth.test-world.ts';

let t: TestApp;
let w: GrowthWorld;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildGrowthWorld(t);
  call = caller(t.app, w);
});
afterAll(async () => {
  await t?.close();
});

const entry = (over: Record<string, unknown> = {}) => ({
  termId: w.termId,
  authorRole: 'self',
  source: 'volunteering',
  dimensionKey: 'labour',
  indicatorKey: 'volunteering',
  title: '社区图书馆志愿服务',
  description: '周末在社区图书馆整理图书两小时。',
  language: 'zh-Hans',
  occurredOn: new Date().toISOString().slice(0, 10),
  ...over,
});

async function auditActions(targetIds: string[]): Promise<string[]> {
  const result = await t.database.db.execute(
    sql`select action from audit_entries where target_id = ANY(${sql`ARRAY[${sql.join(
      targetIds.map((id) => sql`${id}`),
      sql`, `,
    )}]`}) order by seq`,
  );
  return (result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

describe('the five stages of a growth record', () => {
  let recordId: string;
  let evidenceId: string;
  let secondId: string;

  it('walks record → review → selection → publicity → archive in order, each step audited', async () => {
    // 1. Record (写实记录): the student writes a volunteering entry and attaches a photo.
    const created = await call('student', 'POST', '/evidence', entry());
    expect(created.status).toBe(201);
    evidenceId = created.body.id as string;
    const second = await call('student', 'POST', '/evidence', entry({ title: '校园清洁日', source: 'manual' }));
    secondId = second.body.id as string;
    const file = multipartFile('photo.png', 'image/png', TINY_PNG);
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/growth/evidence/${evidenceId}/attachments`,
      headers: { ...w.as.student.headers, 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(attached.statusCode).toBe(201);
    expect(attached.json().contentType).toBe('image/png');

    const mine = await call('student', 'GET', '/me');
    const detail = mine.body.detail as { record: { id: string; stage: string }; evidence: { attachments: unknown[] }[] };
    recordId = detail.record.id;
    expect(detail.record.stage).toBe('recording');
    expect(detail.evidence[0].attachments).toHaveLength(1);

    // Selecting before review is refused: only approved entries go in.
    expect((await call('student', 'POST', `/records/${recordId}/selection`, { evidenceIds: [evidenceId] })).body.code).toBe(
      'GROWTH_EVIDENCE_NOT_APPROVED',
    );

    // 2. Teacher review: the subject teacher sees it in the queue and approves it.
    const queue = await call('subjectTeacher', 'GET', '/review-queue');
    expect((queue.body.items as { id: string }[]).map((i) => i.id)).toContain(evidenceId);
    expect((await call('subjectTeacher', 'POST', `/evidence/${evidenceId}/review`, { decision: 'approved', comment: '很好' })).status).toBe(
      200,
    );
    expect((await call('subjectTeacher', 'POST', `/evidence/${secondId}/review`, { decision: 'approved' })).status).toBe(200);

    // 3. Selection (整理遴选) by the student.
    const selected = await call('student', 'POST', `/records/${recordId}/selection`, { evidenceIds: [evidenceId, secondId] });
    expect(selected.body.stage).toBe('selected');

    // 4. Publicity (公示), opened by the class teacher; a subject teacher may not.
    expect((await call('subjectTeacher', 'POST', `/classes/${w.classId}/publicity`, { termId: w.termId })).status).toBe(404);
    const opened = await call('classTeacher', 'POST', `/classes/${w.classId}/publicity`, { termId: w.termId });
    expect(opened.body).toMatchObject({ opened: 1 });
    const board = await call('classmate', 'GET', `/classes/${w.classId}/publicity?termId=${w.termId}`);
    const shown = board.body.items as { recordId: string; evidence: { id: string }[] }[];
    expect(shown[0].evidence.map((e) => e.id).sort()).toEqual([evidenceId, secondId].sort());
    expect(JSON.stringify(board.body)).not.toContain('attachments');

    // A classmate objects; the student cannot confirm nor the class teacher sign before it is resolved.
    const objection = await call('classmate', 'POST', '/objections', { evidenceId: secondId, reason: '那天清洁日他没有参加。' });
    expect(objection.status).toBe(201);
    await endPublicity(t, recordId);
    expect((await call('student', 'POST', `/records/${recordId}/confirm`)).body.code).toBe('GROWTH_OBJECTIONS_OPEN');
    // Only the class teacher rules, with reasons.
    expect(
      (await call('subjectTeacher', 'POST', `/objections/${objection.body.id}/resolve`, { decision: 'upheld', reason: '核实' })).status,
    ).toBe(403);
    const ruled = await call('classTeacher', 'POST', `/objections/${objection.body.id}/resolve`, {
      decision: 'upheld',
      reason: '经核实，签到表上没有记录。',
    });
    expect(ruled.body.status).toBe('upheld');

    // 5. Archive (形成档案): student confirms, class teacher signs, principal signs — in that order.
    expect((await call('principal', 'POST', `/records/${recordId}/sign`)).body.code).toBe('GROWTH_SIGNATURE_ORDER');
    expect((await call('classTeacher', 'POST', `/records/${recordId}/sign`)).body.code).toBe('GROWTH_NOT_CONFIRMED');
    expect((await call('student', 'POST', `/records/${recordId}/confirm`)).status).toBe(200);
    expect((await call('classTeacher', 'POST', `/records/${recordId}/sign`)).body.signedAs).toBe('class_teacher');
    const archived = await call('principal', 'POST', `/records/${recordId}/sign`);
    expect(archived.body).toMatchObject({ stage: 'archived', signedAs: 'principal' });

    const after = await call('student', 'GET', `/records/${recordId}`);
    const evidence = after.body.evidence as { id: string; withdrawn: boolean; selected: boolean }[];
    expect(evidence.find((e) => e.id === secondId)).toMatchObject({ withdrawn: true, selected: false });
    expect(evidence.find((e) => e.id === evidenceId)).toMatchObject({ withdrawn: false, selected: true });

    expect(await auditActions([recordId, evidenceId, secondId])).toEqual([
      'growth.evidence.create',
      'growth.evidence.create',
      'growth.evidence.review',
      'growth.evidence.review',
      'growth.record.select',
      'growth.record.publicity_open',
      'growth.objection.raise',
      'growth.objection.resolve',
      'growth.record.confirm',
      'growth.record.sign_class_teacher',
      'growth.record.archive',
    ]);
  });

  it('refuses every write once the archive is signed, with GROWTH_RECORD_ARCHIVED', async () => {
    const file = multipartFile('late.png', 'image/png', TINY_PNG);
    const attempts = [
      await call('student', 'POST', '/evidence', entry({ title: '补录' })),
      await call(
        'subjectTeacher',
        'POST',
        '/evidence',
        entry({ authorRole: 'teacher', studentId: w.people.student.id, title: '教师补录' }),
      ),
      await call('classmate', 'POST', '/evidence', entry({ authorRole: 'peer', studentId: w.people.student.id, title: '同学评价' })),
      await call('student', 'PATCH', `/evidence/${evidenceId}`, { title: '改标题' }),
      await call('student', 'DELETE', `/evidence/${evidenceId}`),
      await call('subjectTeacher', 'POST', `/evidence/${evidenceId}/review`, { decision: 'returned' }),
      await call('student', 'POST', `/records/${recordId}/selection`, { evidenceIds: [] }),
      await call('student', 'POST', `/records/${recordId}/reopen`),
      await call('classmate', 'POST', '/objections', { evidenceId, reason: '再提异议' }),
      await call('student', 'POST', `/records/${recordId}/confirm`),
      await call('classTeacher', 'POST', `/records/${recordId}/sign`),
      await call('principal', 'POST', `/records/${recordId}/sign`),
      {
        body: (
          await t.app.inject({
            method: 'POST',
            url: `/api/v1/growth/evidence/${evidenceId}/attachments`,
            headers: { ...w.as.student.headers, 'content-type': file.contentType },
            payload: file.payload,
          })
        ).json(),
      },
    ];
    expect(attempts.map((a) => a.body.code)).toEqual(Array(attempts.length).fill('GROWTH_RECORD_ARCHIVED'));
    // The class teacher's re-opening of publicity skips the archived record rather than touching it.
    expect((await call('classTeacher', 'POST', `/classes/${w.classId}/publicity`, { termId: w.termId })).body).toMatchObject({ opened: 0 });
    const still = await call('student', 'GET', `/records/${recordId}`);
    expect((still.body.record as { stage: string }).stage).toBe('archived');
  });
});

describe('who writes what', () => {
  it('a teacher can never write or change a student self-record, only review it', async () => {
    const forStudent = await call('classTeacher', 'POST', '/evidence', entry({ studentId: w.people.classmate.id, title: '代写' }));
    expect(forStudent.status).toBe(403);
    expect(forStudent.body.code).toBe('GROWTH_SELF_RECORD_ONLY');

    const own = await call('classmate', 'POST', '/evidence', entry({ title: '自己写的' }));
    const edit = await call('classTeacher', 'PATCH', `/evidence/${own.body.id}`, { title: '老师改的' });
    expect(edit.body.code).toBe('GROWTH_SELF_RECORD_ONLY');
    expect((await call('classTeacher', 'DELETE', `/evidence/${own.body.id}`)).body.code).toBe('GROWTH_SELF_RECORD_ONLY');
    expect(
      (await call('classTeacher', 'POST', `/evidence/${own.body.id}/review`, { decision: 'returned', comment: '请补充时长' })).status,
    ).toBe(200);
    // A teacher's own record about the student is allowed, marked as the teacher's.
    const teacherEntry = await call(
      'classTeacher',
      'POST',
      '/evidence',
      entry({ authorRole: 'teacher', studentId: w.people.classmate.id, title: '班会主持' }),
    );
    expect(teacherEntry.status).toBe(201);
  });

  it('a classmate entry waits for the student to accept it before review', async () => {
    const peer = await call(
      'student',
      'POST',
      '/evidence',
      entry({ authorRole: 'peer', studentId: w.people.classmate.id, title: '帮助同学补习数学' }),
    );
    expect(peer.status).toBe(201);
    expect((await call('classTeacher', 'POST', `/evidence/${peer.body.id}/review`, { decision: 'approved' })).body.code).toBe(
      'GROWTH_STAGE_INVALID',
    );
    // The writer cannot accept for them — nor even see the classmate's record it sits in.
    expect((await call('student', 'POST', `/evidence/${peer.body.id}/peer-response`, { accept: true })).status).toBe(404);
    expect((await call('classmate', 'POST', `/evidence/${peer.body.id}/peer-response`, { accept: true })).status).toBe(204);
    expect((await call('classTeacher', 'POST', `/evidence/${peer.body.id}/review`, { decision: 'approved' })).status).toBe(200);
    // A student of another class cannot write about them at all.
    expect((await call('otherStudent', 'POST', '/evidence', entry({ authorRole: 'peer', studentId: w.people.classmate.id }))).status).toBe(
      404,
    );
  });

  it('attachments must be images or PDF by their bytes, whatever the name says', async () => {
    const own = await call('classmate', 'POST', '/evidence', entry({ title: '证书' }));
    const fake = multipartFile('certificate.png', 'image/png', Buffer.from('#!/bin/sh\necho not a photo\n'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/growth/evidence/${own.body.id}/attachments`,
      headers: { ...w.as.classmate.headers, 'content-type': fake.contentType },
      payload: fake.payload,
    });
    expect(res.statusCode).toBe(415);
  });

  it('an entry must name a dimension of the term framework', async () => {
    expect((await call('classmate', 'POST', '/evidence', entry({ dimensionKey: 'community_service', indicatorKey: null }))).body.code).toBe(
      'GROWTH_DIMENSION_UNKNOWN',
    );
  });
});
