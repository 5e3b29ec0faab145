import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { DEMO_COURSE_TITLE, seedCoursesDemo } from './courses.demo.ts';
import { courses } from './courses.schema.ts';

describe('courses demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { blobs: t.blobs });
  }, 400_000);
  afterAll(() => t.close());

  it('seeds one course co-written across three jurisdictions, with a 繁體 edition and a Wuhan fork, once', async () => {
    await seedCoursesDemo(t.database.db);
    const [course] = await t.database.db.select().from(courses).where(eq(courses.title, DEMO_COURSE_TITLE));
    const group = await t.database.db.select().from(courses).where(eq(courses.editionGroupId, course.id));
    expect(group.map((c) => c.language).sort()).toEqual(['zh-Hans', 'zh-Hant-HK']);
    const forks = await t.database.db.select().from(courses).where(eq(courses.upstreamCourseId, course.id));
    expect(forks).toHaveLength(1);

    const hk = await signIn(t.app, 'hk-teacher', DEMO_PASSWORD);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/courses/${course.id}`, headers: hk.headers })).json();
    expect(view.team.map((m: { username: string; role: string }) => `${m.username}:${m.role}`).sort()).toEqual([
      'gd-teacher:owner',
      'hb-teacher:reviewer',
      'hk-teacher:co_author',
      'mo-teacher:co_author',
    ]);
    const lessonId = view.units[0].lessons[0].id;
    const lesson = (
      await t.app.inject({ method: 'GET', url: `/api/v1/courses/${course.id}/lessons/${lessonId}`, headers: hk.headers })
    ).json();
    expect(lesson.html).toContain('分组观察二十张图片');

    const hb = await signIn(t.app, 'hb-teacher', DEMO_PASSWORD);
    const diff = await t.app.inject({ method: 'GET', url: `/api/v1/courses/${forks[0].id}/fork/diff`, headers: hb.headers });
    expect(diff.json().lessons.every((l: { status: string }) => l.status === 'unchanged')).toBe(true);
  });
});
