import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authorityUnits, classes, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { reachesSchool, reachesUnit, requireRole, requireUser, rowsInScope, type Actor } from './identity.access.ts';
import { generatePassword, hashPassword } from './identity.passwords.ts';
import { identityPolicy, SCHOOL_LEVEL_ROLES } from './identity.policy.ts';
import { presentMe, presentUserSummary, type MembershipRow, type UserSummaryView } from './identity.present.ts';
import { classEnrollments, memberships, passwordCredentials, users } from './identity.schema.ts';
import type { Role } from '../../../shared/roles.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/** Memberships of several users with the names of their places, in one query. */
export async function membershipRows(db: DbOrTx, userIds: string[]): Promise<Map<string, MembershipRow[]>> {
  const out = new Map<string, MembershipRow[]>();
  if (!userIds.length) return out;
  const rows = await db
    .select({
      userId: memberships.userId,
      id: memberships.id,
      role: memberships.role,
      jurisdictionId: memberships.jurisdictionId,
      jurisdictionCode: jurisdictions.code,
      jurisdictionNames: jurisdictions.names,
      authorityUnitId: memberships.authorityUnitId,
      authorityUnitLevel: authorityUnits.level,
      authorityUnitNames: authorityUnits.names,
      schoolId: memberships.schoolId,
      schoolCode: schools.code,
      schoolNames: schools.names,
    })
    .from(memberships)
    .innerJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .leftJoin(authorityUnits, eq(authorityUnits.id, memberships.authorityUnitId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(memberships.createdAt));
  for (const { userId, ...m } of rows) {
    if (!out.has(userId)) out.set(userId, []);
    out.get(userId)!.push(m);
  }
  return out;
}

export async function getMe(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, actor.id!));
  if (!u) throw new AppError('AUTH_REQUIRED');
  const ms = await membershipRows(ctx.db, [u.id]);
  return presentMe(u, ms.get(u.id) ?? []);
}

const peopleScope = (actor: Actor, roles = identityPolicy.readPeople) =>
  rowsInScope(actor, roles, { schoolId: users.schoolId, jurisdictionId: users.jurisdictionId });

export interface ListUsersQuery {
  schoolId?: string;
  classId?: string;
  role?: Role;
  q?: string;
  limit: number;
  cursor?: string;
}

/** People the actor may see, newest id last; scope is in the WHERE clause. */
export async function listUsers(ctx: Ctx, q: ListUsersQuery) {
  requireRole(ctx.actor, identityPolicy.readPeople);
  const where: (SQL | undefined)[] = [
    peopleScope(ctx.actor),
    q.schoolId ? eq(users.schoolId, q.schoolId) : undefined,
    q.classId
      ? inArray(
          users.id,
          ctx.db.select({ id: classEnrollments.userId }).from(classEnrollments).where(eq(classEnrollments.classId, q.classId)),
        )
      : undefined,
    q.role ? inArray(users.id, ctx.db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.role, q.role))) : undefined,
    q.q
      ? or(ilike(users.username, `%${escapeLike(q.q)}%`), ilike(users.displayName, `%${escapeLike(q.q)}%`), eq(users.studentNumber, q.q))
      : undefined,
    q.cursor ? gt(users.id, q.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: await summarise(ctx.db, page), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function getUser(ctx: Ctx, userId: string): Promise<UserSummaryView> {
  requireRole(ctx.actor, identityPolicy.readPeople);
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), peopleScope(ctx.actor)));
  // Out of scope and missing look the same: a 404 says nothing about another school's people.
  if (!u) throw new AppError('NOT_FOUND');
  return (await summarise(ctx.db, [u]))[0];
}

async function summarise(db: DbOrTx, rows: (typeof users.$inferSelect)[]): Promise<UserSummaryView[]> {
  const ids = rows.map((r) => r.id);
  const ms = await membershipRows(db, ids);
  const cls = ids.length
    ? await db
        .select({ userId: classEnrollments.userId, id: classes.id, code: classes.code, name: classes.name, role: classEnrollments.role })
        .from(classEnrollments)
        .innerJoin(classes, eq(classes.id, classEnrollments.classId))
        .where(inArray(classEnrollments.userId, ids))
    : [];
  return rows.map((u) =>
    presentUserSummary(
      u,
      ms.get(u.id) ?? [],
      cls.filter((c) => c.userId === u.id).map(({ userId: _u, ...c }) => c),
    ),
  );
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  locale?: UiLanguage;
  role: Role;
  jurisdictionId: string;
  authorityUnitId?: string;
  schoolId?: string;
  studentNumber?: string;
}

/** Creates an account with one membership and a one-time password the admin hands over. */
export async function createUser(ctx: Ctx, input: CreateUserInput) {
  const place = await resolveGrantablePlace(ctx, input);
  const username = input.username.trim().toLowerCase();
  const initialPassword = generatePassword();
  const hash = await hashPassword(initialPassword);
  const user = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new AppError('USERNAME_TAKEN');
    const [u] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        locale: input.locale ?? 'zh-Hans',
        jurisdictionId: place.jurisdictionId,
        schoolId: place.schoolId,
        studentNumber: input.studentNumber ?? null,
        mustChangePassword: true,
      })
      .returning();
    await tx.insert(passwordCredentials).values({ userId: u.id, hash });
    await tx.insert(memberships).values({ userId: u.id, role: input.role, ...place });
    await recordAudit(tx, ctx.actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: u.id,
      jurisdictionId: place.jurisdictionId,
      schoolId: place.schoolId,
      details: { username, role: input.role },
    });
    return u;
  });
  return { user: (await summarise(ctx.db, [user]))[0], initialPassword };
}

