import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { makeClass, makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { signIn, type Session } from '../../test/test-app.ts';
import { contests } from './contests.schema.ts';

/**
 * A small invented world for contest tests: a city with two districts; two schools in district A, one in
 * district B; pupils in grade 7; a teacher per school; a city bureau admin; judges at schools and at the
 * bureau. Names are distinctive so a JSON scan can look for them.
 */
export async function contestWorld(db: Db) {
  const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
  const districtA = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
  const districtB = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
  const schoolA1 = await makeSchool(db, { jurisdiction: 'GD', unitId: districtA.id });
  const schoolA2 = await makeSchool(db, { jurisdiction: 'GD', unitId: districtA.id });
  const schoolB1 = await makeSchool(db, { jurisdiction: 'GD', unitId: districtB.id });
  const outside = await makeSchool(db, { jurisdiction: 'GD' });
  const cls = async (s: typeof schoolA1) => (await makeClass(db, s)).id;
  const [cA1, cA2, cB1, cOut] = [await cls(schoolA1), await cls(schoolA2), await cls(schoolB1), await cls(outside)];
  const pupil = (school: typeof schoolA1, classId: string, displayName: string) =>
    makeUser(db, { role: 'student', school, classId, displayName });
  const students = {
    a1: [await pupil(schoolA1, cA1, '林晓澜'), await pupil(schoolA1, cA1, '陈思远'), await pupil(schoolA1, cA1, '黄嘉怡')],
    a2: [await pupil(schoolA2, cA2, '周子墨'), await pupil(schoolA2, cA2, '吴雨桐')],
    b1: [await pupil(schoolB1, cB1, '郑浩然')],
    out: [await pupil(outside, cOut, '冯可欣')],
  };
  const teachers = {
    a1: await makeUser(db, { role: 'teacher', school: schoolA1, displayName: '梁老师' }),
    a2: await makeUser(db, { role: 'teacher', school: schoolA2, displayName: '何老师' }),
    b1: await makeUser(db, { role: 'teacher', school: schoolB1, displayName: '罗老师' }),
  };
  const bureau = await makeUser(db, { role: 'bureau_admin', unit: city, displayName: '市局管理员' });
  const judges = [
    await makeUser(db, { role: 'teacher', school: schoolA1, displayName: '评委甲' }),
    await makeUser(db, { role: 'teacher', school: schoolA2, displayName: '评委乙' }),
    await makeUser(db, { role: 'teacher', school: schoolB1, displayName: '评委丙' }),
    await makeUser(db, { role: 'researcher', unit: districtB, displayName: '评委丁' }),
  ];
  return { city, districtA, districtB, schoolA1, schoolA2, schoolB1, outside, students, teachers, bureau, judges };
}

export type ContestWorld = Awaited<ReturnType<typeof contestWorld>>;

const DAY = 86400_000;

/** A contest body with a future timeline (registration open now). */
export function contestBody(over: Record<string, unknown> & { organiserUnitId: string; level: string }) {
  const now = Date.now();
  return {
    code: `ai-${Math.random().toString(36).slice(2, 10)}`,
    name: '青少年人工智能创新挑战赛',
    language: 'zh-Hans',
    tracks: ['ai-apps'],
    gradeBands: [{ min: 7, max: 9 }],
    rules: { crossSchoolTeams: false, blind: true, excludeSameJurisdiction: false, judgesPerEntry: 2, maxTeamSize: 3 },
    rubric: [
      { key: 'innovation', label: '创新性', weight: 2, max: 10 },
      { key: 'technique', label: '技术实现', weight: 1, max: 10 },
    ],
    registrationOpensAt: new Date(now - DAY).toISOString(),
    registrationClosesAt: new Date(now + 5 * DAY).toISOString(),
    submissionClosesAt: new Date(now + 10 * DAY).toISOString(),
    judgingClosesAt: new Date(now + 15 * DAY).toISOString(),
    resultsAt: new Date(now + 16 * DAY).toISOString(),
    appealsClosesAt: new Date(now + 20 * DAY).toISOString(),
    quotaPerUnit: 2,
    ...over,
  };
}

/** Moves the submission deadline into the past: time passes, the server clock decides. */
export async function closeSubmissions(db: Db, contestId: string) {
  await db
    .update(contests)
    .set({ registrationClosesAt: new Date(Date.now() - 2000), submissionClosesAt: new Date(Date.now() - 1000) })
    .where(eq(contests.id, contestId));
}

export async function sessionsFor(app: FastifyInstance, users: { username: string }[]): Promise<Session[]> {
  return Promise.all(users.map((u) => signIn(app, u.username, TEST_PASSWORD)));
}
