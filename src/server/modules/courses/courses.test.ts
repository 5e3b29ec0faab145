import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../audit/audit.schema.ts';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

describe('courses: outline, lessons, team and access', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
  });
  afterAll(async () => w.t.close());

  it('the owner sees the course in "my courses" with its outline in order', async () => {
    const mine = json<{ items: { id: string; myRole: string }[] }>(await w.req(w.gd.session, 'GET', '/api/v1/courses'));
    expect(mine.items).toEqual([expect.objectContaining({ id: course.id, myRole: 'owner' })]);
    const view = json<{ units: { title: string; lessons: { title: string }[] }[] }>(
      await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`),
    );
    expect(view.units.map((u) => u.title)).toEqual(['认识人工智能', '机器学习初体验']);
    expect(view.units[0].lessons.map((l) => l.title)).toEqual(['认识人工智能 第1课', '认识人工智能 第2课']);
  });

  it('a teacher who is not on the team gets 404 for an unpublished course and its lessons', async () => {
    expect((await w.req(w.hk.session, 'GET', `/api/v1/courses/${course.id}`)).statusCode).toBe(404);
    expect((await w.req(w.hk.session, 'GET', `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`)).statusCode).toBe(404);
    const write = await w.req(w.hk.session, 'POST', `/api/v1/courses/${course.id}/units`, { title: '偷偷加一单元' });
    expect(write.statusCode).toBe(404);
  });

  it('lesson structured fields are saved, and a stale If-Match is refused', async () => {
    const url = `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`;
    const before = json<{ version: number }>(await w.req(w.gd.session, 'GET', url));
    const res = await w.req(
      w.gd.session,
      'PATCH',
      url,
      {
        objectives: [{ text: '讨论人脸识别的公平性', competencies: ['ethics-of-ai/understand', 'human-centred-mindset/understand'] }],
        gradeBand: 'junior',
        grades: [7],
        durationMinutes: 45,
        assessment: '小组汇报',
        differentiation: '为能力较弱的学生提供图示卡片',
        aiTools: ['文心一言', 'Teachable Machine'],
      },
      { 'if-match': `"${before.version}"` },
    );
    expect(res.statusCode).toBe(200);
    const lesson = json<Record<string, unknown>>(await w.req(w.gd.session, 'GET', url));
    expect(lesson).toMatchObject({ durationMinutes: 45, assessment: '小组汇报', grades: [7], aiTools: ['文心一言', 'Teachable Machine'] });
    expect(lesson.html).toContain('活动步骤');
    // A PATCH changes only the fields it names.
    await w.req(w.gd.session, 'PATCH', url, { assessment: '个人作品' });
    expect(json(await w.req(w.gd.session, 'GET', url))).toMatchObject({
      durationMinutes: 45,
      assessment: '个人作品',
      aiTools: ['文心一言', 'Teachable Machine'],
    });
    const stale = await w.req(w.gd.session, 'PATCH', url, { durationMinutes: 30 }, { 'if-match': `"${before.version}"` });
    expect(stale.statusCode).toBe(412);
  });

  it('an unknown competency code is refused', async () => {
    const res = await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[1]}`, {
      objectives: [{ text: 'x', competencies: ['made-up/level'] }],
    });
    expect(res.statusCode).toBe(400);
  });

  const outlineVersion = async () =>
    json<{ outlineVersion: number }>(await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`)).outlineVersion;

  it('drag and drop: moving a lesson to the other unit and swapping units is kept in that order', async () => {
    const [u1, u2] = course.units;
    const version = await outlineVersion();
    const res = await w.req(
      w.gd.session,
      'PUT',
      `/api/v1/courses/${course.id}/outline`,
      {
        units: [
          { id: u2.id, lessonIds: [u2.lessons[1], u1.lessons[0], u2.lessons[0]] },
          { id: u1.id, lessonIds: [u1.lessons[1]] },
        ],
      },
      { 'if-match': `"${version}"` },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().outlineVersion).toBe(version + 1);
    const view = json<{ units: { id: string; lessons: { id: string }[] }[] }>(
      await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`),
    );
    expect(view.units.map((u) => u.id)).toEqual([u2.id, u1.id]);
    expect(view.units[0].lessons.map((l) => l.id)).toEqual([u2.lessons[1], u1.lessons[0], u2.lessons[0]]);
  });

  it('a reorder based on an outline someone else has changed since loses the race with 412, and changes nothing', async () => {
    const [u1, u2] = course.units;
    const seen = await outlineVersion();
    // A co-author's reorder lands first (same order, but it is a new version).
    const view = json<{ units: { id: string; lessons: { id: string }[] }[] }>(
      await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`),
    );
    const current = view.units.map((u) => ({ id: u.id, lessonIds: u.lessons.map((l) => l.id) }));
    expect(
      (await w.req(w.gd.session, 'PUT', `/api/v1/courses/${course.id}/outline`, { units: current }, { 'if-match': `"${seen}"` }))
        .statusCode,
    ).toBe(200);
    const late = await w.req(
      w.gd.session,
      'PUT',
      `/api/v1/courses/${course.id}/outline`,
      { units: [...current].reverse() },
      { 'if-match': `"${seen}"` },
    );
    expect(late.statusCode).toBe(412);
    expect(late.json().code).toBe('VERSION_CONFLICT');
    const after = json<{ units: { id: string }[] }>(await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`));
    expect(after.units.map((u) => u.id)).toEqual([u2.id, u1.id]);
    // Without If-Match the reorder is refused outright: a drop must say which outline it was made on.
    const blind = await w.req(w.gd.session, 'PUT', `/api/v1/courses/${course.id}/outline`, { units: current });
    expect(blind.statusCode).toBe(428);
  });

  it('adding a lesson changes the outline version, so a drop made before it is refused', async () => {
    const before = await outlineVersion();
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/lessons`, { unitId: course.units[0].id, title: '临时加的一课' });
    expect(await outlineVersion()).toBe(before + 1);
  });

  it('a reorder that leaves out a lesson is refused and changes nothing', async () => {
    const [u1, u2] = course.units;
    const res = await w.req(
      w.gd.session,
      'PUT',
      `/api/v1/courses/${course.id}/outline`,
      {
        units: [
          { id: u1.id, lessonIds: [u1.lessons[1]] },
          { id: u2.id, lessonIds: [u2.lessons[0]] },
        ],
      },
      { 'if-match': `"${await outlineVersion()}"` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('COURSE_OUTLINE_STALE');
    const view = json<{ units: { id: string }[] }>(await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`));
    expect(view.units.map((u) => u.id)).toEqual([u2.id, u1.id]);
  });

  it('a Hong Kong teacher invited by username accepts and becomes a co-author who can write', async () => {
    const inv = await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, {
      role: 'co_author',
      username: w.hk.username,
    });
    expect(inv.statusCode).toBe(201);
    const mine = json<{ items: { id: string; courseTitle: string; status: string }[] }>(
      await w.req(w.hk.session, 'GET', '/api/v1/courses/invitations'),
    );
    expect(mine.items[0]).toMatchObject({ courseTitle: '人工智能入门：会学习的机器', status: 'pending' });
    expect(
      (await w.req(w.hk.session, 'POST', `/api/v1/courses/invitations/${mine.items[0].id}/decision`, { accept: true })).statusCode,
    ).toBe(200);
    const view = json<{ team: { username: string; role: string; jurisdictionCode: string }[] }>(
      await w.req(w.hk.session, 'GET', `/api/v1/courses/${course.id}`),
    );
    expect(view.team).toContainEqual(expect.objectContaining({ username: w.hk.username, role: 'co_author', jurisdictionCode: 'HK' }));
    const unit = await w.req(w.hk.session, 'POST', `/api/v1/courses/${course.id}/units`, { title: '人工智能與社會' });
    expect(unit.statusCode).toBe(201);
  });

  it('a co-author cannot invite (only the owner manages the team)', async () => {
    const res = await w.req(w.hk.session, 'POST', `/api/v1/courses/${course.id}/invitations`, {
      role: 'reviewer',
      username: w.hb.username,
    });
    expect(res.statusCode).toBe(403);
  });

  it('inviting a school invites each of its teachers; a declined invitation gives no access', async () => {
    const res = await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, {
      role: 'reviewer',
      schoolCode: w.hbSchool.code,
    });
    expect(json<{ invited: number }>(res).invited).toBe(1);
    const mine = json<{ items: { id: string; role: string }[] }>(await w.req(w.hb.session, 'GET', '/api/v1/courses/invitations'));
    expect(mine.items[0].role).toBe('reviewer');
    await w.req(w.hb.session, 'POST', `/api/v1/courses/invitations/${mine.items[0].id}/decision`, { accept: false });
    expect((await w.req(w.hb.session, 'GET', `/api/v1/courses/${course.id}`)).statusCode).toBe(404);
    const again = await w.req(w.hb.session, 'POST', `/api/v1/courses/invitations/${mine.items[0].id}/decision`, { accept: true });
    expect(again.json().code).toBe('COURSE_INVITATION_DECIDED');
  });

  it('a reviewer reads but cannot write', async () => {
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, { role: 'reviewer', username: w.gd2.username });
    const mine = json<{ items: { id: string }[] }>(await w.req(w.gd2.session, 'GET', '/api/v1/courses/invitations'));
    await w.req(w.gd2.session, 'POST', `/api/v1/courses/invitations/${mine.items[0].id}/decision`, { accept: true });
    const lesson = json<{ canWrite: boolean }>(
      await w.req(w.gd2.session, 'GET', `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`),
    );
    expect(lesson.canWrite).toBe(false);
    const res = await w.req(w.gd2.session, 'PATCH', `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`, {
      title: '改个名',
    });
    expect(res.statusCode).toBe(403);
  });

  it('a lesson file goes to the blob store and downloads for the team only', async () => {
    const lessonUrl = `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`;
    const boundary = '----eb';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="worksheet.txt"\r\nContent-Type: text/plain\r\n\r\n数据标注练习\r\n--${boundary}--\r\n`;
    const up = await w.t.app.inject({
      method: 'POST',
      url: `${lessonUrl}/files`,
      headers: { ...w.gd.session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(up.statusCode).toBe(201);
    const file = json<{ materials: { files: { sha256: string; name: string }[] } }>(up).materials.files[0];
    expect(file.name).toBe('worksheet.txt');
    const down = await w.req(w.hk.session, 'GET', `${lessonUrl}/files/${file.sha256}`);
    expect(down.body).toBe('数据标注练习');
    expect((await w.req(w.hb.session, 'GET', `${lessonUrl}/files/${file.sha256}`)).statusCode).toBe(404);
  });

  it('every write is in the audit log', async () => {
    const rows = await w.t.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.targetId, course.id)));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['course.create', 'course.reorder', 'course.invite', 'course.invitation.accept', 'course.invitation.decline'])
      expect(actions).toContain(a);
  });
});
