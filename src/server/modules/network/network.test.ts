import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../library/library.schema.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';

/** The network through the real HTTP API: pairing by both principals, who hears of what, private projects. */
describe('collaboration network', { timeout: 60_000 }, () => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  const u: Record<string, MadeUser> = {};
  let gdSchool: { id: string };
  let hkSchool: { id: string };
  let bureauUnit: { id: string; jurisdictionId: string };

  const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/api/v1/network${url}`,
      payload: payload as object,
      headers: { ...(who ? s[who].headers : {}), ...headers },
    });
  const kinds = async (user: string) =>
    (
      await t.database.db
        .select({ kind: notifications.kind })
        .from(notifications)
        .where(and(eq(notifications.userId, u[user].id), like(notifications.kind, 'network.%')))
    ).map((n) => n.kind);
  const terms = { goals: '共建人工智能课程，每学期一次互访', termStart: '2026-09-01', termEnd: '2028-08-31', renewal: 'review' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    bureauUnit = await makeUnit(db, { jurisdiction: 'GD' });
    const gd = await makeSchool(db, { jurisdiction: 'GD', unitId: bureauUnit.id });
    const hk = await makeSchool(db, { jurisdiction: 'HK' });
    const other = await makeSchool(db, { jurisdiction: 'MO' });
    gdSchool = gd;
    hkSchool = hk;
    u.gdPrincipal = await makeUser(db, { role: 'principal', school: gd });
    u.gdTeacher = await makeUser(db, { role: 'teacher', school: gd });
    u.gdStudent = await makeUser(db, { role: 'student', school: gd });
    u.hkPrincipal = await makeUser(db, { role: 'principal', school: hk });
    u.hkTeacher = await makeUser(db, { role: 'teacher', school: hk });
    u.moPrincipal = await makeUser(db, { role: 'principal', school: other });
    u.moTeacher = await makeUser(db, { role: 'teacher', school: other });
    u.gdBureau = await makeUser(db, { role: 'bureau_admin', unit: bureauUnit });
    u.hkBureauOther = await makeUser(db, { role: 'bureau_admin', jurisdiction: 'MO' });
    for (const [k, v] of Object.entries(u)) s[k] = await signIn(t.app, v.username, TEST_PASSWORD);
  }, 240_000);
  afterAll(() => t?.close());

  it('shows contact persons to signed-in staff only, never to students or anonymous readers', async () => {
    const put = await call(
      'hkPrincipal',
      'PUT',
      `/schools/${hkSchool.id}`,
      { interests: ['robotics'], contacts: [{ name: '陳主任', role: '資訊科技統籌', email: 'it@example.edu.hk' }] },
      { 'if-match': '0' },
    );
    expect(put.statusCode).toBe(200);
    const forStaff = await call('gdTeacher', 'GET', `/schools/${hkSchool.id}`);
    expect(forStaff.json().contacts).toEqual([{ name: '陳主任', role: '資訊科技統籌', email: 'it@example.edu.hk' }]);
    for (const who of ['gdStudent', null]) {
      const res = await call(who, 'GET', `/schools/${hkSchool.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().contacts).toBeUndefined();
      expect(res.body).not.toContain('it@example.edu.hk');
    }
    // Another school's principal cannot edit it.
    expect((await call('gdPrincipal', 'PUT', `/schools/${hkSchool.id}`, { summary: 'x' }, { 'if-match': '1' })).statusCode).toBe(404);
  });

  let pairId: string;

  it('an agreement needs both principals: the proposer alone, or a teacher, cannot complete it', async () => {
    const proposed = await call('hkPrincipal', 'POST', '/pairs', { partnerSchoolId: gdSchool.id, message: '期待合作', terms });
    expect(proposed.statusCode).toBe(201);
    pairId = proposed.json().id;
    expect(proposed.json()).toMatchObject({ status: 'proposed', approvedByA: true, approvedByB: false });

    // The proposing principal cannot accept on the other school's behalf; a teacher of that school cannot either.
    expect((await call('hkPrincipal', 'POST', `/pairs/${pairId}/decision`, { decision: 'accept' })).json().code).toBe('FORBIDDEN');
    expect((await call('gdTeacher', 'POST', `/pairs/${pairId}/decision`, { decision: 'accept' })).json().code).toBe('FORBIDDEN');
    // A principal of an unrelated school does not even see it.
    expect((await call('moPrincipal', 'POST', `/pairs/${pairId}/decision`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await call('gdPrincipal', 'GET', `/pairs/${pairId}`)).json()).toMatchObject({ status: 'proposed', canDecide: true });
    // No exchanges before the agreement stands.
    const early = await call('gdTeacher', 'POST', `/pairs/${pairId}/exchanges`, { kind: 'visit', title: '互访', startsOn: '2026-01-10' });
    expect(early.json().code).toBe('NETWORK_PAIR_NOT_ACTIVE');
    // A second proposal between the same schools is refused.
    expect((await call('gdPrincipal', 'POST', '/pairs', { partnerSchoolId: hkSchool.id, terms })).json().code).toBe('NETWORK_PAIR_EXISTS');

    const accepted = await call('gdPrincipal', 'POST', `/pairs/${pairId}/decision`, { decision: 'accept' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'active',
      approvedByA: true,
      approvedByB: true,
      agreement: { goals: terms.goals, renewal: 'review' },
    });
    expect((await call('gdPrincipal', 'POST', `/pairs/${pairId}/decision`, { decision: 'accept' })).json().code).toBe(
      'NETWORK_PAIR_NOT_PENDING',
    );
  });

  it('notifications reach the right users only', async () => {
    // The proposal went to the other school's principal only; the acceptance to the proposer only.
    expect(await kinds('gdPrincipal')).toEqual(['network.proposal']);
    expect(await kinds('hkPrincipal')).toEqual(['network.accepted']);
    for (const who of ['gdTeacher', 'gdStudent', 'hkTeacher', 'moPrincipal', 'moTeacher', 'gdBureau']) expect(await kinds(who)).toEqual([]);

    // An exchange recorded by the Guangdong teacher tells the Hong Kong principal, not the recorder's own side.
    const ex = await call('gdTeacher', 'POST', `/pairs/${pairId}/exchanges`, {
      kind: 'joint-online-lesson',
      title: '联合网课：图像识别',
      startsOn: '2026-03-12',
      teachers: 2,
      students: 60,
      reflection: '学生对跨境合作很投入',
    });
    expect(ex.statusCode).toBe(201);
    expect(await kinds('hkPrincipal')).toEqual(['network.accepted', 'network.exchange']);
    expect(await kinds('gdPrincipal')).toEqual(['network.proposal']);
  });

  it('lets the bureau above a school read the yearly summary, and nobody outside', async () => {
    const summary = await call('gdBureau', 'GET', `/pairs/${pairId}/summary?year=2026`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      held: 1,
      teachers: 2,
      students: 60,
      reflections: 1,
      byKind: { 'joint-online-lesson': 1, visit: 0 },
    });
    expect((await call('hkBureauOther', 'GET', `/pairs/${pairId}/summary?year=2026`)).statusCode).toBe(404);
    expect((await call('moTeacher', 'GET', `/pairs/${pairId}`)).statusCode).toBe(404);
    const bureauPairs = await call('gdBureau', 'GET', '/pairs');
    expect(bureauPairs.json().items.map((p: { id: string }) => p.id)).toEqual([pairId]);
  });

  it('stores exchange photos in the blob store and refuses what is not an image', async () => {
    const [ex] = (await call('hkTeacher', 'GET', `/pairs/${pairId}/exchanges`)).json().items;
    // A 1×1 PNG.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const upload = (bytes: Buffer, name: string) => {
      const boundary = 'xxBOUNDARYxx';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/network/exchanges/${ex.id}/photos`,
        payload: body,
        headers: { ...s.hkTeacher.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const ok = await upload(png, 'lesson.png');
    expect(ok.statusCode).toBe(201);
    expect((await upload(Buffer.from('#!/bin/sh\necho hi\n'), 'photo.png')).json().code).toBe('NETWORK_PHOTO_NOT_IMAGE');
    const got = await call('gdBureau', 'GET', `/photos/${ok.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    expect((await call('moTeacher', 'GET', `/photos/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('keeps a project private to its members until it is published to the library', async () => {
    const created = await call('gdTeacher', 'POST', '/projects', {
      title: '智慧农业中的人工智能',
      question: '图像识别能否及早发现作物病害？',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (await call('gdTeacher', 'POST', `/projects/${id}/members`, { username: u.hkTeacher.username, role: 'researcher' })).statusCode,
    ).toBe(200);
    expect((await call('gdTeacher', 'POST', `/projects/${id}/members`, { username: u.gdStudent.username })).json().code).toBe(
      'NETWORK_NOT_STAFF',
    );
    await call('gdTeacher', 'POST', `/projects/${id}/threads`, { title: '数据采集', body: `@${u.hkTeacher.username} 请上传叶片照片` });
    await call('hkTeacher', 'POST', `/projects/${id}/documents`, {
      kind: 'link',
      ref: 'https://example.org/leaf-dataset',
      title: '葉片資料集',
    });
    expect(
      (await call('hkTeacher', 'POST', `/projects/${id}/documents`, { kind: 'link', ref: 'javascript:alert(1)', title: 'x' })).json().code,
    ).toBe('NETWORK_DOCUMENT_REF_INVALID');
    // The invitation and the mention reached the Hong Kong teacher only.
    expect(await kinds('hkTeacher')).toEqual(['network.invitation', 'network.mention']);
    expect(await kinds('moTeacher')).toEqual([]);

    // Members read the threads and documents; a non-member, even a principal or bureau, does not.
    expect((await call('hkTeacher', 'GET', `/projects/${id}/threads`)).json().items[0].posts).toHaveLength(1);
    expect((await call('hkTeacher', 'GET', `/projects/${id}/documents`)).json().items).toHaveLength(1);
    for (const who of ['moTeacher', 'gdPrincipal', 'gdBureau']) {
      for (const path of ['', '/threads', '/documents']) expect((await call(who, 'GET', `/projects/${id}${path}`)).statusCode).toBe(404);
      expect((await call(who, 'POST', `/projects/${id}/threads`, { title: 'x', body: 'y' })).statusCode).toBe(404);
    }
    expect((await call('moTeacher', 'GET', '/projects')).json().items).toEqual([]);

    // Only the lead publishes; the output becomes a library draft submitted for school review.
    expect((await call('hkTeacher', 'POST', `/projects/${id}/publish`, { title: '成果' })).json().code).toBe('FORBIDDEN');
    const published = await call('gdTeacher', 'POST', `/projects/${id}/publish`, {
      title: '人工智能识别作物病害：粤港合作研究报告',
      summary: '三地学校的联合研究',
    });
    expect(published.statusCode).toBe(200);
    const resourceId = published.json().outputResourceId;
    const [r] = await t.database.db.select().from(resources).where(eq(resources.id, resourceId));
    expect(r).toMatchObject({ status: 'in_review', schoolId: gdSchool.id, authorId: u.gdTeacher.id, publishLevel: 'school' });
    expect((await call('moTeacher', 'GET', `/projects/${id}/threads`)).statusCode).toBe(200);
    expect((await call('gdStudent', 'GET', `/projects/${id}/threads`)).statusCode).toBe(404);
  });

  it('pairs an expert with a school and keeps the mentoring log to that school and its bureau', async () => {
    const admin = await makeUser(t.database.db, { role: 'platform_admin', jurisdiction: 'GD' });
    s.admin = await signIn(t.app, admin.username, TEST_PASSWORD);
    expect(
      (await call('gdTeacher', 'POST', '/experts', { name: 'x', kind: 'university', affiliation: 'y', fields: ['ai'] })).json().code,
    ).toBe('FORBIDDEN');
    const expert = await call('admin', 'POST', '/experts', {
      name: '苏明哲教授',
      kind: 'university',
      affiliation: '湾区理工大学',
      fields: ['计算机视觉'],
    });
    expect(expert.statusCode).toBe(201);
    const paired = await call('gdPrincipal', 'POST', `/experts/${expert.json().id}/mentorships`, {
      schoolId: gdSchool.id,
      focus: '人工智能社团',
    });
    expect(paired.statusCode).toBe(201);
    // Pairing into another jurisdiction's school is out of reach.
    expect(
      (await call('gdPrincipal', 'POST', `/experts/${expert.json().id}/mentorships`, { schoolId: hkSchool.id, focus: 'x' })).statusCode,
    ).toBe(404);
    const log = await call('gdTeacher', 'POST', `/mentorships/${paired.json().id}/log`, {
      on: '2026-04-02',
      minutes: 90,
      note: '指导学生调试模型',
    });
    expect(log.json().items).toHaveLength(1);
    expect((await call('gdBureau', 'GET', `/mentorships/${paired.json().id}/log`)).statusCode).toBe(200);
    expect((await call('hkTeacher', 'GET', `/mentorships/${paired.json().id}/log`)).statusCode).toBe(404);
    const lecture = await call('admin', 'POST', `/experts/${expert.json().id}/lectures`, {
      title: '计算机视觉入门',
      on: '2026-05-20',
      eventRef: 'https://example.org/events/42',
    });
    expect(lecture.statusCode).toBe(201);
  });
});
