import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { makeClass, makeSchool, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';
import { signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { users } from '../identity/identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';

/**
 * A school for growth tests: one class with a class teacher (班主任), a subject teacher, two classmates,
 * a student of another class, a principal and a school admin — all invented. Helpers drive the real API.
 */
export interface GrowthWorld {
  school: { id: string; jurisdictionId: string };
  classId: string;
  otherClassId: string;
  termId: string;
  people: Record<'classTeacher' | 'subjectTeacher' | 'student' | 'classmate' | 'otherStudent' | 'principal' | 'schoolAdmin', MadeUser>;
  as: Record<string, Session>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

export async function buildGrowthWorld(t: TestApp, jurisdiction: 'GD' | 'HK' = 'GD'): Promise<GrowthWorld> {
  const db = t.database.db;
  const school = await makeSchool(db, { jurisdiction });
  const cls = await makeClass(db, school);
  const other = await makeClass(db, school);
  const classTeacher = await makeUser(db, { role: 'teacher', school, classId: cls.id, displayName: '林老师' });
  await db.update(classes).set({ homeroomTeacherId: classTeacher.id }).where(eq(classes.id, cls.id));
  const people = {
    classTeacher,
    subjectTeacher: await makeUser(db, { role: 'teacher', school, classId: cls.id, displayName: '周老师' }),
    student: await makeUser(db, { role: 'student', school, classId: cls.id, displayName: '王小禾' }),
    classmate: await makeUser(db, { role: 'student', school, classId: cls.id, displayName: '陈雨桐' }),
    otherStudent: await makeUser(db, { role: 'student', school, classId: other.id, displayName: '李浩然' }),
    principal: await makeUser(db, { role: 'principal', school, displayName: '何校长' }),
    schoolAdmin: await makeUser(db, { role: 'school_admin', school }),
  };
  const as: Record<string, Session> = {};
  for (const [key, user] of Object.entries(people)) as[key] = await signIn(t.app, user.username, TEST_PASSWORD);
  const term = await t.app.inject({
    method: 'POST',
    url: `/api/v1/growth/schools/${school.id}/terms`,
    headers: as.schoolAdmin.headers,
    payload: {
      code: '2026-2027-1',
      names: { 'zh-Hans': '2026-2027学年第一学期', 'zh-Hant': '2026-2027學年上學期', en: '2026-2027 First Term' },
      startsOn: day(-30),
      endsOn: day(120),
    },
  });
  if (term.statusCode !== 201) throw new Error(`term: ${term.statusCode} ${term.body}`);
  return { school, classId: cls.id, otherClassId: other.id, termId: term.json().id, people, as };
}

/** Calls the API as someone; answers status and JSON (or raw body). */
export function caller(app: FastifyInstance, world: GrowthWorld) {
  return async (
    who: keyof GrowthWorld['people'] | Session,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => {
    const session = typeof who === 'string' ? world.as[who] : who;
    const res = await app.inject({ method, url: `/api/v1/growth${url}`, headers: session.headers, payload: payload as object });
    let body: unknown;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body: body as Record<string, unknown> & { code?: string }, raw: res };
  };
}

/** Moves the end of a record's publicity window into the past (time passing, without waiting days). */
export async function endPublicity(t: TestApp, recordId: string) {
  await t.database.db.execute(sql`update growth_records set publicity_ends_at = now() - interval '1 minute' where id = ${recordId}::uuid`);
}

export async function setLocale(t: TestApp, userId: string, locale: 'zh-Hans' | 'zh-Hant' | 'en') {
  await t.database.db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** A 1×1 PNG: the smallest real photo. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** multipart/form-data body with one file part, for app.inject. */
export function multipartFile(filename: string, contentType: string, data: Buffer) {
  const boundary = '----growthtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
