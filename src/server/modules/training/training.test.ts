import { createPublicKey } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { seedUnescoFramework } from './training.frameworks.service.ts';
import { deriveQrKey, qrToken, qrWindow } from './training.qr.ts';

/** createTestApp's node secret: tokens made with it are what the organiser's screen would show. */
const qrKey = deriveQrKey('x'.repeat(40));
const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('teacher development (training)', () => {
  let t: TestApp;
  let gdBureau: Session,
    hkBureau: Session,
    gdTeacherA: Session,
    gdTeacherA2: Session,
    gdTeacherB: Session,
    hkTeacher: Session,
    principalA: Session;
  let competencyIds: string[];

  const req = async (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s?.headers ?? {}, payload: payload as never });

  const programme = (over: Record<string, unknown> = {}) => ({
    title: 'AI + 数学：课堂里的数据与模型',
    summary: '用人工智能工具设计数学课',
    language: 'zh-Hans',
    tier: 'teacher',
    category: 'ai_subject',
    competencyIds: competencyIds.slice(0, 2),
    targetLevel: 'deepen',
    organiserKind: 'bureau',
    organiserName: '测试市教育局',
    visibility: 'bay_area',
    creditHours: 12,
    rules: { minAttendancePercent: 50, minAssignmentsPassed: 1, requireReflection: false },
    publish: true,
    ...over,
  });

  async function newProgramme(over: Record<string, unknown> = {}) {
    const res = await req(gdBureau, 'POST', '/api/v1/training/programmes', programme(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function enrolApproved(programmeId: string, s: Session) {
    const en = await req(s, 'POST', `/api/v1/training/programmes/${programmeId}/enrolments`);
    expect(en.statusCode, en.body).toBe(201);
    const ok = await req(gdBureau, 'POST', `/api/v1/training/enrolments/${en.json().id}/decision`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    return ok.json();
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
    const district = await makeUnit(db, { jurisdiction: 'GD', parentId: city.id });
    const schoolA = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
    const schoolB = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
    const hkSchool = await makeSchool(db, { jurisdiction: 'HK' });
    const login = async (u: { username: string }) => signIn(t.app, u.username, TEST_PASSWORD);
    gdBureau = await login(await makeUser(db, { role: 'bureau_admin', unit: city }));
    hkBureau = await login(await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' }));
    gdTeacherA = await login(await makeUser(db, { role: 'teacher', school: schoolA, displayName: '甲校老师一' }));
    gdTeacherA2 = await login(await makeUser(db, { role: 'teacher', school: schoolA, displayName: '甲校老师二' }));
    gdTeacherB = await login(await makeUser(db, { role: 'teacher', school: schoolB, displayName: '乙校老师' }));
    hkTeacher = await login(await makeUser(db, { role: 'teacher', school: hkSchool, displayName: '香港測試老師' }));
    principalA = await login(await makeUser(db, { role: 'principal', school: schoolA }));
    const frameworks = await req(gdTeacherA, 'GET', '/api/v1/training/frameworks');
    competencyIds = frameworks.json().items[0].competencies.map((c: { id: string }) => c.id);
  });
  afterAll(() => t.close());

  it("seeds UNESCO's framework once: five aspects, three levels, fifteen competencies named in three languages", async () => {
    await seedUnescoFramework(t.database.db);
    const res = await req(hkTeacher, 'GET', '/api/v1/training/frameworks');
    const [unesco] = res.json().items;
    expect(unesco.code).toBe('unesco-ai-cft-2024');
    expect(unesco.aspects.map((a: { code: string }) => a.code)).toEqual([
      'human-centred-mindset',
      'ethics-of-ai',
      'ai-foundations-applications',
      'ai-pedagogy',
      'ai-professional-development',
    ]);
    expect(unesco.competencies).toHaveLength(15);
    expect(unesco.competencies[0]).toMatchObject({
      code: 'human-centred-mindset.acquire',
      level: 'acquire',
      names: { en: 'Human agency' },
    });
    expect(Object.keys(unesco.competencies[14].names).sort()).toEqual(['en', 'zh-Hans', 'zh-Hant']);
  });

  it("a bureau adds its own framework, seen in its jurisdiction and not in another's", async () => {
    const body = {
      code: 'gz-ai-teacher-standard',
      names: { 'zh-Hans': '广州AI教师标准', 'zh-Hant': '廣州AI教師標準', en: 'Guangzhou AI teacher standard' },
      aspects: [{ code: 'data', names: { 'zh-Hans': '数据素养', 'zh-Hant': '數據素養', en: 'Data literacy' } }],
      competencies: [
        {
          code: 'data.acquire',
          aspect: 'data',
          level: 'acquire',
          names: { 'zh-Hans': '读懂数据', 'zh-Hant': '讀懂數據', en: 'Reading data' },
        },
      ],
    };
    expect((await req(gdTeacherA, 'POST', '/api/v1/training/frameworks', body)).statusCode).toBe(403);
    expect((await req(gdBureau, 'POST', '/api/v1/training/frameworks', body)).statusCode).toBe(201);
    const gd = (await req(gdTeacherB, 'GET', '/api/v1/training/frameworks')).json().items.map((f: { code: string }) => f.code);
    const hk = (await req(hkTeacher, 'GET', '/api/v1/training/frameworks')).json().items.map((f: { code: string }) => f.code);
    expect(gd).toContain('gz-ai-teacher-standard');
    expect(hk).not.toContain('gz-ai-teacher-standard');
  });

  it('a Bay Area programme is in every jurisdiction’s catalogue; a jurisdiction one and drafts are not', async () => {
    const bay = await newProgramme({ title: '湾区校长AI素养', tier: 'principal', category: 'ai_literacy' });
    const local = await newProgramme({ title: '本地AI工具工作坊', visibility: 'jurisdiction', category: 'ai_tools' });
    const draft = await newProgramme({ title: '草稿项目', publish: false });
    const hkIds = (await req(hkTeacher, 'GET', '/api/v1/training/programmes')).json().items.map((p: { id: string }) => p.id);
    expect(hkIds).toContain(bay);
    expect(hkIds).not.toContain(local);
    expect(hkIds).not.toContain(draft);
    expect((await req(hkTeacher, 'GET', `/api/v1/training/programmes/${local}`)).statusCode).toBe(404);
    const gdIds = (await req(gdTeacherB, 'GET', '/api/v1/training/programmes')).json().items.map((p: { id: string }) => p.id);
    expect(gdIds).toEqual(expect.arrayContaining([bay, local]));
    expect(gdIds).not.toContain(draft);
    const filtered = await req(gdTeacherB, 'GET', '/api/v1/training/programmes?tier=principal&category=ai_literacy');
    expect(filtered.json().items.map((p: { id: string }) => p.id)).toEqual([bay]);
    // The Hong Kong bureau sees the Bay Area programme but cannot run it.
    expect(
      (
        await req(hkBureau, 'POST', `/api/v1/training/programmes/${bay}/sessions`, {
          title: 'x',
          mode: 'online',
          link: 'https://meet.example.org/x',
          startsAt: hourAgo(),
          endsAt: inAnHour(),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("enrolment waits for the organiser and the teacher's own principal; other principals cannot decide", async () => {
    const id = await newProgramme({ requiresPrincipalApproval: true, visibility: 'jurisdiction' });
    const en = (await req(gdTeacherA, 'POST', `/api/v1/training/programmes/${id}/enrolments`)).json();
    expect(en).toMatchObject({ status: 'pending', principalDecision: 'pending', organiserDecision: 'pending' });
    const enB = (await req(gdTeacherB, 'POST', `/api/v1/training/programmes/${id}/enrolments`)).json();
    const approvals = (await req(principalA, 'GET', '/api/v1/training/approvals')).json().items.map((x: { id: string }) => x.id);
    expect(approvals).toContain(en.id);
    expect(approvals).not.toContain(enB.id);
    expect(
      (await req(principalA, 'POST', `/api/v1/training/enrolments/${enB.id}/principal-decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const afterOrganiser = await req(gdBureau, 'POST', `/api/v1/training/enrolments/${en.id}/decision`, { decision: 'approve' });
    expect(afterOrganiser.json().status).toBe('pending');
    const afterPrincipal = await req(principalA, 'POST', `/api/v1/training/enrolments/${en.id}/principal-decision`, {
      decision: 'approve',
    });
    expect(afterPrincipal.json().status).toBe('enrolled');
    expect((await req(gdTeacherA, 'POST', `/api/v1/training/programmes/${id}/enrolments`)).json().code).toBe('TRAINING_ALREADY_ENROLLED');
  });

  it('a full cohort puts the next teacher on the waitlist, promoted when a place frees', async () => {
    const id = await newProgramme({ capacity: 1 });
    const first = await enrolApproved(id, gdTeacherA);
    const second = await enrolApproved(id, hkTeacher);
    expect(first.status).toBe('enrolled');
    expect(second.status).toBe('waitlisted');
    expect((await req(gdTeacherA, 'POST', `/api/v1/training/enrolments/${first.id}/withdraw`)).json().status).toBe('withdrawn');
    const cohort = (await req(gdBureau, 'GET', `/api/v1/training/programmes/${id}/enrolments`)).json().items;
    expect(cohort.find((x: { id: string }) => x.id === second.id).status).toBe('enrolled');
  });

  it('a teacher cannot mark their own attendance outside the QR window, nor by roll call', async () => {
    const id = await newProgramme();
    const session = (
      await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/sessions`, {
        title: '第一讲',
        mode: 'onsite',
        venue: '南沙会议室',
        capacity: 40,
        startsAt: hourAgo(),
        endsAt: inAnHour(),
      })
    ).json();
    const checkIn = (s: Session, token: string) => req(s, 'POST', `/api/v1/training/sessions/${session.id}/check-in`, { token });
    const now = qrWindow(Date.now());
    // Not in the cohort: refused even with a fresh code.
    expect((await checkIn(gdTeacherB, qrToken(qrKey, session.id, now))).json().code).toBe('TRAINING_NOT_ENROLLED');
    await enrolApproved(id, gdTeacherA);
    const stale = await checkIn(gdTeacherA, qrToken(qrKey, session.id, now - 2));
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('TRAINING_QR_EXPIRED');
    expect((await checkIn(gdTeacherA, qrToken(qrKey, session.id, now + 5))).json().code).toBe('TRAINING_QR_EXPIRED');
    expect((await checkIn(gdTeacherA, 'AAAAAAAAAAAAAAAAAAAAAA')).json().code).toBe('TRAINING_QR_EXPIRED');
    expect(
      (
        await req(gdTeacherA, 'POST', `/api/v1/training/sessions/${session.id}/roll-call`, {
          entries: [{ userId: gdTeacherA.userId, present: true }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await req(gdTeacherA, 'GET', `/api/v1/training/sessions/${session.id}/qr`)).statusCode).toBe(403);
    let attendance = (await req(gdBureau, 'GET', `/api/v1/training/sessions/${session.id}/attendance`)).json().items;
    expect(attendance).toEqual([expect.objectContaining({ userId: gdTeacherA.userId, present: false })]);
    // The code on the organiser's screen works, in this window or the previous one.
    const qr = (await req(gdBureau, 'GET', `/api/v1/training/sessions/${session.id}/qr`)).json();
    expect(qr.svg).toContain('<svg');
    expect(qr.url).toContain(`/training/check-in?session=${session.id}&token=${qr.token}`);
    expect((await checkIn(gdTeacherA, qr.token)).statusCode).toBe(200);
    expect((await checkIn(gdTeacherA, qrToken(qrKey, session.id, qrWindow(Date.now()) - 1))).statusCode).toBe(200);
    attendance = (await req(gdBureau, 'GET', `/api/v1/training/sessions/${session.id}/attendance`)).json().items;
    expect(attendance).toEqual([expect.objectContaining({ userId: gdTeacherA.userId, present: true, method: 'qr' })]);
  });

  it('rubric feedback sends work back for revision; only then may the teacher resubmit', async () => {
    const id = await newProgramme();
    await enrolApproved(id, gdTeacherA);
    const asg = (
      await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/assignments`, {
        title: '设计一节AI+数学课',
        rubric: [
          { criterion: '目标', maxPoints: 5 },
          { criterion: '活动', maxPoints: 5 },
        ],
        passMark: 6,
      })
    ).json();
    const url = `/api/v1/training/assignments/${asg.id}/submissions`;
    const first = (await req(gdTeacherA, 'POST', url, { text: '初稿', resourceId: '01936f2e-0000-7000-8000-0000000000aa' })).json();
    expect(first).toMatchObject({ attempt: 1, status: 'submitted', resourceId: '01936f2e-0000-7000-8000-0000000000aa' });
    expect((await req(gdTeacherA, 'POST', url, { text: '再交一次' })).json().code).toBe('TRAINING_RESUBMISSION_NOT_ALLOWED');
    expect(
      (
        await req(gdBureau, 'POST', `/api/v1/training/submissions/${first.id}/review`, {
          scores: [
            { criterion: '目标', points: 9 },
            { criterion: '活动', points: 1 },
          ],
        })
      ).json().code,
    ).toBe('TRAINING_SCORE_INVALID');
    const reviewed = (
      await req(gdBureau, 'POST', `/api/v1/training/submissions/${first.id}/review`, {
        scores: [
          { criterion: '目标', points: 3 },
          { criterion: '活动', points: 2 },
        ],
        feedback: '活动设计再具体些',
      })
    ).json();
    expect(reviewed).toMatchObject({ status: 'needs_revision', total: 5 });
    const second = (await req(gdTeacherA, 'POST', url, { text: '修改稿', url: 'https://example.org/lesson' })).json();
    expect(second.attempt).toBe(2);
    const passed = (
      await req(gdBureau, 'POST', `/api/v1/training/submissions/${second.id}/review`, {
        scores: [
          { criterion: '目标', points: 4 },
          { criterion: '活动', points: 4 },
        ],
      })
    ).json();
    expect(passed.status).toBe('passed');
  });

  it("certifies by the rules; the credential verifies with the node's public key, fails after one byte changes and after revocation", async () => {
    const id = await newProgramme({ rules: { minAttendancePercent: 50, minAssignmentsPassed: 1, requireReflection: false } });
    const s1 = (
      await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/sessions`, {
        title: '一',
        mode: 'online',
        link: 'https://meet.example.org/1',
        startsAt: hourAgo(),
        endsAt: inAnHour(),
      })
    ).json();
    await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/sessions`, {
      title: '二',
      mode: 'online',
      link: 'https://meet.example.org/2',
      startsAt: hourAgo(),
      endsAt: inAnHour(),
    });
    await enrolApproved(id, hkTeacher);
    await enrolApproved(id, gdTeacherB);
    const asg = (
      await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/assignments`, {
        title: '作业',
        rubric: [{ criterion: '质量', maxPoints: 10 }],
        passMark: 6,
      })
    ).json();
    // HK teacher: 1 of 2 sessions (50 %) and a passed assignment → complete. GD teacher B: attended, no assignment.
    await req(gdBureau, 'POST', `/api/v1/training/sessions/${s1.id}/roll-call`, {
      entries: [
        { userId: hkTeacher.userId, present: true },
        { userId: gdTeacherB.userId, present: true },
      ],
    });
    const sub = (await req(hkTeacher, 'POST', `/api/v1/training/assignments/${asg.id}/submissions`, { text: '我的教案' })).json();
    await req(gdBureau, 'POST', `/api/v1/training/submissions/${sub.id}/review`, { scores: [{ criterion: '质量', points: 8 }] });
    const result = (await req(gdBureau, 'POST', `/api/v1/training/programmes/${id}/certify`)).json();
    expect(result.issued.map((i: { userId: string }) => i.userId)).toEqual([hkTeacher.userId]);
    expect(result.notYet).toEqual([expect.objectContaining({ userId: gdTeacherB.userId, unmet: ['assignments'] })]);
    const credentialId = result.issued[0].credentialId;

    // Anyone, without logging in, can verify it; the JSON is a VC-JWT signed with the node key.
    const verified = (await req(null, 'GET', `/api/v1/credentials/${credentialId}/verify`)).json();
    expect(verified).toMatchObject({
      status: 'valid',
      credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { name: '香港測試老師', creditsEarned: 12 } },
    });
    const doc = (await req(null, 'GET', `/api/v1/credentials/${credentialId}`)).json();
    const issuer = (await req(null, 'GET', '/api/v1/credentials/issuer')).json();
    const { payload, protectedHeader } = await compactVerify(doc.jwt, await importJWK(issuer.publicKeyJwk, 'EdDSA'));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(JSON.parse(new TextDecoder().decode(payload)).id).toBe(`urn:uuid:${credentialId}`);
    expect(createPublicKey({ key: issuer.publicKeyJwk, format: 'jwk' }).asymmetricKeyType).toBe('ed25519');

    // One byte changed in the signed payload → invalid.
    const [h, p, sig] = doc.jwt.split('.');
    const bytes = Buffer.from(p, 'base64url');
    bytes[bytes.length >> 1] ^= 0x01; // one byte of the signed payload flipped
    const tampered = [h, bytes.toString('base64url'), sig].join('.');
    expect((await req(null, 'POST', '/api/v1/credentials/verify', { credential: doc.jwt })).json().status).toBe('valid');
    expect((await req(null, 'POST', '/api/v1/credentials/verify', { credential: tampered })).json()).toMatchObject({
      status: 'invalid',
      reason: 'signature',
    });

    // Revoked → fails verification, by id and when presented.
    expect((await req(hkBureau, 'POST', `/api/v1/credentials/${credentialId}/revoke`, { reason: '测试' })).statusCode).toBe(403);
    expect((await req(gdBureau, 'POST', `/api/v1/credentials/${credentialId}/revoke`, { reason: '颁发有误' })).statusCode).toBe(200);
    expect((await req(null, 'GET', `/api/v1/credentials/${credentialId}/verify`)).json()).toMatchObject({
      status: 'revoked',
      revocationReason: '颁发有误',
    });
    expect((await req(null, 'POST', '/api/v1/credentials/verify', { credential: doc.jwt })).json().status).toBe('revoked');

    const pdf = await req(null, 'GET', `/api/v1/credentials/${credentialId}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const learning = (await req(hkTeacher, 'GET', '/api/v1/training/me/learning'))
      .json()
      .items.find((x: { programme: { id: string } }) => x.programme.id === id);
    expect(learning).toMatchObject({
      enrolment: { status: 'completed', hoursCredited: 12 },
      credential: { id: credentialId, revoked: true },
    });
    const profile = (await req(hkTeacher, 'GET', '/api/v1/training/me/profile')).json();
    expect(profile.hoursByYear.reduce((s: number, y: { hours: number }) => s + y.hours, 0)).toBeGreaterThanOrEqual(12);
  });

  it('self-assessments before and after a programme form the profile comparison', async () => {
    const [c] = competencyIds;
    await req(gdTeacherA2, 'POST', '/api/v1/training/me/self-assessments', {
      competencyId: c,
      level: 1,
      phase: 'before',
      evidence: '用过聊天机器人备课',
    });
    await req(gdTeacherA2, 'POST', '/api/v1/training/me/self-assessments', {
      competencyId: c,
      level: 2,
      phase: 'after',
      evidence: '设计了AI辅助的探究课',
    });
    const profile = (await req(gdTeacherA2, 'GET', '/api/v1/training/me/profile')).json();
    expect(profile.competencies).toEqual([expect.objectContaining({ competencyId: c, before: 1, after: 2, latest: 2 })]);
  });

  it("principals see only their school's teachers on the dashboard; the bureau sees its whole area", async () => {
    const principalRes = await req(principalA, 'GET', '/api/v1/training/dashboard');
    expect(principalRes.statusCode, principalRes.body).toBe(200);
    const principal = principalRes.json();
    const names = principal.notStarted.map((x: { displayName: string }) => x.displayName);
    expect(principal.bySchool).toHaveLength(1);
    expect(principal.totals.teachers).toBe(2);
    expect([...names, '甲校老师一']).toEqual(expect.arrayContaining(['甲校老师二']));
    expect(names).not.toContain('乙校老师');
    expect(names).not.toContain('香港測試老師');
    const bureau = (await req(gdBureau, 'GET', '/api/v1/training/dashboard')).json();
    expect(bureau.totals.teachers).toBe(3);
    expect(bureau.bySchool).toHaveLength(2);
    expect(bureau.organised.length).toBeGreaterThan(0);
    expect(JSON.stringify(bureau)).not.toContain('香港測試老師');
    expect((await req(gdTeacherA, 'GET', '/api/v1/training/dashboard')).statusCode).toBe(403);
  });
});
