import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { enqueueJob, runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { sessionReminderJob } from './training.reminders.ts';

describe('session reminders', () => {
  let t: TestApp;
  let bureau: Session;
  let bureauUser: MadeUser;
  let teachers: { user: MadeUser; s: Session }[];
  let competencyIds: string[];

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as never });
  const runJobs = () => runJobsUntilIdle({ db: t.database.db, registry: jobRegistry, blobs: t.blobs });
  const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const reminders = async (userId: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'training.sessionReminder')));

  async function programmeWithSession(startsInHours: number, lead: { reminderMinutesBefore?: number } = {}) {
    const prog = await req(bureau, 'POST', '/api/v1/training/programmes', {
      title: 'AI + 数学',
      summary: '用人工智能工具设计数学课',
      language: 'zh-Hans',
      tier: 'teacher',
      category: 'ai_subject',
      competencyIds: competencyIds.slice(0, 1),
      targetLevel: 'deepen',
      organiserKind: 'bureau',
      organiserName: '测试市教育局',
      visibility: 'bay_area',
      creditHours: 6,
      rules: { minAttendancePercent: 50, minAssignmentsPassed: 0, requireReflection: false },
      publish: true,
    });
    expect(prog.statusCode, prog.body).toBe(201);
    const session = await req(bureau, 'POST', `/api/v1/training/programmes/${prog.json().id}/sessions`, {
      title: '第一讲：数据与模型',
      mode: 'online',
      link: 'https://meet.example.org/ai-math',
      startsAt: hours(startsInHours),
      endsAt: hours(startsInHours + 2),
      ...lead,
    });
    expect(session.statusCode, session.body).toBe(201);
    return { programmeId: prog.json().id as string, sessionId: session.json().id as string };
  }

  async function enrol(programmeId: string, s: Session) {
    const en = await req(s, 'POST', `/api/v1/training/programmes/${programmeId}/enrolments`);
    expect(en.statusCode, en.body).toBe(201);
    const ok = await req(bureau, 'POST', `/api/v1/training/enrolments/${en.json().id}/decision`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
    const school = await makeSchool(db, { jurisdiction: 'GD', unitId: city.id });
    bureauUser = await makeUser(db, { role: 'bureau_admin', unit: city });
    bureau = await signIn(t.app, bureauUser.username, TEST_PASSWORD);
    teachers = [];
    for (let i = 0; i < 3; i++) {
      const user = await makeUser(db, { role: 'teacher', school });
      teachers.push({ user, s: await signIn(t.app, user.username, TEST_PASSWORD) });
    }
    const frameworks = await req(teachers[0].s, 'GET', '/api/v1/training/frameworks');
    competencyIds = frameworks.json().items[0].competencies.map((c: { id: string }) => c.id);
  }, 120_000);
  afterAll(() => t?.close());

  it('reminds enrolled teachers and the organiser 24 h ahead, exactly once, and nobody else', async () => {
    const { programmeId, sessionId } = await programmeWithSession(48);
    const [a, b, outsider] = teachers;
    await enrol(programmeId, a.s);
    await enrol(programmeId, b.s);
    await runJobs();
    expect(await reminders(a.user.id)).toEqual([]); // not due yet: 48 h away

    // The job waits until 24 h before the start; bring that moment forward instead of sleeping.
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.name, 'training.session-reminder'));
    expect(job.runAfter.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    await t.database.db
      .update(jobs)
      .set({ runAfter: sql`now()` })
      .where(eq(jobs.id, job.id));
    await runJobs();
    for (const u of [a.user, b.user, bureauUser]) {
      const got = await reminders(u.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ link: `/training/programmes/${programmeId}`, data: { session: '第一讲：数据与模型' } });
    }
    expect(await reminders(outsider.user.id)).toEqual([]);

    // Running the reminder again (a retry, a second worker) sends nothing new.
    await enqueueJob(t.database.db, sessionReminderJob, { sessionId });
    await runJobs();
    for (const u of [a.user, b.user, bureauUser]) expect(await reminders(u.id)).toHaveLength(1);
  });

  it('a teacher who joins inside the reminder window is reminded at once, the others not again', async () => {
    const { programmeId } = await programmeWithSession(5);
    const [a, , late] = teachers;
    await enrol(programmeId, a.s);
    await runJobs();
    const before = (await reminders(a.user.id)).length;
    await enrol(programmeId, late.s);
    await runJobs();
    expect(await reminders(late.user.id)).toHaveLength(1);
    expect(await reminders(a.user.id)).toHaveLength(before);
  });

  it('honours the lead time the organiser chose in the session form', async () => {
    const { programmeId, sessionId } = await programmeWithSession(5, { reminderMinutesBefore: 60 });
    const [a] = teachers;
    await enrol(programmeId, a.s);
    await runJobs();
    // With the default 24 h this teacher would be reminded at once; with one hour nothing is due yet.
    const mine = (await reminders(a.user.id)).filter((n) => (n.link ?? '').endsWith(programmeId));
    expect(mine).toEqual([]);
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, 'training.session-reminder'), sql`${jobs.payload}->>'sessionId' = ${sessionId}`));
    const startsAt = (await req(bureau, 'GET', `/api/v1/training/programmes/${programmeId}`)).json().sessions[0];
    expect(startsAt.reminderMinutesBefore).toBe(60);
    expect(Date.parse(startsAt.startsAt) - job.runAfter.getTime()).toBe(60 * 60_000);
    const tooEarly = await req(bureau, 'POST', `/api/v1/training/programmes/${programmeId}/sessions`, {
      title: '第二讲',
      mode: 'online',
      link: 'https://meet.example.org/ai-math',
      startsAt: hours(10),
      endsAt: hours(12),
      reminderMinutesBefore: 60 * 24 * 30,
    });
    expect(tooEarly.statusCode).toBe(400);
  });
});
