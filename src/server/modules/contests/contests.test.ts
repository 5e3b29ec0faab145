import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { contestEvents, contestSubmissions } from './contests.schema.ts';
import { closeSubmissions, contestBody, contestWorld, sessionsFor, type ContestWorld } from './contests.test-world.ts';

let t: TestApp;
let w: ContestWorld;
let bureau: Session, teacherA1: Session, teacherA2: Session;
let judges: Session[];
let cityId: string, districtId: string;
const entries: Record<string, { id: string; code: string }> = {};

const post = (s: Session | null, url: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as never, headers: s?.headers ?? {} });
const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
const patch = (s: Session, url: string, version: number | null, payload: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url,
    payload: payload as never,
    headers: { ...s.headers, ...(version === null ? {} : { 'if-match': `"${version}"` }) },
  });
const B = '/api/v1/contests';

beforeAll(async () => {
  t = await createTestApp();
  w = await contestWorld(t.database.db);
  [bureau, teacherA1, teacherA2] = await sessionsFor(t.app, [w.bureau, w.teachers.a1, w.teachers.a2]);
  judges = await sessionsFor(t.app, w.judges);
  const city = await post(bureau, `${B}/contests`, contestBody({ organiserUnitId: w.city.id, level: 'city', quotaPerUnit: 2 }));
  expect(city.statusCode, city.body).toBe(201);
  cityId = city.json().id;
  const district = await post(
    bureau,
    `${B}/contests`,
    contestBody({ organiserUnitId: w.districtA.id, level: 'district', parentContestId: cityId }),
  );
  expect(district.statusCode, district.body).toBe(201);
  districtId = district.json().id;
});
afterAll(async () => t?.close());

describe('editing a round', () => {
  it('takes the version read (If-Match): a lost race is 412 and writes nothing; only organisers edit', async () => {
    const before = (await get(bureau, `${B}/contests/${districtId}`)).json();
    expect((await patch(bureau, `${B}/contests/${districtId}`, null, { name: '改名' })).statusCode).toBe(428);
    const edited = await patch(bureau, `${B}/contests/${districtId}`, before.version, {
      name: `${before.name}（修订）`,
      rubric: before.rubric,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: `${before.name}（修订）`, version: before.version + 1 });
    const stale = await patch(bureau, `${B}/contests/${districtId}`, before.version, { name: '另一位编辑的改名' });
    expect(stale.statusCode).toBe(412);
    expect((await get(bureau, `${B}/contests/${districtId}`)).json().name).toBe(`${before.name}（修订）`);
    expect((await patch(teacherA1, `${B}/contests/${districtId}`, before.version + 1, { name: '老师改名' })).statusCode).toBe(403);
    const disordered = await patch(bureau, `${B}/contests/${districtId}`, before.version + 1, {
      judgingClosesAt: before.timeline.registrationOpensAt,
    });
    expect(disordered.statusCode).toBe(400);
  });
});

