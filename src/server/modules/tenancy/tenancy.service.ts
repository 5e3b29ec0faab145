import { and, asc, count, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachesUnit, requireRole, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { classEnrollments, users } from '../identity/identity.schema.ts';
import { tenancyPolicy } from './tenancy.policy.ts';
import { presentAuthorityUnit, presentClass, presentJurisdiction, presentSchool } from './tenancy.present.ts';
import { authorityUnits, classes, jurisdictions, schools } from './tenancy.schema.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type { Role } from '../../../shared/roles.ts';
import type { SchoolStage } from '../../../shared/tenancy.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

export async function listJurisdictions(ctx: { db: DbOrTx }) {
  const rows = await ctx.db.select().from(jurisdictions).orderBy(asc(jurisdictions.code));
  return { items: rows.map(presentJurisdiction) };
}

export async function listAuthorityUnits(ctx: { db: DbOrTx }, q: { jurisdictionId?: string }) {
  const rows = await ctx.db
    .select()
    .from(authorityUnits)
    .where(q.jurisdictionId ? eq(authorityUnits.jurisdictionId, q.jurisdictionId) : undefined)
    .orderBy(asc(sql`array_length(${authorityUnits.ancestorIds}, 1)`), asc(authorityUnits.code));
  return { items: rows.map(presentAuthorityUnit) };
}

const schoolSelection = {
  id: schools.id,
  code: schools.code,
  names: schools.names,
  stage: schools.stage,
  languages: schools.languages,
  version: schools.version,
  jurisdictionId: schools.jurisdictionId,
  jurisdictionCode: jurisdictions.code,
  jurisdictionNames: jurisdictions.names,
  authorityUnitId: schools.authorityUnitId,
  unitLevel: authorityUnits.level,
  unitNames: authorityUnits.names,
};

const schoolQuery = (db: DbOrTx) =>
  db
    .select(schoolSelection)
    .from(schools)
    .innerJoin(jurisdictions, eq(jurisdictions.id, schools.jurisdictionId))
    .innerJoin(authorityUnits, eq(authorityUnits.id, schools.authorityUnitId));

/** The school directory: names and places of schools are public to signed-in users of the node. */
export async function listSchools(
  ctx: { db: DbOrTx },
  q: { jurisdictionId?: string; authorityUnitId?: string; q?: string; limit: number; cursor?: string },
) {
  const term = q.q?.trim();
  const where: (SQL | undefined)[] = [
    q.jurisdictionId ? eq(schools.jurisdictionId, q.jurisdictionId) : undefined,
    q.authorityUnitId ? sql`${schools.authorityPath} @> ARRAY[${q.authorityUnitId}::uuid]` : undefined,
    term
      ? or(
          ilike(schools.code, `%${term}%`),
          sql`${schools.names}->>'zh-Hans' ilike ${'%' + term + '%'}`,
          sql`${schools.names}->>'zh-Hant' ilike ${'%' + term + '%'}`,
          sql`${schools.names}->>'en' ilike ${'%' + term + '%'}`,
        )
      : undefined,
    q.cursor ? gt(schools.code, q.cursor) : undefined,
  ];
  const rows = await schoolQuery(ctx.db)
    .where(and(...where))
    .orderBy(asc(schools.code))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(presentSchool), nextCursor: rows.length > q.limit ? page[page.length - 1].code : null };
}

export async function getSchool(ctx: { db: DbOrTx }, id: string) {
  const [row] = await schoolQuery(ctx.db).where(eq(schools.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return presentSchool(row);
}

/**
 * A school the actor reaches with one of `roles`; NOT_FOUND otherwise (another school's staff learn
 * nothing). Other modules use it before touching a school's personal data.
 */
export async function getSchoolInScope(db: DbOrTx, actor: Actor, roles: readonly Role[], schoolId: string) {
  const [row] = await db
    .select()
    .from(schools)
    .where(and(eq(schools.id, schoolId), schoolsInScope(actor, roles)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export interface CreateSchoolInput {
  code: string;
  names: LocalisedName;
  authorityUnitId: string;
  stage: SchoolStage;
  languages: string[];
}

export async function createSchool(ctx: Ctx, input: CreateSchoolInput) {
  requireRole(ctx.actor, tenancyPolicy.createSchool);
  const [unit] = await ctx.db.select().from(authorityUnits).where(eq(authorityUnits.id, input.authorityUnitId));
  if (!unit)
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.authorityUnitId', code: 'not_found', message: 'unknown authority unit' }],
    });
  if (!reachesUnit(ctx.actor, tenancyPolicy.createSchool, unit)) throw new AppError('FORBIDDEN');
  const id = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, input.code));
    if (taken) throw new AppError('SCHOOL_CODE_TAKEN');
    const [s] = await tx
      .insert(schools)
      .values({ ...input, jurisdictionId: unit.jurisdictionId, authorityPath: unit.ancestorIds })
      .returning({ id: schools.id });
    await recordAudit(tx, ctx.actor, {
      action: 'school.create',
      targetType: 'school',
      targetId: s.id,
      jurisdictionId: unit.jurisdictionId,
      schoolId: s.id,
      details: { code: input.code },
    });
    return s.id;
  });
  return getSchool(ctx, id);
}

