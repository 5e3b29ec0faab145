import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';

describe('cohorts of a programme', () => {
  let t: TestApp;
  let bureau: Session, otherBureau: Session;
  let teachers: Session[];
  let competencyIds: string[];

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as never });
  const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const T = '/api/v1/training';

  async function programme(title: string) {
    const res = await req(bureau, 'POST', `${T}/programmes`, {
      title,
      summary: '分期开班的研修项目',
      language: 'zh-Hans',
      tier: 'teacher',
      category: 'ai_literacy',
      competencyIds: competencyIds.slice(0, 1),
      targetLevel: 'acquire',
      organiserKind: 'bureau',
      organiserName: '测试市教育局',
      visibility: 'bay_area',
      creditHours: 8,
      capacity: 1,
      rules: { minAttendancePercent: 100, minAssignmentsPassed: 0, requireReflection: false },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function enrol(s: Session, programmeId: string, cohortId?: string) {
    const en = await req(s, 'POST', `${T}/programmes/${programmeId}/enrolments`, cohortId ? { cohortId } : {});
    expect(en.statusCode, en.body).toBe(201);
    const ok = await req(bureau, 'POST', `${T}/enrolments/${en.json().id}/decision`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    return ok.json() as { id: string; status: string; cohortId: string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
    const school = await makeSchool(db, { jurisdiction: 'GD', unitId: city.id });
    const login = async (u: { username: string }) => signIn(t.app, u.username, TEST_PASSWORD);
    bureau = await login(await makeUser(db, { role: 'bureau_admin', unit: city }));
    otherBureau = await login(await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' }));
    teachers = [];
    for (let i = 0; i < 3; i++) teachers.push(await login(await makeUser(db, { role: 'teacher', school })));
    const frameworks = await req(teachers[0], 'GET', `${T}/frameworks`);
    competencyIds = frameworks.json().items[0].competencies.map((c: { id: string }) => c.id);
  });
  afterAll(() => t?.close());

  it('keeps capacity, sessions, check-in and dashboard figures per cohort', async () => {
    const programmeId = await programme('AI 素养（分期）');
    const first = (await req(bureau, 'GET', `${T}/programmes/${programmeId}`)).json().cohorts;
    expect(first).toMatchObject([{ name: '第一期', capacity: 1, organiserName: '测试市教育局' }]);

    const body = { name: '第二期（香港）', startsOn: '2026-12-01', endsOn: '2027-01-15', capacity: 1, organiserName: '香港教師中心' };
    expect((await req(otherBureau, 'POST', `${T}/programmes/${programmeId}/cohorts`, body)).statusCode).toBe(403); // sees it (Bay Area), does not run it
    const second = await req(bureau, 'POST', `${T}/programmes/${programmeId}/cohorts`, body);
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json().id as string;

    // One place per cohort: the first cohort's seat is taken, the second cohort still has its own.
    const [a, b, c] = teachers;
    expect(await enrol(a, programmeId)).toMatchObject({ status: 'enrolled', cohortId: first[0].id });
    expect(await enrol(b, programmeId, secondId)).toMatchObject({ status: 'enrolled', cohortId: secondId });
    expect(await enrol(c, programmeId)).toMatchObject({ status: 'waitlisted' });

    // A cohort of another programme is not a cohort of this one.
    const elsewhere = (await req(bureau, 'GET', `${T}/programmes/${await programme('另一项目')}`)).json().cohorts[0].id;
    const wrong = await req(c, 'POST', `${T}/programmes/${programmeId}/enrolments`, { cohortId: elsewhere });
    expect(wrong.statusCode).toBe(404);

    // A session of the second cohort: its members may check in, the first cohort's may not; each cohort's
    // teachers see only their own cohort's sessions.
    const session = await req(bureau, 'POST', `${T}/programmes/${programmeId}/sessions`, {
      title: '香港班 第一讲',
      mode: 'online',
      link: 'https://meet.example.org/hk-cohort',
      startsAt: hours(-1),
      endsAt: hours(1),
      cohortId: secondId,
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().cohortId).toBe(secondId);
    const sessionId = session.json().id as string;
    const { token } = (await req(bureau, 'GET', `${T}/sessions/${sessionId}/qr`)).json();
    expect((await req(a, 'POST', `${T}/sessions/${sessionId}/check-in`, { token })).json().code).toBe('TRAINING_NOT_ENROLLED');
    expect((await req(b, 'POST', `${T}/sessions/${sessionId}/check-in`, { token })).statusCode).toBe(200);
    expect((await req(a, 'GET', `${T}/programmes/${programmeId}`)).json().sessions).toEqual([]);
    expect((await req(b, 'GET', `${T}/programmes/${programmeId}`)).json().sessions).toHaveLength(1);

    // Completion is measured against one's own cohort: b attended all (1 of 1) held in the second cohort;
    // a's cohort has held none, so a 100 % rule is not met yet.
    const certified = (await req(bureau, 'POST', `${T}/programmes/${programmeId}/certify`)).json();
    expect(certified.issued).toHaveLength(1);
    expect(certified.notYet).toHaveLength(1);

    // The organiser's dashboard narrows to one cohort.
    const all = (await req(bureau, 'GET', `${T}/dashboard`)).json();
    const whole = all.organised.find((p: { id: string }) => p.id === programmeId);
    expect(whole).toMatchObject({ enrolled: 2 });
    expect(whole.cohorts.map((k: { id: string }) => k.id)).toEqual([first[0].id, secondId]);
    const narrowed = (await req(bureau, 'GET', `${T}/dashboard?cohortId=${secondId}`)).json();
    expect(narrowed.organised.find((p: { id: string }) => p.id === programmeId)).toMatchObject({ enrolled: 1, active: 1, completed: 1 });
  });
});
