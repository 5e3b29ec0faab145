import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/test-app.ts';
import { makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

describe('courses: progression map and publishing through the library', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
  });
  afterAll(async () => w.t.close());

  it('places courses on the grid and shows gaps, overlaps (not counting forks) and prerequisites', async () => {
    const second = json<{ id: string }>(
      await w.req(w.gd.session, 'POST', '/api/v1/courses', {
        title: '图像识别项目',
        language: 'zh-Hans',
        gradeBand: 'junior',
        competencies: ['ai-techniques-and-applications/understand', 'ai-system-design/apply'],
        level: 'apply',
      }),
    );
    await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${second.id}`, { prerequisiteIds: [course.id] });
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/fork`, {});
    const map = json<{
      cells: { gradeBand: string; dimension: string; level: string; courses: { id: string }[] }[];
      gaps: { gradeBand: string; dimension: string }[];
      overlaps: { gradeBand: string; dimension: string; level: string; courseIds: string[] }[];
      prerequisites: { courseId: string; prerequisiteId: string }[];
    }>(await w.req(w.gd.session, 'GET', '/api/v1/courses/progression'));
    const cell = map.cells.find(
      (c) => c.gradeBand === 'junior' && c.dimension === 'ai-techniques-and-applications' && c.level === 'understand',
    )!;
    expect(cell.courses).toHaveLength(3); // the course, its fork, and the second course
    expect(map.overlaps).toEqual([
      expect.objectContaining({ gradeBand: 'junior', dimension: 'ai-techniques-and-applications', level: 'understand' }),
    ]);
    expect(map.gaps).toContainEqual({ gradeBand: 'primary', dimension: 'ethics-of-ai' });
    expect(map.gaps).not.toContainEqual({ gradeBand: 'junior', dimension: 'ai-system-design' });
    expect(map.prerequisites).toEqual([{ courseId: second.id, prerequisiteId: course.id }]);
    // Another teacher of the district sees none of these unpublished courses on the map.
    const other = json<{ cells: { courses: unknown[] }[] }>(await w.req(w.gd2.session, 'GET', '/api/v1/courses/progression'));
    expect(other.cells.every((c) => c.courses.length === 0)).toBe(true);
  });

  it('publishing submits a library resource for review; once approved the school reads the course and finds it in search', async () => {
    const pub = await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/publish`, { level: 'school' });
    expect(pub.statusCode).toBe(201);
    const { resourceId, submission } = json<{ resourceId: string; submission: { id: string } }>(pub);
    expect(json<{ status: string }>(await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}`)).status).toBe('in_review');
    expect((await w.req(w.gd2.session, 'GET', `/api/v1/courses/${course.id}`)).statusCode).toBe(404);

    const principal = await makeUser(w.t.database.db, { role: 'principal', school: w.gdSchool });
    const ps = await signIn(w.t.app, principal.username, TEST_PASSWORD);
    // The reviewer can open the course under review.
    expect((await w.req(ps, 'GET', `/api/v1/courses/${course.id}`)).statusCode).toBe(200);
    const decision = await w.req(ps, 'POST', `/api/v1/library/reviews/${submission.id}/decision`, { decision: 'approve' });
    expect(decision.statusCode).toBe(200);

    const read = await w.req(w.gd2.session, 'GET', `/api/v1/courses/${course.id}`);
    expect(read.statusCode).toBe(200);
    expect(json<{ status: string; myRole: string | null }>(read)).toMatchObject({ status: 'published', myRole: null });
    expect((await w.req(w.gd2.session, 'GET', `/api/v1/courses/${course.id}/lessons/${course.units[0].lessons[0]}`)).json().canWrite).toBe(
      false,
    );
    // School level: a Hong Kong teacher still cannot see it.
    expect((await w.req(w.hk.session, 'GET', `/api/v1/courses/${course.id}`)).statusCode).toBe(404);

    const found = json<{ items: { id: string }[] }>(
      await w.req(w.gd2.session, 'GET', `/api/v1/resources/search?q=${encodeURIComponent('会学习的机器')}`),
    );
    expect(found.items.map((i) => i.id)).toContain(resourceId);
  });

  it('only the owner publishes, and an empty course cannot be published', async () => {
    const empty = json<{ id: string }>(
      await w.req(w.gd.session, 'POST', '/api/v1/courses', { title: '空课程', language: 'zh-Hans', gradeBand: 'primary' }),
    );
    expect((await w.req(w.gd.session, 'POST', `/api/v1/courses/${empty.id}/publish`, { level: 'school' })).json().code).toBe(
      'COURSE_NOT_PUBLISHABLE',
    );
    expect((await w.req(w.hk.session, 'POST', `/api/v1/courses/${empty.id}/publish`, { level: 'school' })).statusCode).toBe(404);
  });
});
