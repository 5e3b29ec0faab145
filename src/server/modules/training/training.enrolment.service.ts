import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, rowsInScope, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { Decision, EnrolmentStatus } from '../../../shared/api/training.ts';
import { cohortOf } from './training.cohorts.service.ts';
import { managedProgramme, visibleProgramme } from './training.programmes.service.ts';
import { trainingPolicy } from './training.policy.ts';
import { trainingEnrolments as e, trainingProgrammes } from './training.schema.ts';
import { remindLateJoiners } from './training.reminders.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type Enrolment = typeof e.$inferSelect;

function presentEnrolment(r: Enrolment, who?: { displayName: string; schoolNames: unknown }) {
  return {
    id: r.id,
    programmeId: r.programmeId,
    cohortId: r.cohortId,
    userId: r.userId,
    displayName: who?.displayName,
    school: who?.schoolNames ?? null,
    jurisdictionId: r.jurisdictionId,
    status: r.status,
    organiserDecision: r.organiserDecision,
    principalDecision: r.principalDecision,
    waitlistedAt: r.waitlistedAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    hoursCredited: r.hoursCredited,
    enrolledAt: r.createdAt.toISOString(),
  };
}

/** Serialises capacity decisions of one programme (two approvals never take the last place twice). */
async function lockProgramme(tx: Tx, programmeId: string) {
  await tx.execute(sql`SELECT 1 FROM ${trainingProgrammes} WHERE ${trainingProgrammes.id} = ${programmeId} FOR UPDATE`);
  const [prog] = await tx.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, programmeId));
  return prog;
}

/** Places are per cohort: each cohort has its own capacity (null → unlimited). */
async function placesTaken(tx: Tx, cohortId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(e)
    .where(and(eq(e.cohortId, cohortId), inArray(e.status, ['enrolled', 'completed'])));
  return row.n;
}

/**
 * The status that follows from the two decisions: rejected by either → rejected; approved by both (or the
 * principal's not required) → enrolled if a place is free, else waitlisted; otherwise still pending.
 */
async function settle(tx: Tx, en: Enrolment): Promise<{ status: EnrolmentStatus; waitlistedAt: Date | null }> {
  const ok = (d: Decision) => d === 'approved' || d === 'not_required';
  if (en.organiserDecision === 'rejected' || en.principalDecision === 'rejected') return { status: 'rejected', waitlistedAt: null };
  if (!ok(en.organiserDecision) || !ok(en.principalDecision)) return { status: 'pending', waitlistedAt: null };
  await lockProgramme(tx, en.programmeId);
  const cohort = await cohortOf(tx, en.programmeId, en.cohortId);
  const full = cohort.capacity !== null && (await placesTaken(tx, cohort.id)) >= cohort.capacity;
  if (full) return { status: 'waitlisted', waitlistedAt: new Date() };
  await remindLateJoiners(tx, en.programmeId);
  return { status: 'enrolled', waitlistedAt: null };
}

/** Moves the earliest waitlisted teachers of a cohort into its freed places (first come, first served). */
async function promoteWaitlist(tx: Tx, programmeId: string, cohortId: string): Promise<string[]> {
  await lockProgramme(tx, programmeId);
  const cohort = await cohortOf(tx, programmeId, cohortId);
  const free = cohort.capacity === null ? Number.MAX_SAFE_INTEGER : cohort.capacity - (await placesTaken(tx, cohort.id));
  if (free <= 0) return [];
  const next = await tx
    .select({ id: e.id })
    .from(e)
    .where(and(eq(e.cohortId, cohort.id), eq(e.status, 'waitlisted')))
    .orderBy(asc(e.waitlistedAt), asc(e.id))
    .limit(Math.min(free, 500));
  if (!next.length) return [];
  const ids = next.map((r) => r.id);
  await tx.update(e).set({ status: 'enrolled', updatedAt: new Date() }).where(inArray(e.id, ids));
  await remindLateJoiners(tx, programmeId);
  return ids;
}

/**
 * A teacher asks to join one cohort of a published programme (the first cohort unless named); it waits for
 * the organiser (and principal, when required). One enrolment per programme: completion, hours and the
 * certificate are the programme's.
 */
export async function enrol(ctx: Ctx, programmeId: string, input: { cohortId?: string } = {}) {
  requireRole(ctx.actor, trainingPolicy.learn);
  const prog = await visibleProgramme(ctx.db, ctx.actor, programmeId);
  if (prog.status !== 'published') throw new AppError('TRAINING_NOT_OPEN');
  const cohort = await cohortOf(ctx.db, programmeId, input.cohortId);
  const [me] = await ctx.db
    .select({ jurisdictionId: users.jurisdictionId, schoolId: users.schoolId })
    .from(users)
    .where(eq(users.id, ctx.actor.id!));
  const selfPrincipal = ctx.actor.memberships.some((m) => m.role === 'principal' && m.schoolId === me.schoolId);
  const principalDecision: Decision = prog.requiresPrincipalApproval && me.schoolId && !selfPrincipal ? 'pending' : 'not_required';
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(e)
      .where(and(eq(e.programmeId, programmeId), eq(e.userId, ctx.actor.id!)));
    if (existing && existing.status !== 'withdrawn') throw new AppError('TRAINING_ALREADY_ENROLLED');
    const values = {
      status: 'pending' as const,
      organiserDecision: 'pending' as const,
      principalDecision,
      cohortId: cohort.id,
      waitlistedAt: null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(e).set(values).where(eq(e.id, existing.id)).returning()
      : await tx
          .insert(e)
          .values({ ...values, programmeId, userId: ctx.actor.id!, jurisdictionId: me.jurisdictionId, schoolId: me.schoolId })
          .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.enrol',
      targetType: 'training_enrolment',
      targetId: row.id,
      jurisdictionId: row.jurisdictionId,
      schoolId: row.schoolId,
      details: { programmeId, cohortId: cohort.id },
    });
    return presentEnrolment(row);
  });
}

