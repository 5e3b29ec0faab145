import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';

/**
 * A small cross-border world for course tests: a Guangdong, a Hong Kong and a Hubei school, a teacher in
 * each (plus a second Guangdong teacher), all signed in.
 */
export async function coursesWorld() {
  const t: TestApp = await createTestApp();
  const gdSchool = await makeSchool(t.database.db, { jurisdiction: 'GD' });
  const hkSchool = await makeSchool(t.database.db, { jurisdiction: 'HK' });
  const hbSchool = await makeSchool(t.database.db, { jurisdiction: 'HB' });
  const mk = async (school: { id: string; jurisdictionId: string }, displayName: string, role: 'teacher' | 'principal' = 'teacher') => {
    const u = await makeUser(t.database.db, { role, school, displayName });
    return { ...u, session: await signIn(t.app, u.username, TEST_PASSWORD) };
  };
  const gd = await mk(gdSchool, '陈老师');
  const gd2 = await mk(gdSchool, '林老师');
  const hk = await mk(hkSchool, '黃老師');
  const hb = await mk(hbSchool, '张老师');
  const req = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, headers: { ...(s?.headers ?? {}), ...headers }, payload: payload as never });
  return { t, gdSchool, hkSchool, hbSchool, gd, gd2, hk, hb, req };
}

export type CoursesWorld = Awaited<ReturnType<typeof coursesWorld>>;

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse) => res.json() as T;

/** Creates a course with two units of two lessons each, owned by `owner`. */
export async function sampleCourse(w: CoursesWorld, owner: Session, title = '人工智能入门：会学习的机器') {
  const course = json<{ id: string }>(
    await w.req(owner, 'POST', '/api/v1/courses', {
      title,
      summary: '初中人工智能启蒙课程',
      language: 'zh-Hans',
      gradeBand: 'junior',
      grades: [7, 8],
      competencies: ['ai-techniques-and-applications/understand'],
      level: 'understand',
    }),
  );
  const units: { id: string; lessons: string[] }[] = [];
  for (const u of ['认识人工智能', '机器学习初体验']) {
    const unit = json<{ id: string }>(await w.req(owner, 'POST', `/api/v1/courses/${course.id}/units`, { title: u }));
    const lessons: string[] = [];
    for (const l of [1, 2]) {
      const lesson = json<{ id: string }>(
        await w.req(owner, 'POST', `/api/v1/courses/${course.id}/lessons`, {
          unitId: unit.id,
          title: `${u} 第${l}课`,
          objectives: [{ text: '说出生活中的人工智能应用', competencies: ['ai-techniques-and-applications/understand'] }],
          durationMinutes: 40,
          aiTools: ['Teachable Machine'],
          html: `<p>${u}：第${l}课的活动步骤。学生用软件训练一个模型。</p>`,
        }),
      );
      lessons.push(lesson.id);
    }
    units.push({ id: unit.id, lessons });
  }
  return { id: course.id, units };
}
