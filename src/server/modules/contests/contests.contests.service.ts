import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, schools } from '../tenancy/tenancy.schema.ts';
import type { CreateContestBody } from '../../../shared/api/contests.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import { contestsVisibleTo, managesOrganiser, visibleContest, type Contest, type OrganiserRef } from './contests.access.ts';
import { ORGANISER_ROLES } from './contests.policy.ts';
import { presentContest } from './contests.present.ts';
import { contestJudges, contests } from './contests.schema.ts';

export interface Ctx {
  db: Db;
  actor: Actor;
}

/** The organiser's display names (unit or school), for lists and certificates. */
export async function organiserNames(db: DbOrTx, ref: OrganiserRef): Promise<LocalisedName | null> {
  if (ref.organiserSchoolId) {
    const [s] = await db.select({ names: schools.names }).from(schools).where(eq(schools.id, ref.organiserSchoolId));
    return s?.names ?? null;
  }
  if (!ref.organiserUnitId) return null;
  const [u] = await db.select({ names: authorityUnits.names }).from(authorityUnits).where(eq(authorityUnits.id, ref.organiserUnitId));
  return u?.names ?? null;
}

export async function isJudge(db: DbOrTx, actor: Actor, contestId: string): Promise<boolean> {
  if (!actor.id) return false;
  const [j] = await db
    .select({ id: contestJudges.id })
    .from(contestJudges)
    .where(and(eq(contestJudges.contestId, contestId), eq(contestJudges.userId, actor.id)));
  return !!j;
}

export async function contestView(db: DbOrTx, actor: Actor, c: Contest) {
  return presentContest(c, {
    canManage: await managesOrganiser(db, actor, c),
    isJudge: await isJudge(db, actor, c.id),
    organiserName: (await organiserNames(db, c)) as never,
  });
}

/**
 * Creates a competition round organised by an authority unit or a school the actor organises. Its level
 * must match the organiser (a district bureau runs district rounds); a parent round must be one level up.
 */
export async function createContest(ctx: Ctx, input: CreateContestBody) {
  requireRole(ctx.actor, ORGANISER_ROLES);
  const ref = { organiserUnitId: input.organiserUnitId ?? null, organiserSchoolId: input.organiserSchoolId ?? null };
  let jurisdictionId: string;
  let expectedLevel: string;
  if (ref.organiserSchoolId) {
    const [s] = await ctx.db.select().from(schools).where(eq(schools.id, ref.organiserSchoolId));
    if (!s) throw new AppError('NOT_FOUND');
    jurisdictionId = s.jurisdictionId;
    expectedLevel = 'school';
  } else {
    const [u] = await ctx.db.select().from(authorityUnits).where(eq(authorityUnits.id, ref.organiserUnitId!));
    if (!u) throw new AppError('NOT_FOUND');
    jurisdictionId = u.jurisdictionId;
    expectedLevel = u.level;
  }
  if (!(await managesOrganiser(ctx.db, ctx.actor, { ...ref, jurisdictionId }))) throw new AppError('FORBIDDEN');
  if (input.level !== expectedLevel) throw new AppError('CONTESTS_LEVEL_MISMATCH');
  if (input.parentContestId) {
    const parent = await visibleContest(ctx.db, ctx.actor, input.parentContestId);
    const order = ['school', 'district', 'city', 'province', 'national'];
    if (order.indexOf(parent.level) <= order.indexOf(input.level)) throw new AppError('CONTESTS_LEVEL_MISMATCH');
  }
  const keys = input.rubric.map((c) => c.key);
  if (new Set(keys).size !== keys.length) throw new AppError('VALIDATION_FAILED');
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: contests.id }).from(contests).where(eq(contests.code, input.code));
    if (taken) throw new AppError('CONTESTS_CODE_TAKEN');
    const [row] = await tx
      .insert(contests)
      .values({ ...input, ...ref, jurisdictionId, parentContestId: input.parentContestId ?? null })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'contests.contest.create',
      targetType: 'contest',
      targetId: row.id,
      jurisdictionId,
      schoolId: ref.organiserSchoolId,
      details: { code: row.code, level: row.level },
    });
    return contestView(tx, ctx.actor, row);
  });
}

/** Contests of the actor's jurisdictions plus those they judge, newest first. */
export async function listContests(ctx: Ctx) {
  const judged = ctx.actor.id
    ? (await ctx.db.select({ id: contestJudges.contestId }).from(contestJudges).where(eq(contestJudges.userId, ctx.actor.id))).map(
        (r) => r.id,
      )
    : [];
  const rows = await ctx.db
    .select()
    .from(contests)
    .where(judged.length ? or(contestsVisibleTo(ctx.actor), inArray(contests.id, judged)) : contestsVisibleTo(ctx.actor))
    .orderBy(desc(contests.registrationOpensAt))
    .limit(200);
  return { items: await Promise.all(rows.map((c) => contestView(ctx.db, ctx.actor, c))) };
}

export async function getContest(ctx: Ctx, id: string) {
  return contestView(ctx.db, ctx.actor, await visibleContest(ctx.db, ctx.actor, id));
}
