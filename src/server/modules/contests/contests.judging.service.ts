import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { ScoreBody } from '../../../shared/api/contests.ts';
import { managedContest, visibleContest, type Contest } from './contests.access.ts';
import { assignJudges } from './contests.assignment.ts';
import type { Ctx } from './contests.contests.service.ts';
import { normalise } from './contests.normalisation.ts';
import { presentForJudge } from './contests.present.ts';
import { rankEntries, type Ranked } from './contests.ranking.ts';
import { contestAssignments, contestEntries, contestEntryMembers, contestJudges, contestSubmissions, contests } from './contests.schema.ts';

/**
 * Judging: panel, automatic assignment with conflict-of-interest exclusion, blind scoring, locking,
 * normalised preview. The logic itself is pure (contests.assignment/normalisation/ranking.ts); this file
 * loads, checks access, writes and audits.
 */

/** Adds judges to the panel. A judge's home school and unit are recorded for conflict-of-interest checks. */
export async function addJudges(ctx: Ctx, contestId: string, userIds: string[]) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  const rows = await ctx.db
    .select({ id: users.id, schoolId: users.schoolId, jurisdictionId: users.jurisdictionId })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.jurisdictionId, contest.jurisdictionId), eq(users.status, 'active')));
  if (rows.length !== new Set(userIds).size) throw new AppError('NOT_FOUND');
  const places = await ctx.db
    .select({ userId: memberships.userId, unitId: memberships.authorityUnitId, schoolUnit: schools.authorityUnitId })
    .from(memberships)
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(inArray(memberships.userId, userIds));
  return ctx.db.transaction(async (tx) => {
    for (const u of rows) {
      const place = places.find((p) => p.userId === u.id && (p.schoolUnit || p.unitId));
      await tx
        .insert(contestJudges)
        .values({ contestId: contest.id, userId: u.id, schoolId: u.schoolId, unitId: place?.schoolUnit ?? place?.unitId ?? null })
        .onConflictDoNothing();
    }
    await recordAudit(tx, ctx.actor, {
      action: 'contests.judges.add',
      targetType: 'contest',
      targetId: contest.id,
      jurisdictionId: contest.jurisdictionId,
      details: { userIds },
    });
    return listJudges(tx, contest.id);
  });
}

async function listJudges(db: DbOrTx, contestId: string) {
  const rows = await db
    .select({ userId: contestJudges.userId, displayName: users.displayName, username: users.username })
    .from(contestJudges)
    .innerJoin(users, eq(users.id, contestJudges.userId))
    .where(eq(contestJudges.contestId, contestId));
  return { items: rows };
}

/**
 * Assigns every registered entry to `rules.judgesPerEntry` judges, balancing load, never a judge from the
 * entry's school (nor, when the rules say so, from its unit). Re-running tops up; existing pairs stay.
 */
export async function runAssignment(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  if (contest.status !== 'open') throw new AppError('CONTESTS_ALREADY_PUBLISHED');
  return ctx.db.transaction(async (tx) => {
    const entries = await tx
      .select({ id: contestEntries.id, schoolId: contestEntries.schoolId, unitId: schools.authorityUnitId })
      .from(contestEntries)
      .innerJoin(schools, eq(schools.id, contestEntries.schoolId))
      .where(and(eq(contestEntries.contestId, contest.id), eq(contestEntries.status, 'registered')));
    const judges = await tx
      .select({ id: contestJudges.userId, schoolId: contestJudges.schoolId, unitId: contestJudges.unitId })
      .from(contestJudges)
      .where(eq(contestJudges.contestId, contest.id));
    const existing = await tx
      .select({ entryId: contestAssignments.entryId, judgeId: contestAssignments.judgeUserId })
      .from(contestAssignments)
      .where(eq(contestAssignments.contestId, contest.id));
    const { pairs, shortfalls } = assignJudges(entries, judges, {
      k: contest.rules.judgesPerEntry,
      excludeSameUnit: contest.rules.excludeSameJurisdiction,
      existing,
    });
    if (pairs.length) {
      await tx.insert(contestAssignments).values(pairs.map((p) => ({ contestId: contest.id, entryId: p.entryId, judgeUserId: p.judgeId })));
    }
    await recordAudit(tx, ctx.actor, {
      action: 'contests.assignment.run',
      targetType: 'contest',
      targetId: contest.id,
      jurisdictionId: contest.jurisdictionId,
      details: { created: pairs.length, shortfalls: shortfalls.length },
    });
    return { created: pairs.length, shortfalls };
  });
}

