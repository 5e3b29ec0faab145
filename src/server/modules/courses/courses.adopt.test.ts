import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseView } from '../../../shared/api/courses.ts';
import { auditEntries } from '../audit/audit.schema.ts';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

/** Adopting for my school from the course page, lesson file removal, and prerequisites that must not loop. */
describe('courses: adopt for my school, lesson files, prerequisites', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  const view = async (s: CoursesWorld['gd']['session'], id: string) => json<CourseView>(await w.req(s, 'GET', `/api/v1/courses/${id}`));
  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
    // hk-teacher co-writes the course from a Hong Kong school, so she sees it and may adopt it there.
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, { role: 'co_author', username: w.hk.username });
    const inv = json<{ items: { id: string }[] }>(await w.req(w.hk.session, 'GET', '/api/v1/courses/invitations')).items[0];
    await w.req(w.hk.session, 'POST', `/api/v1/courses/invitations/${inv.id}/decision`, { accept: true });
  });
  afterAll(async () => w.t.close());

  it("a teacher of another school is offered her school; the course's own school is not", async () => {
    expect((await view(w.hk.session, course.id)).adoption).toEqual({ schoolIds: [w.hkSchool.id], copies: [] });
    expect((await view(w.gd.session, course.id)).adoption).toEqual({ schoolIds: [], copies: [] });
  });

  it('after adopting, the course page links her school’s copy', async () => {
    const fork = await w.req(w.hk.session, 'POST', `/api/v1/courses/${course.id}/fork`, {});
    expect(fork.statusCode).toBe(201);
    const copy = json<{ id: string; schoolId: string; upstreamCourseId: string }>(fork);
    expect(copy).toMatchObject({ schoolId: w.hkSchool.id, upstreamCourseId: course.id });
    expect((await view(w.hk.session, course.id)).adoption.copies).toEqual([
      { id: copy.id, schoolId: w.hkSchool.id, title: '人工智能入门：会学习的机器', canOpen: true },
    ]);
  });

  it('a teacher cannot adopt for a school she does not work at', async () => {
    const res = await w.req(w.hk.session, 'POST', `/api/v1/courses/${course.id}/fork`, { schoolId: w.hbSchool.id });
    expect(res.statusCode).toBe(403);
  });

  const lessonUrl = () => `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`;
  const upload = (session: CoursesWorld['gd']['session'], name: string, text: string) => {
    const boundary = '----eb';
    return w.t.app.inject({
      method: 'POST',
      url: `${lessonUrl()}/files`,
      headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    });
  };
  type Files = { materials: { files: { sha256: string; name: string }[] } };

  it('a co-author removes a lesson file: it is gone from the list and no longer downloads, and it is audited', async () => {
    const a = json<Files>(await upload(w.gd.session, 'worksheet.txt', '数据标注练习')).materials.files[0];
    json<Files>(await upload(w.gd.session, 'answers.txt', '参考答案'));
    const removed = await w.req(w.hk.session, 'DELETE', `${lessonUrl()}/files/${a.sha256}`);
    expect(removed.statusCode).toBe(200);
    expect(json<Files>(removed).materials.files.map((f) => f.name)).toEqual(['answers.txt']);
    expect(json<Files>(await w.req(w.gd.session, 'GET', lessonUrl())).materials.files.map((f) => f.name)).toEqual(['answers.txt']);
    expect((await w.req(w.gd.session, 'GET', `${lessonUrl()}/files/${a.sha256}`)).statusCode).toBe(404);
    expect((await w.req(w.gd.session, 'DELETE', `${lessonUrl()}/files/${a.sha256}`)).statusCode).toBe(404);
    const audit = await w.t.database.db
      .select({ details: auditEntries.details })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'course.lesson.file.remove'), eq(auditEntries.targetId, course.units[0].lessons[0])));
    expect(audit).toHaveLength(1);
  });

  it('a reviewer cannot remove a lesson file, and an outsider learns nothing', async () => {
    const file = json<Files>(await w.req(w.gd.session, 'GET', lessonUrl())).materials.files[0];
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, { role: 'reviewer', username: w.gd2.username });
    const inv = json<{ items: { id: string }[] }>(await w.req(w.gd2.session, 'GET', '/api/v1/courses/invitations')).items[0];
    await w.req(w.gd2.session, 'POST', `/api/v1/courses/invitations/${inv.id}/decision`, { accept: true });
    expect((await w.req(w.gd2.session, 'DELETE', `${lessonUrl()}/files/${file.sha256}`)).statusCode).toBe(403);
    expect((await w.req(w.hb.session, 'DELETE', `${lessonUrl()}/files/${file.sha256}`)).statusCode).toBe(404);
    expect(json<Files>(await w.req(w.gd.session, 'GET', lessonUrl())).materials.files).toHaveLength(1);
  });

  it('prerequisites: chosen among courses I can see, shown with titles; a loop or a hidden course is refused and nothing changes', async () => {
    const make = async (s: CoursesWorld['gd']['session'], title: string) =>
      json<{ id: string; version: number }>(
        await w.req(s, 'POST', '/api/v1/courses', { title, language: 'zh-Hans', gradeBand: 'primary' }),
      );
    const first = await make(w.gd.session, '小学：认识智能');
    const second = await make(w.gd.session, '初中：机器学习');
    const hidden = await make(w.hb.session, '武汉：未发布的课程');

    const visible = json<{ items: { id: string }[] }>(await w.req(w.gd.session, 'GET', '/api/v1/courses/visible')).items.map((c) => c.id);
    expect(visible).toEqual(expect.arrayContaining([first.id, second.id, course.id]));
    expect(visible).not.toContain(hidden.id);

    const patch = (id: string, version: number, prerequisiteIds: string[]) =>
      w.req(w.gd.session, 'PATCH', `/api/v1/courses/${id}`, { prerequisiteIds }, { 'if-match': `"${version}"` });
    expect((await patch(second.id, second.version, [first.id])).statusCode).toBe(200);
    expect((await view(w.gd.session, second.id)).prerequisites).toEqual([{ id: first.id, title: '小学：认识智能' }]);

    const loop = await patch(first.id, first.version, [second.id]);
    expect(loop.statusCode).toBe(400);
    expect(loop.json().code).toBe('COURSE_PREREQUISITE_CYCLE');
    // A longer loop: course → first → … → second → first.
    expect((await patch(course.id, (await view(w.gd.session, course.id)).version, [second.id])).statusCode).toBe(200);
    expect((await patch(first.id, first.version, [course.id])).json().code).toBe('COURSE_PREREQUISITE_CYCLE');
    expect((await view(w.gd.session, first.id)).prerequisiteIds).toEqual([]);

    expect((await patch(first.id, first.version, [first.id])).json().code).toBe('COURSE_PREREQUISITE_INVALID');
    expect((await patch(first.id, first.version, [hidden.id])).json().code).toBe('COURSE_PREREQUISITE_INVALID');
    expect((await view(w.gd.session, first.id)).version).toBe(first.version);
  });
});