/**
 * Where a new role may be granted: school-level roles by admins reaching the school; area roles (bureau,
 * steward, researcher, platform) only by bureau/platform admins reaching the unit or jurisdiction.
 */
async function resolveGrantablePlace(
  ctx: Ctx,
  input: { role: Role; jurisdictionId: string; authorityUnitId?: string; schoolId?: string },
): Promise<{ jurisdictionId: string; authorityUnitId: string | null; schoolId: string | null }> {
  if (input.schoolId) {
    const school = await getSchoolInScope(ctx.db, ctx.actor, identityPolicy.grantSchoolRoles, input.schoolId);
    if (school.jurisdictionId !== input.jurisdictionId) throw new AppError('MEMBERSHIP_SCOPE_INVALID');
    const areaGrant = !SCHOOL_LEVEL_ROLES.includes(input.role);
    if (areaGrant || (input.role === 'school_admin' && !reachesSchool(ctx.actor, identityPolicy.grantSchoolRoles, school))) {
      throw new AppError('MEMBERSHIP_SCOPE_INVALID');
    }
    return { jurisdictionId: school.jurisdictionId, authorityUnitId: null, schoolId: school.id };
  }
  if (SCHOOL_LEVEL_ROLES.includes(input.role) && input.role !== 'principal') {
    // Students, teachers and school admins belong to a school.
    throw new AppError('MEMBERSHIP_SCOPE_INVALID');
  }
  if (input.authorityUnitId) {
    const [unit] = await ctx.db.select().from(authorityUnits).where(eq(authorityUnits.id, input.authorityUnitId));
    if (!unit || unit.jurisdictionId !== input.jurisdictionId) throw new AppError('MEMBERSHIP_SCOPE_INVALID');
    if (!reachesUnit(ctx.actor, identityPolicy.grantAreaRoles, unit)) throw new AppError('FORBIDDEN');
    return { jurisdictionId: unit.jurisdictionId, authorityUnitId: unit.id, schoolId: null };
  }
  const jurisdictionWide = ctx.actor.memberships.some(
    (m) => identityPolicy.grantAreaRoles.includes(m.role) && !m.schoolId && !m.authorityUnitId && m.jurisdictionId === input.jurisdictionId,
  );
  if (!jurisdictionWide) throw new AppError('FORBIDDEN');
  return { jurisdictionId: input.jurisdictionId, authorityUnitId: null, schoolId: null };
}

export async function addMembership(
  ctx: Ctx,
  userId: string,
  input: { role: Role; jurisdictionId: string; authorityUnitId?: string; schoolId?: string },
) {
  requireRole(ctx.actor, identityPolicy.managePeople);
  const [target] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), peopleScope(ctx.actor, identityPolicy.managePeople)));
  if (!target) throw new AppError('NOT_FOUND');
  // A person's roles stay inside their own jurisdiction: personal data does not follow them across.
  if (target.jurisdictionId !== input.jurisdictionId) throw new AppError('MEMBERSHIP_SCOPE_INVALID');
  const place = await resolveGrantablePlace(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberships)
      .values({ userId, role: input.role, ...place })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!inserted.length) throw new AppError('MEMBERSHIP_EXISTS');
    await recordAudit(tx, ctx.actor, {
      action: 'membership.create',
      targetType: 'user',
      targetId: userId,
      jurisdictionId: place.jurisdictionId,
      schoolId: place.schoolId,
      details: { role: input.role, membershipId: inserted[0].id },
    });
    return inserted[0].id;
  });
  const rows = await membershipRows(ctx.db, [userId]);
  return rows.get(userId)!.find((m) => m.id === id)!;
}

export async function removeMembership(ctx: Ctx, membershipId: string) {
  requireRole(ctx.actor, identityPolicy.managePeople);
  const [m] = await ctx.db.select().from(memberships).where(eq(memberships.id, membershipId));
  if (!m) throw new AppError('NOT_FOUND');
  await resolveGrantablePlace(ctx, {
    role: m.role,
    jurisdictionId: m.jurisdictionId,
    authorityUnitId: m.authorityUnitId ?? undefined,
    schoolId: m.schoolId ?? undefined,
  }).catch(() => {
    throw new AppError('NOT_FOUND');
  });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await recordAudit(tx, ctx.actor, {
      action: 'membership.delete',
      targetType: 'user',
      targetId: m.userId,
      jurisdictionId: m.jurisdictionId,
      schoolId: m.schoolId,
      details: { role: m.role, membershipId },
    });
  });
}

async function managedUser(ctx: Ctx, userId: string) {
  requireRole(ctx.actor, identityPolicy.managePeople);
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), peopleScope(ctx.actor, identityPolicy.managePeople)));
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

/** A temporary password the user must change at next login; their sessions end. */
export async function resetPassword(ctx: Ctx, userId: string) {
  const u = await managedUser(ctx, userId);
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(passwordCredentials)
      .values({ userId, hash })
      .onConflictDoUpdate({ target: passwordCredentials.userId, set: { hash, changedAt: new Date() } });
    await tx.update(users).set({ mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await tx.execute(sql`delete from sessions where user_id = ${userId}`);
    await recordAudit(tx, ctx.actor, {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: userId,
      jurisdictionId: u.jurisdictionId,
      schoolId: u.schoolId,
    });
  });
  return { temporaryPassword };
}

export async function unlockUser(ctx: Ctx, userId: string) {
  const u = await managedUser(ctx, userId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await recordAudit(tx, ctx.actor, {
      action: 'user.unlock',
      targetType: 'user',
      targetId: userId,
      jurisdictionId: u.jurisdictionId,
      schoolId: u.schoolId,
    });
  });
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