/**
 * The judge's queue. In blind mode the presenter gets no identity at all, so names cannot leak through this
 * endpoint whatever the UI does.
 */
export async function judgeQueue(ctx: Ctx, contestId: string) {
  const contest = await visibleContest(ctx.db, ctx.actor, contestId);
  if (!ctx.actor.id) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select({ a: contestAssignments, e: contestEntries })
    .from(contestAssignments)
    .innerJoin(contestEntries, eq(contestEntries.id, contestAssignments.entryId))
    .where(and(eq(contestAssignments.contestId, contest.id), eq(contestAssignments.judgeUserId, ctx.actor.id)))
    .orderBy(contestEntries.code);
  const items = [];
  for (const { a, e } of rows) {
    const [latest] = await ctx.db
      .select()
      .from(contestSubmissions)
      .where(eq(contestSubmissions.entryId, e.id))
      .orderBy(desc(contestSubmissions.version))
      .limit(1);
    let identity: { schoolName: string | null; members: string[] } | null = null;
    if (!contest.rules.blind) {
      const [school] = await ctx.db.select({ names: schools.names }).from(schools).where(eq(schools.id, e.schoolId));
      const members = await ctx.db
        .select({ name: users.displayName })
        .from(contestEntryMembers)
        .innerJoin(users, eq(users.id, contestEntryMembers.userId))
        .where(and(eq(contestEntryMembers.entryId, e.id), eq(contestEntryMembers.role, 'student')));
      identity = { schoolName: school?.names.en ?? null, members: members.map((m) => m.name) };
    }
    items.push(presentForJudge(a, e, latest ?? null, identity));
  }
  return { contest: { id: contest.id, name: contest.name, rubric: contest.rubric, blind: contest.rules.blind }, items };
}

/**
 * Saves (and with `submit`, locks) a judge's scores. Scoring opens when submissions close (server time) and
 * ends at publication; a locked assignment never changes again.
 */
export async function scoreAssignment(ctx: Ctx, assignmentId: string, input: ScoreBody) {
  if (!ctx.actor.id) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ a: contestAssignments, c: contests })
      .from(contestAssignments)
      .innerJoin(contests, eq(contests.id, contestAssignments.contestId))
      .where(and(eq(contestAssignments.id, assignmentId), eq(contestAssignments.judgeUserId, ctx.actor.id!)))
      .for('update', { of: contestAssignments });
    if (!row) throw new AppError('NOT_FOUND');
    const { a, c } = row;
    if (a.submittedAt) throw new AppError('CONTESTS_SCORES_LOCKED');
    if (c.status !== 'open' || new Date() <= c.submissionClosesAt) throw new AppError('CONTESTS_SCORING_NOT_OPEN');
    const keys = new Set(c.rubric.map((r) => r.key));
    for (const [k, v] of Object.entries(input.scores)) {
      const crit = c.rubric.find((r) => r.key === k);
      if (!keys.has(k) || !crit || v > crit.max) throw new AppError('VALIDATION_FAILED');
    }
    if (input.submit && c.rubric.some((r) => input.scores[r.key] === undefined)) throw new AppError('CONTESTS_SCORES_INCOMPLETE');
    const [saved] = await tx
      .update(contestAssignments)
      .set({ scores: input.scores, comment: input.comment, submittedAt: input.submit ? new Date() : null })
      .where(eq(contestAssignments.id, a.id))
      .returning();
    if (input.submit) {
      await recordAudit(tx, ctx.actor, {
        action: 'contests.scores.submit',
        targetType: 'contest_assignment',
        targetId: a.id,
        jurisdictionId: c.jurisdictionId,
        details: { entryId: a.entryId },
      });
    }
    return { assignmentId: saved.id, scores: saved.scores, submittedAt: saved.submittedAt?.toISOString() ?? null };
  });
}