describe('registration', () => {
  it('lets a teacher register a team of their pupils, with the teacher as advisor', async () => {
    const res = await post(teacherA1, `${B}/contests/${districtId}/entries`, {
      title: '校园垃圾分类识别助手',
      track: 'ai-apps',
      kind: 'team',
      studentIds: [w.students.a1[0].id, w.students.a1[1].id],
      guardianConsent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.members.filter((m: { role: string }) => m.role === 'advisor')).toHaveLength(1);
    entries.e1 = body;
  });

  it('refuses without guardian consent, across schools, outside the area, or outside the grade band — writing nothing', async () => {
    const base = { title: 'x', track: 'ai-apps', kind: 'team' };
    const noConsent = await post(teacherA1, `${B}/contests/${districtId}/entries`, {
      ...base,
      studentIds: [w.students.a1[2].id],
      guardianConsent: false,
    });
    expect(noConsent.json().code).toBe('CONTESTS_CONSENT_REQUIRED');
    const cross = await post(teacherA1, `${B}/contests/${districtId}/entries`, {
      ...base,
      studentIds: [w.students.a1[2].id, w.students.a2[0].id],
      guardianConsent: true,
    });
    expect(cross.json().code).toBe('CONTESTS_CROSS_SCHOOL_NOT_ALLOWED');
    const [teacherB1] = await sessionsFor(t.app, [w.teachers.b1]);
    const outside = await post(teacherB1, `${B}/contests/${districtId}/entries`, {
      ...base,
      studentIds: [w.students.b1[0].id],
      guardianConsent: true,
    });
    expect(outside.json().code).toBe('CONTESTS_OUTSIDE_AREA');
    const senior = await post(
      bureau,
      `${B}/contests`,
      contestBody({ organiserUnitId: w.districtA.id, level: 'district', gradeBands: [{ min: 10, max: 12 }] }),
    );
    const grade = await post(teacherA1, `${B}/contests/${senior.json().id}/entries`, {
      ...base,
      studentIds: [w.students.a1[2].id],
      guardianConsent: true,
    });
    expect(grade.json().code).toBe('CONTESTS_GRADE_INELIGIBLE');
    const foreign = await post(teacherA1, `${B}/contests/${districtId}/entries`, {
      ...base,
      studentIds: [w.students.a2[0].id],
      guardianConsent: true,
    });
    expect(foreign.statusCode).toBe(403);
    const list = await get(teacherA1, `${B}/contests/${districtId}/entries`);
    expect(list.json().items).toHaveLength(1);
  });

  it('registers the rest of the field', async () => {
    const reg = async (s: Session, studentIds: string[], title: string) => {
      const res = await post(s, `${B}/contests/${districtId}/entries`, {
        title,
        track: 'ai-apps',
        kind: studentIds.length > 1 ? 'team' : 'individual',
        studentIds,
        guardianConsent: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    entries.e2 = await reg(teacherA1, [w.students.a1[2].id], '课堂专注度分析');
    entries.e3 = await reg(teacherA2, [w.students.a2[0].id], '智能浇花机器人');
    entries.e4 = await reg(teacherA2, [w.students.a2[1].id], '方言语音助手');
  });

  it('lets the school’s teacher change the team before the deadline, with the same checks, telling those affected', async () => {
    const url = `${B}/entries/${entries.e1.id}/members`;
    const [leaving, other] = [w.students.a1[1], w.students.a1[2]];
    expect((await post(teacherA2, url, { removeUserIds: [leaving.id] })).statusCode).toBe(404);
    expect((await post(teacherA1, url, { addStudentIds: [other.id] })).json().code).toBe('CONTESTS_ALREADY_REGISTERED');
    expect((await post(teacherA1, url, { addStudentIds: [w.students.out[0].id] })).json().code).toBe('CONTESTS_OUTSIDE_AREA');
    expect((await post(teacherA1, url, { removeUserIds: [w.students.a1[0].id, leaving.id] })).json().code).toBe('CONTESTS_TEAM_SIZE');
    const removed = await post(teacherA1, url, { removeUserIds: [leaving.id] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().members.map((m: { userId: string }) => m.userId)).not.toContain(leaving.id);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, leaving.id), eq(notifications.kind, 'contests.team_changed')));
    expect(told).toHaveLength(1);
    const back = await post(teacherA1, url, { addStudentIds: [leaving.id] });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().members.filter((m: { role: string }) => m.role === 'student')).toHaveLength(2);
  });
});

describe('submissions and the deadline', () => {
  it('keeps versions until the deadline', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 demo slides')], { type: 'application/pdf' }), 'slides.pdf');
    const upload = await t.app.inject({
      method: 'POST',
      url: `${B}/entries/${entries.e1.id}/files`,
      headers: teacherA1.headers,
      payload: form as never,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json();
    const v1 = await post(teacherA1, `${B}/entries/${entries.e1.id}/submissions`, {
      files: [{ sha256: file.sha256, filename: 'slides.pdf' }],
      links: [{ kind: 'repository', url: 'https://git.example.org/team/sorter' }],
    });
    expect(v1.json().version).toBe(1);
    const [student] = await sessionsFor(t.app, [w.students.a1[0]]);
    const v2 = await post(student, `${B}/entries/${entries.e1.id}/submissions`, {
      links: [{ kind: 'video', url: 'https://video.example.org/v/123' }],
    });
    expect(v2.json().version).toBe(2);
    const other = await post(teacherA2, `${B}/entries/${entries.e1.id}/submissions`, {
      links: [{ kind: 'link', url: 'https://example.org' }],
    });
    expect(other.statusCode).toBe(404);
    for (const e of ['e2', 'e3', 'e4']) {
      const s = e === 'e2' ? teacherA1 : teacherA2;
      expect(
        (await post(s, `${B}/entries/${entries[e].id}/submissions`, { links: [{ kind: 'link', url: `https://example.org/${e}` }] }))
          .statusCode,
      ).toBe(201);
    }
  });

  it('does not let judges score before submissions close', async () => {
    for (const j of w.judges) expect((await post(bureau, `${B}/contests/${districtId}/judges`, { userIds: [j.id] })).statusCode).toBe(200);
    const run = await post(bureau, `${B}/contests/${districtId}/assignment`);
    expect(run.json().shortfalls).toEqual([]);
    const queue = (await get(judges[3], `${B}/contests/${districtId}/judging`)).json();
    const res = await post(judges[3], `${B}/assignments/${queue.items[0].assignmentId}/scores`, {
      scores: { innovation: 5, technique: 5 },
    });
    expect(res.json().code).toBe('CONTESTS_SCORING_NOT_OPEN');
  });

  it('lets nobody submit after the deadline (server time)', async () => {
    await closeSubmissions(t.database.db, districtId);
    const [student] = await sessionsFor(t.app, [w.students.a1[0]]);
    for (const s of [teacherA1, student, bureau]) {
      const res = await post(s, `${B}/entries/${entries.e1.id}/submissions`, {
        links: [{ kind: 'link', url: 'https://late.example.org' }],
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CONTESTS_SUBMISSION_CLOSED');
    }
    const versions = await t.database.db.select().from(contestSubmissions).where(eq(contestSubmissions.entryId, entries.e1.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const lateChange = await post(teacherA1, `${B}/entries/${entries.e1.id}/members`, { removeUserIds: [w.students.a1[1].id] });
    expect(lateChange.json().code).toBe('CONTESTS_SUBMISSION_CLOSED');
  });

  it('freezes rubric, rules and the submission deadline once judging has started', async () => {
    const c = (await get(bureau, `${B}/contests/${districtId}`)).json();
    const frozen = await patch(bureau, `${B}/contests/${districtId}`, c.version, { rubric: c.rubric });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('CONTESTS_JUDGING_STARTED');
    const reopened = await patch(bureau, `${B}/contests/${districtId}`, c.version, {
      submissionClosesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(reopened.json().code).toBe('CONTESTS_JUDGING_STARTED');
    expect((await patch(bureau, `${B}/contests/${districtId}`, c.version, { whitelisted: true })).statusCode).toBe(200);
  });
});

describe('blind judging', () => {
  it('assigns nobody an entry of their own school', async () => {
    const progress = (await get(bureau, `${B}/contests/${districtId}/progress`)).json();
    expect(progress.judges.reduce((s: number, j: { assigned: number }) => s + j.assigned, 0)).toBe(8);
    const ownSchool = { 0: [entries.e1.code, entries.e2.code], 1: [entries.e3.code, entries.e4.code] } as Record<number, string[]>;
    for (const [i, s] of judges.entries()) {
      const codes = (await get(s, `${B}/contests/${districtId}/judging`)).json().items.map((x: { entryCode: string }) => x.entryCode);
      for (const c of ownSchool[i] ?? []) expect(codes).not.toContain(c);
    }
  });

  it('returns entry codes and never a student, advisor or school name to judges', async () => {
    const forbidden = [
      ...Object.values(w.students)
        .flat()
        .map((s) => s.username),
      '林晓澜',
      '陈思远',
      '黄嘉怡',
      '周子墨',
      '吴雨桐',
      '梁老师',
      '何老师',
      '测试学校',
      '測試學校',
      'Test School',
      w.schoolA1.id,
      w.schoolA2.id,
      w.schoolA1.code,
      w.schoolA2.code,
      ...Object.values(w.students)
        .flat()
        .map((s) => s.id),
    ];
    for (const s of judges) {
      const bodies = [
        (await get(s, `${B}/contests/${districtId}/judging`)).body,
        (await get(s, `${B}/contests/${districtId}`)).body,
        (await get(s, `${B}/contests`)).body,
      ];
      for (const body of bodies) for (const word of forbidden) expect(body).not.toContain(word);
    }
    // A judge with no role at the entry's school cannot open the named entry view either.
    for (const s of [judges[2], judges[3]]) expect((await get(s, `${B}/entries/${entries.e1.id}`)).statusCode).toBe(404);
    const sample = (await get(judges[3], `${B}/contests/${districtId}/judging`)).json().items[0];
    expect(sample.entryCode).toMatch(/^[A-Z2-9]{6}$/);
  });

  it('locks a judge’s scores once submitted', async () => {
    // E1 strongest, then E3, E2, E4 — every judge agrees on the order.
    const quality: Record<string, number> = { [entries.e1.code]: 9, [entries.e3.code]: 8, [entries.e2.code]: 6, [entries.e4.code]: 4 };
    for (const s of judges) {
      const queue = (await get(s, `${B}/contests/${districtId}/judging`)).json();
      for (const item of queue.items) {
        const q = quality[item.entryCode];
        const res = await post(s, `${B}/assignments/${item.assignmentId}/scores`, {
          scores: { innovation: q, technique: q },
          submit: true,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const queue = (await get(judges[3], `${B}/contests/${districtId}/judging`)).json();
    const again = await post(judges[3], `${B}/assignments/${queue.items[0].assignmentId}/scores`, {
      scores: { innovation: 1, technique: 1 },
      submit: true,
    });
    expect(again.json().code).toBe('CONTESTS_SCORES_LOCKED');
  });
});

describe('results and upward recommendation', () => {
  it('publishes the normalised ranking and awards', async () => {
    const preview = (await get(bureau, `${B}/contests/${districtId}/preview`)).json();
    expect(preview.openAssignments).toBe(0);
    expect(preview.items.map((i: { entryCode: string }) => i.entryCode)).toEqual([
      entries.e1.code,
      entries.e3.code,
      entries.e2.code,
      entries.e4.code,
    ]);
    const pub = await post(bureau, `${B}/contests/${districtId}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    const mine = (await get(teacherA1, `${B}/entries/${entries.e1.id}`)).json();
    expect(mine.rank).toBe(1);
    expect(mine.award).toBe('first');
    const pdf = await get(teacherA1, `${B}/entries/${entries.e1.id}/certificate.pdf?lang=en`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Each pupil of an awarded entry holds a verifiable credential, checked at training's public verifier.
    expect(mine.credentials).toHaveLength(mine.members.filter((m: { role: string }) => m.role === 'student').length);
    const credentialId = mine.credentials[0].credentialId;
    const verified = (await get(null, `/api/v1/credentials/${credentialId}/verify`)).json();
    expect(verified).toMatchObject({
      status: 'valid',
      credential: {
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { achievement: { achievementType: 'Award', id: expect.stringContaining(`/contests/${districtId}#first`) } },
      },
    });
    const doc = (await get(null, `/api/v1/credentials/${credentialId}`)).json();
    const [h, p, sig] = doc.jwt.split('.');
    const forged = Buffer.from(p, 'base64url').toString().replace('#first', '#third');
    const tampered = `${h}.${Buffer.from(forged).toString('base64url')}.${sig}`;
    expect((await post(null, '/api/v1/credentials/verify', { credential: tampered })).json().status).toBe('invalid');
    const single = await get(null, `/api/v1/credentials/${credentialId}/pdf`);
    expect(single.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // The printed page carries the QR code's target: the public verification address.
    expect(pdf.rawPayload.includes(Buffer.from('/Subtype /Image'))).toBe(true); // the QR code
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.students.a1[0].id), eq(notifications.kind, 'contests.results')));
    expect(notes).toHaveLength(1);
  });

  it('records appeals and their outcomes while the window is open', async () => {
    const appeal = await post(teacherA2, `${B}/contests/${districtId}/appeals`, { entryId: entries.e4.id, reason: '请复核技术实现得分' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const decided = await post(bureau, `${B}/appeals/${appeal.json().id}/decision`, { status: 'dismissed', outcome: '复核后维持原成绩' });
    expect(decided.json()).toMatchObject({ status: 'dismissed', outcome: '复核后维持原成绩' });
    expect((await get(bureau, `${B}/contests/${districtId}/appeals`)).json().items).toHaveLength(1);
  });

  it('reopens judging of an entry after an upheld appeal; publishing again recomputes and keeps credentials in step', async () => {
    const credentialBefore = (await get(teacherA1, `${B}/entries/${entries.e1.id}`)).json().credentials[0].credentialId;
    const appeal = await post(teacherA1, `${B}/contests/${districtId}/appeals`, { entryId: entries.e2.id, reason: '附件未被评委打开' });
    expect((await post(bureau, `${B}/appeals/${appeal.json().id}/reopen`)).statusCode).toBe(409); // not upheld yet
    await post(bureau, `${B}/appeals/${appeal.json().id}/decision`, { status: 'upheld', outcome: '重新评审该作品' });
    expect((await post(teacherA1, `${B}/appeals/${appeal.json().id}/reopen`)).statusCode).toBe(403);
    const reopened = await post(bureau, `${B}/appeals/${appeal.json().id}/reopen`);
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().reopenedAssignments).toBeGreaterThan(0);
    // The ranking is withdrawn while the entry is judged again; publishing waits for the judges.
    expect((await get(bureau, `${B}/contests/${districtId}/results`)).json().items).toEqual([]);
    expect((await post(bureau, `${B}/contests/${districtId}/publish`)).json().code).toBe('CONTESTS_JUDGING_INCOMPLETE');
    for (const s of judges) {
      const mine = (await get(s, `${B}/contests/${districtId}/judging`)).json().items as {
        assignmentId: string;
        entryCode: string;
        scores: Record<string, number>;
        submittedAt: string | null;
      }[];
      for (const a of mine.filter((x) => x.entryCode === entries.e2.code)) {
        expect(a.submittedAt).toBeNull();
        const res = await post(s, `${B}/assignments/${a.assignmentId}/scores`, { scores: a.scores, comment: '复核', submit: true });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const again = await post(bureau, `${B}/contests/${districtId}/publish`);
    expect(again.statusCode, again.body).toBe(200);
    expect((await get(bureau, `${B}/contests/${districtId}/results`)).json().items).toHaveLength(4);
    // Same scores → same award: the pupil's credential stays the one issued first, still valid.
    const after = (await get(teacherA1, `${B}/entries/${entries.e1.id}`)).json();
    expect(after.credentials.map((c: { credentialId: string }) => c.credentialId)).toContain(credentialBefore);
    expect((await get(null, `/api/v1/credentials/${credentialBefore}/verify`)).json().status).toBe('valid');
  });

  it('promotes the top entries per quota with their submissions, pending the city organiser', async () => {
    const res = await post(bureau, `${B}/contests/${districtId}/promote`);
    expect(res.statusCode, res.body).toBe(200);
    const promoted = res.json().promoted as { fromEntryId: string; entryId: string }[];
    // Quota 2 per district; all four entries are from district A → the top two.
    expect(promoted.map((p) => p.fromEntryId)).toEqual([entries.e1.id, entries.e3.id]);
    const cityEntries = (await get(bureau, `${B}/contests/${cityId}/entries`)).json().items;
    expect(cityEntries).toHaveLength(2);
    expect(cityEntries.every((e: { status: string }) => e.status === 'pending_confirmation')).toBe(true);
    const e1City = promoted.find((p) => p.fromEntryId === entries.e1.id)!.entryId;
    const versions = (await get(teacherA1, `${B}/entries/${e1City}/submissions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].files[0].filename).toBe('slides.pdf');
    const detail = (await get(teacherA1, `${B}/entries/${e1City}`)).json();
    expect(detail.history[0]).toMatchObject({ contestId: districtId, rank: 1, award: 'first' });
    expect((await post(bureau, `${B}/contests/${districtId}/promote`)).json().code).toBe('CONTESTS_ALREADY_PROMOTED');
    const confirmed = await post(bureau, `${B}/contests/${cityId}/confirm-promotions`, {});
    expect(confirmed.json().confirmed).toBe(2);
  });
});

describe('events', () => {
  it('waitlists past capacity and promotes the first waiting when a seat frees', async () => {
    const now = Date.now();
    const ev = await post(bureau, `${B}/events`, {
      code: `lecture-${now}`,
      kind: 'lecture',
      title: '院士讲人工智能',
      language: 'zh-Hans',
      location: '市少年宫报告厅',
      organiserUnitId: w.city.id,
      startsAt: new Date(now + 86400_000).toISOString(),
      endsAt: new Date(now + 90000_000).toISOString(),
      capacity: 2,
      feedbackQuestions: ['最有收获的一点'],
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const id = ev.json().id;
    const people = await sessionsFor(t.app, [w.students.a1[0], w.students.a1[1], w.students.a2[0], w.students.a2[1]]);
    const statuses = [];
    for (const s of people) statuses.push((await post(s, `${B}/events/${id}/signup`)).json().status);
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const cancel = await t.app.inject({ method: 'DELETE', url: `${B}/events/${id}/signup`, headers: people[0].headers });
    expect(cancel.json().promoted).toBe(1);
    const list = (await get(bureau, `${B}/events/${id}/signups`)).json().items as { displayName: string; status: string }[];
    expect(list.find((s) => s.displayName === '周子墨')!.status).toBe('confirmed');
    expect(list.find((s) => s.displayName === '吴雨桐')!.status).toBe('waitlisted');
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.students.a2[0].id), eq(notifications.kind, 'contests.event_seat')));
    expect(told).toHaveLength(1);

    // The public listing needs no sign-in and carries no personal data.
    const pub = await get(null, `${B}/public/events?jurisdiction=GD`);
    expect(pub.statusCode).toBe(200);
    const item = pub.json().items.find((e: { id: string }) => e.id === id);
    expect(item).toMatchObject({ capacity: 2, seatsTaken: 2, waitlisted: 1 });
    for (const word of ['周子墨', '吴雨桐', '林晓澜', w.students.a2[0].username]) expect(pub.body).not.toContain(word);

    // Attendance and feedback once it has started.
    const seated = (await get(bureau, `${B}/events/${id}/signups`))
      .json()
      .items.filter((s: { status: string }) => s.status === 'confirmed');
    await t.database.db
      .update(contestEvents)
      .set({ startsAt: new Date(Date.now() - 1000) })
      .where(eq(contestEvents.id, id));
    const att = await post(bureau, `${B}/events/${id}/attendance`, { signupIds: seated.map((s: { id: string }) => s.id), attended: true });
    expect(att.json().updated).toBe(2);
    expect((await post(people[1], `${B}/events/${id}/feedback`, { rating: 5, answers: { q0: '看到了机器人的原理' } })).statusCode).toBe(
      200,
    );
    expect((await post(people[3], `${B}/events/${id}/feedback`, { rating: 5 })).statusCode).toBe(404);
  });
});