async function enrolmentById(db: Db, id: string) {
  const [row] = await db.select().from(e).where(eq(e.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The organiser approves or rejects a request to join. */
export async function organiserDecide(ctx: Ctx, enrolmentId: string, decision: 'approve' | 'reject') {
  const found = await enrolmentById(ctx.db, enrolmentId);
  const prog = await managedProgramme(ctx.db, ctx.actor, found.programmeId);
  return ctx.db.transaction(async (tx) => {
    const [en] = await tx.select().from(e).where(eq(e.id, enrolmentId)).for('update');
    if (en.organiserDecision !== 'pending' || !['pending'].includes(en.status)) throw new AppError('TRAINING_DECISION_NOT_PENDING');
    en.organiserDecision = decision === 'approve' ? 'approved' : 'rejected';
    const next = await settle(tx, en);
    const [row] = await tx
      .update(e)
      .set({ organiserDecision: en.organiserDecision, ...next, updatedAt: new Date() })
      .where(eq(e.id, en.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: `training.enrolment.organiser_${decision}`,
      targetType: 'training_enrolment',
      targetId: en.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { status: row.status },
    });
    return presentEnrolment(row);
  });
}

/** The teacher's principal approves or rejects (only for programmes that ask for it). Scope in the WHERE. */
export async function principalDecide(ctx: Ctx, enrolmentId: string, decision: 'approve' | 'reject') {
  requireRole(ctx.actor, trainingPolicy.principalApproval);
  return ctx.db.transaction(async (tx) => {
    const [en] = await tx
      .select()
      .from(e)
      .where(
        and(
          eq(e.id, enrolmentId),
          rowsInScope(ctx.actor, trainingPolicy.principalApproval, { schoolId: e.schoolId, jurisdictionId: e.jurisdictionId }),
        ),
      )
      .for('update');
    if (!en) throw new AppError('NOT_FOUND');
    if (en.principalDecision !== 'pending' || en.status !== 'pending') throw new AppError('TRAINING_DECISION_NOT_PENDING');
    en.principalDecision = decision === 'approve' ? 'approved' : 'rejected';
    const next = await settle(tx, en);
    const [row] = await tx
      .update(e)
      .set({ principalDecision: en.principalDecision, ...next, updatedAt: new Date() })
      .where(eq(e.id, en.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: `training.enrolment.principal_${decision}`,
      targetType: 'training_enrolment',
      targetId: en.id,
      jurisdictionId: en.jurisdictionId,
      schoolId: en.schoolId,
      details: { status: row.status },
    });
    return presentEnrolment(row);
  });
}

/** A teacher leaves; a freed place goes to the first on the waitlist. */
export async function withdraw(ctx: Ctx, enrolmentId: string) {
  return ctx.db.transaction(async (tx) => {
    const [en] = await tx
      .select()
      .from(e)
      .where(and(eq(e.id, enrolmentId), eq(e.userId, ctx.actor.id ?? sql`NULL`)))
      .for('update');
    if (!en) throw new AppError('NOT_FOUND');
    if (en.status === 'completed' || en.status === 'withdrawn') throw new AppError('CONFLICT');
    const [row] = await tx
      .update(e)
      .set({ status: 'withdrawn', waitlistedAt: null, updatedAt: new Date() })
      .where(eq(e.id, en.id))
      .returning();
    const promoted = en.status === 'enrolled' ? await promoteWaitlist(tx, en.programmeId, en.cohortId) : [];
    await recordAudit(tx, ctx.actor, {
      action: 'training.enrolment.withdraw',
      targetType: 'training_enrolment',
      targetId: en.id,
      jurisdictionId: en.jurisdictionId,
      schoolId: en.schoolId,
      details: { promoted },
    });
    return presentEnrolment(row);
  });
}

const who = { displayName: users.displayName, schoolNames: schools.names };

/** The cohort as its organiser sees it: names and schools of those who enrolled (they shared them by enrolling). */
export async function listEnrolments(ctx: Ctx, programmeId: string) {
  await managedProgramme(ctx.db, ctx.actor, programmeId);
  const rows = await ctx.db
    .select({ en: e, ...who })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .leftJoin(schools, eq(schools.id, e.schoolId))
    .where(eq(e.programmeId, programmeId))
    .orderBy(asc(e.createdAt))
    .limit(2000);
  return { items: rows.map((r) => presentEnrolment(r.en, r)) };
}

/** Requests waiting for this principal's approval: teachers of their own school only. */
export async function listPrincipalApprovals(ctx: Ctx) {
  requireRole(ctx.actor, trainingPolicy.principalApproval);
  const rows = await ctx.db
    .select({ en: e, ...who, title: trainingProgrammes.title })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, e.programmeId))
    .leftJoin(schools, eq(schools.id, e.schoolId))
    .where(
      and(
        eq(e.principalDecision, 'pending'),
        eq(e.status, 'pending'),
        rowsInScope(ctx.actor, trainingPolicy.principalApproval, { schoolId: e.schoolId, jurisdictionId: e.jurisdictionId }),
      ),
    )
    .orderBy(asc(e.createdAt))
    .limit(200);
  return { items: rows.map((r) => ({ ...presentEnrolment(r.en, r), programmeTitle: r.title })) };
}