/** Per-judge progress for the organiser console. */
export async function judgingProgress(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  const rows = await ctx.db
    .select({
      judgeId: contestJudges.userId,
      displayName: users.displayName,
      assigned: sql<number>`count(${contestAssignments.id})`.mapWith(Number),
      submitted: sql<number>`count(${contestAssignments.submittedAt})`.mapWith(Number),
    })
    .from(contestJudges)
    .innerJoin(users, eq(users.id, contestJudges.userId))
    .leftJoin(
      contestAssignments,
      and(eq(contestAssignments.contestId, contestJudges.contestId), eq(contestAssignments.judgeUserId, contestJudges.userId)),
    )
    .where(eq(contestJudges.contestId, contest.id))
    .groupBy(contestJudges.userId, users.displayName);
  const [{ entries }] = await ctx.db
    .select({ entries: sql<number>`count(*)`.mapWith(Number) })
    .from(contestEntries)
    .where(and(eq(contestEntries.contestId, contest.id), eq(contestEntries.status, 'registered')));
  return { entries, judges: rows };
}

/** Locked scores → per-judge z-scores → ranking (pure functions), with entry details for the organiser. */
export async function computeRanking(db: DbOrTx, contest: Contest): Promise<(Ranked & { title: string; schoolId: string })[]> {
  const scores = await db
    .select({ judgeId: contestAssignments.judgeUserId, entryId: contestAssignments.entryId, scores: contestAssignments.scores })
    .from(contestAssignments)
    .innerJoin(contestEntries, eq(contestEntries.id, contestAssignments.entryId))
    .where(
      and(
        eq(contestAssignments.contestId, contest.id),
        eq(contestEntries.status, 'registered'),
        sql`${contestAssignments.submittedAt} is not null`,
      ),
    );
  const normalised = normalise(
    contest.rubric,
    scores.map((s) => ({ ...s, scores: s.scores ?? {} })),
  );
  if (!normalised.length) return [];
  const entries = await db
    .select({
      id: contestEntries.id,
      code: contestEntries.code,
      title: contestEntries.title,
      schoolId: contestEntries.schoolId,
      last: sql<Date | null>`(select max(${contestSubmissions.submittedAt}) from ${contestSubmissions} where ${contestSubmissions.entryId} = ${contestEntries.id})`,
    })
    .from(contestEntries)
    .where(
      inArray(
        contestEntries.id,
        normalised.map((n) => n.entryId),
      ),
    );
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ranked = rankEntries(
    normalised.map((n) => {
      const e = byId.get(n.entryId)!;
      return { ...n, code: e.code, lastSubmittedAt: e.last ? new Date(e.last) : null };
    }),
  );
  return ranked.map((r) => ({ ...r, title: byId.get(r.entryId)!.title, schoolId: byId.get(r.entryId)!.schoolId }));
}

/** The organiser's normalisation preview: what publication would produce now. */
export async function normalisationPreview(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  const ranked = await computeRanking(ctx.db, contest);
  const [{ open }] = await ctx.db
    .select({ open: sql<number>`count(*)`.mapWith(Number) })
    .from(contestAssignments)
    .where(and(eq(contestAssignments.contestId, contest.id), isNull(contestAssignments.submittedAt)));
  const schoolNames = new Map(
    (
      await ctx.db
        .select({ id: schools.id, names: schools.names })
        .from(schools)
        .where(inArray(schools.id, [...new Set(ranked.map((r) => r.schoolId)), '00000000-0000-0000-0000-000000000000']))
    ).map((s) => [s.id, s.names]),
  );
  return {
    openAssignments: open,
    items: ranked.map((r) => ({
      entryId: r.entryId,
      entryCode: r.code,
      title: r.title,
      schoolName: schoolNames.get(r.schoolId) ?? null,
      normalised: r.normalised,
      raw: r.raw,
      judges: r.judges,
      rank: r.rank,
      award: r.award,
    })),
  };
}