export async function updateSchool(
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<CreateSchoolInput, 'names' | 'stage' | 'languages'>>,
) {
  requireRole(ctx.actor, tenancyPolicy.editSchool);
  const school = await getSchoolInScope(ctx.db, ctx.actor, tenancyPolicy.editSchool, id);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(schools)
      .set({ ...patch, version: sql`${schools.version} + 1`, updatedAt: new Date() })
      .where(and(eq(schools.id, id), eq(schools.version, expectedVersion)))
      .returning({ id: schools.id });
    if (!updated.length) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx.actor, {
      action: 'school.update',
      targetType: 'school',
      targetId: id,
      jurisdictionId: school.jurisdictionId,
      schoolId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return getSchool(ctx, id);
}

const homeroom = alias(users, 'homeroom');

async function classesOf(db: DbOrTx, where: SQL | undefined) {
  const studentCount = db
    .select({ classId: classEnrollments.classId, n: count().as('n') })
    .from(classEnrollments)
    .where(eq(classEnrollments.role, 'student'))
    .groupBy(classEnrollments.classId)
    .as('student_count');
  const rows = await db
    .select({
      id: classes.id,
      schoolId: classes.schoolId,
      code: classes.code,
      name: classes.name,
      grade: classes.grade,
      schoolYear: classes.schoolYear,
      version: classes.version,
      homeroomTeacherId: classes.homeroomTeacherId,
      homeroomTeacherName: homeroom.displayName,
      studentCount: sql<number>`coalesce(${studentCount.n}, 0)`,
    })
    .from(classes)
    .leftJoin(homeroom, eq(homeroom.id, classes.homeroomTeacherId))
    .leftJoin(studentCount, eq(studentCount.classId, classes.id))
    .where(where)
    .orderBy(asc(classes.grade), asc(classes.code));
  return rows.map(presentClass);
}

export async function listClasses(ctx: Ctx, schoolId: string) {
  requireRole(ctx.actor, tenancyPolicy.readClasses);
  await getSchoolInScope(ctx.db, ctx.actor, tenancyPolicy.readClasses, schoolId);
  return { items: await classesOf(ctx.db, eq(classes.schoolId, schoolId)) };
}

export async function createClass(
  ctx: Ctx,
  schoolId: string,
  input: { code: string; name: string; grade: number; schoolYear: string; homeroomTeacherId?: string },
) {
  requireRole(ctx.actor, tenancyPolicy.manageClasses);
  const school = await getSchoolInScope(ctx.db, ctx.actor, tenancyPolicy.manageClasses, schoolId);
  if (input.homeroomTeacherId) {
    const [t] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.homeroomTeacherId), eq(users.schoolId, schoolId)));
    if (!t)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'body.homeroomTeacherId', code: 'not_in_school', message: 'the teacher is not in this school' }],
      });
  }
  const id = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(classes)
      .values({ ...input, schoolId, jurisdictionId: school.jurisdictionId, homeroomTeacherId: input.homeroomTeacherId ?? null })
      .onConflictDoNothing()
      .returning({ id: classes.id });
    if (!inserted.length) throw new AppError('CLASS_EXISTS');
    await recordAudit(tx, ctx.actor, {
      action: 'class.create',
      targetType: 'class',
      targetId: inserted[0].id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { code: input.code, schoolYear: input.schoolYear },
    });
    return inserted[0].id;
  });
  const [created] = await classesOf(ctx.db, eq(classes.id, id));
  return created;
}

/** Every class of a school with its students: personal data, so staff of the school and admins above only. */
export async function schoolRoster(ctx: Ctx, schoolId: string) {
  requireRole(ctx.actor, tenancyPolicy.readClasses);
  // Scope is checked in the query: out-of-scope schools answer NOT_FOUND.
  await getSchoolInScope(ctx.db, ctx.actor, tenancyPolicy.readClasses, schoolId);
  const cls = await classesOf(ctx.db, eq(classes.schoolId, schoolId));
  const members = await ctx.db
    .select({
      classId: classEnrollments.classId,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      studentNumber: users.studentNumber,
    })
    .from(classEnrollments)
    .innerJoin(users, eq(users.id, classEnrollments.userId))
    .where(and(eq(classEnrollments.schoolId, schoolId), eq(classEnrollments.role, 'student')))
    .orderBy(asc(users.studentNumber), asc(users.displayName));
  return {
    classes: cls.map((c) => ({ ...c, students: members.filter((m) => m.classId === c.id).map(({ classId: _c, ...m }) => m) })),
  };
}
