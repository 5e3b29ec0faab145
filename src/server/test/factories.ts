import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { hashPassword } from '../modules/identity/identity.passwords.ts';
import { classEnrollments, memberships, passwordCredentials, users } from '../modules/identity/identity.schema.ts';
import { authorityUnits, classes, jurisdictions, schools } from '../modules/tenancy/tenancy.schema.ts';
import type { Role } from '../../shared/roles.ts';
import type { AuthorityLevel } from '../../shared/tenancy.ts';

/**
 * Test factories (Outline's habit): build the tree and people with sensible defaults, so a test states only
 * what matters to it. All names are invented.
 */

export const TEST_PASSWORD = 'correct-horse-battery';
let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));
let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

export async function jurisdictionId(db: Db, code: 'GD' | 'HK' | 'MO' | 'HB'): Promise<string> {
  const [j] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return j.id;
}

export async function makeUnit(db: Db, opts: { jurisdiction: 'GD' | 'HK' | 'MO' | 'HB'; parentId?: string; level?: AuthorityLevel }) {
  const jid = await jurisdictionId(db, opts.jurisdiction);
  let ancestors: string[] = [];
  if (opts.parentId) {
    const [p] = await db.select().from(authorityUnits).where(eq(authorityUnits.id, opts.parentId));
    ancestors = p.ancestorIds;
  }
  const id = newId();
  const names = { 'zh-Hans': '测试区', 'zh-Hant': '測試區', en: 'Test District' };
  await db.insert(authorityUnits).values({
    id,
    code: unique('unit'),
    jurisdictionId: jid,
    parentId: opts.parentId ?? null,
    level: opts.level ?? 'district',
    names,
    ancestorIds: [...ancestors, id],
  });
  return { id, jurisdictionId: jid, ancestorIds: [...ancestors, id] };
}

export async function makeSchool(db: Db, opts: { jurisdiction: 'GD' | 'HK' | 'MO' | 'HB'; unitId?: string; code?: string }) {
  const unit = opts.unitId
    ? (await db.select().from(authorityUnits).where(eq(authorityUnits.id, opts.unitId)))[0]
    : await makeUnit(db, { jurisdiction: opts.jurisdiction });
  const [s] = await db
    .insert(schools)
    .values({
      code: opts.code ?? unique('school'),
      names: { 'zh-Hans': '测试学校', 'zh-Hant': '測試學校', en: 'Test School' },
      jurisdictionId: unit.jurisdictionId,
      authorityUnitId: unit.id,
      authorityPath: unit.ancestorIds,
      stage: 'junior',
      languages: opts.jurisdiction === 'HK' || opts.jurisdiction === 'MO' ? ['zh-Hant-HK'] : ['zh-Hans'],
    })
    .returning();
  return s;
}

export async function makeClass(db: Db, school: { id: string; jurisdictionId: string }, code = unique('class')) {
  const [c] = await db
    .insert(classes)
    .values({ schoolId: school.id, jurisdictionId: school.jurisdictionId, code, name: code, grade: 7, schoolYear: '2026-2027' })
    .returning();
  return c;
}

export interface MadeUser {
  id: string;
  username: string;
}

/**
 * A user holding `role` at a school, an authority unit, or (neither given) a whole jurisdiction. Their
 * password is TEST_PASSWORD.
 */
export async function makeUser(
  db: Db,
  opts: {
    role: Role;
    school?: { id: string; jurisdictionId: string };
    unit?: { id: string; jurisdictionId: string };
    jurisdiction?: 'GD' | 'HK' | 'MO' | 'HB';
    classId?: string;
    displayName?: string;
  },
): Promise<MadeUser> {
  const jid = opts.school?.jurisdictionId ?? opts.unit?.jurisdictionId ?? (await jurisdictionId(db, opts.jurisdiction!));
  const username = unique(opts.role.replace('_', '-'));
  const [u] = await db
    .insert(users)
    .values({
      username,
      displayName: opts.displayName ?? `测试${opts.role}`,
      jurisdictionId: jid,
      schoolId: opts.school?.id ?? null,
      studentNumber: opts.role === 'student' ? unique('S') : null,
    })
    .returning();
  await db.insert(passwordCredentials).values({ userId: u.id, hash: await passwordHash() });
  await db.insert(memberships).values({
    userId: u.id,
    role: opts.role,
    jurisdictionId: jid,
    schoolId: opts.school?.id ?? null,
    authorityUnitId: opts.unit?.id ?? null,
  });
  if (opts.classId && opts.school) {
    await db.insert(classEnrollments).values({
      classId: opts.classId,
      userId: u.id,
      schoolId: opts.school.id,
      role: opts.role === 'student' ? 'student' : 'teacher',
    });
  }
  return { id: u.id, username };
}
