import { and, asc, desc, eq, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, type Actor } from '../identity/identity.access.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import type { CatalogueQuery, CreateAssignmentBody, CreateProgrammeBody, CreateSessionBody } from '../../../shared/api/training.ts';
import { programmesManagedBy, programmesVisibleTo } from './training.access.ts';
import { cohortOf, cohortsFor, createDefaultCohort } from './training.cohorts.service.ts';
import { competenciesByIds } from './training.frameworks.service.ts';
import { ORGANISER_ROLES, trainingPolicy } from './training.policy.ts';
import { scheduleSessionReminder } from './training.reminders.ts';
import { presentAssignment, presentCompetency, presentProgramme, presentSession } from './training.present.ts';
import { trainingAssignments, trainingEnrolments, trainingProgrammes as p, trainingSessions } from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type Programme = typeof p.$inferSelect;

/** The programme if the actor may see it; NOT_FOUND otherwise (as if it did not exist). */
export async function visibleProgramme(db: DbOrTx, actor: Actor, id: string): Promise<Programme> {
  const [row] = await db
    .select()
    .from(p)
    .where(and(eq(p.id, id), programmesVisibleTo(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The programme if the actor manages it. Seen but not managed → FORBIDDEN; not seen → NOT_FOUND. */
export async function managedProgramme(db: DbOrTx, actor: Actor, id: string): Promise<Programme> {
  const [row] = await db
    .select()
    .from(p)
    .where(and(eq(p.id, id), programmesManagedBy(actor)));
  if (row) return row;
  await visibleProgramme(db, actor, id);
  throw new AppError('FORBIDDEN');
}

export async function canManage(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: p.id })
    .from(p)
    .where(and(eq(p.id, id), programmesManagedBy(actor)));
  return !!row;
}

/**
 * Creates a programme run by the actor's place: the given school (school organisers), else the actor's
 * authority unit or jurisdiction. Drafts are seen only by their organisers until published.
 */
export async function createProgramme(ctx: Ctx, input: CreateProgrammeBody) {
  requireRole(ctx.actor, ORGANISER_ROLES);
  let owner: { jurisdictionId: string; authorityUnitId: string | null; schoolId: string | null };
  if (input.ownerSchoolId) {
    const school = await getSchoolInScope(ctx.db, ctx.actor, ORGANISER_ROLES, input.ownerSchoolId);
    owner = { jurisdictionId: school.jurisdictionId, authorityUnitId: school.authorityUnitId, schoolId: school.id };
  } else {
    const area = placesFor(ctx.actor, trainingPolicy.organiseAtArea).find((m) => !m.schoolId);
    if (area) owner = { jurisdictionId: area.jurisdictionId, authorityUnitId: area.authorityUnitId, schoolId: null };
    else {
      const school = await getSchoolInScope(
        ctx.db,
        ctx.actor,
        ORGANISER_ROLES,
        placesFor(ctx.actor, trainingPolicy.organiseAtSchool)[0].schoolId!,
      );
      owner = { jurisdictionId: school.jurisdictionId, authorityUnitId: school.authorityUnitId, schoolId: school.id };
    }
  }
  const comps = await competenciesByIds(ctx.db, input.competencyIds);
  if (comps.length !== new Set(input.competencyIds).size) throw new AppError('TRAINING_COMPETENCY_UNKNOWN');
  const { ownerSchoolId: _o, publish, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(p)
      .values({
        ...fields,
        ...owner,
        competencyIds: [...new Set(input.competencyIds)],
        status: publish ? 'published' : 'draft',
        createdBy: ctx.actor.id,
      })
      .returning();
    await createDefaultCohort(tx, row);
    await recordAudit(tx, ctx.actor, {
      action: 'training.programme.create',
      targetType: 'training_programme',
      targetId: row.id,
      jurisdictionId: owner.jurisdictionId,
      schoolId: owner.schoolId,
      details: { title: row.title, visibility: row.visibility, status: row.status },
    });
    return presentProgramme(row, { enrolled: 0, waitlisted: 0 });
  });
}

export async function publishProgramme(ctx: Ctx, id: string) {
  const row = await managedProgramme(ctx.db, ctx.actor, id);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(p)
      .set({ status: 'published', version: sql`${p.version} + 1`, updatedAt: new Date() })
      .where(eq(p.id, row.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.programme.publish',
      targetType: 'training_programme',
      targetId: id,
      jurisdictionId: row.jurisdictionId,
      schoolId: row.schoolId,
    });
    return presentProgramme(updated, await countsFor(tx, [id]).then((m) => m.get(id)));
  });
}

async function countsFor(db: DbOrTx, ids: string[]) {
  const map = new Map<string, { enrolled: number; waitlisted: number }>();
  if (!ids.length) return map;
  const rows = await db
    .select({
      programmeId: trainingEnrolments.programmeId,
      enrolled: sql<number>`count(*) filter (where ${trainingEnrolments.status} in ('enrolled', 'completed'))`.mapWith(Number),
      waitlisted: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'waitlisted')`.mapWith(Number),
    })
    .from(trainingEnrolments)
    .where(inArray(trainingEnrolments.programmeId, ids))
    .groupBy(trainingEnrolments.programmeId);
  for (const r of rows) map.set(r.programmeId, { enrolled: r.enrolled, waitlisted: r.waitlisted });
  return map;
}

/** The catalogue: programmes the actor may see, filtered by tier, category, competency, mode and words. */
export async function listProgrammes(ctx: Ctx, q: CatalogueQuery) {
  const where: (SQL | undefined)[] = [
    q.managed ? programmesManagedBy(ctx.actor) : programmesVisibleTo(ctx.actor),
    q.tier ? eq(p.tier, q.tier) : undefined,
    q.category ? eq(p.category, q.category) : undefined,
    q.competencyId ? sql`${p.competencyIds} @> ARRAY[${q.competencyId}::uuid]` : undefined,
    q.mode
      ? sql`EXISTS (SELECT 1 FROM ${trainingSessions} WHERE ${trainingSessions.programmeId} = ${p.id} AND ${trainingSessions.mode} = ${q.mode})`
      : undefined,
    q.q ? ilike(p.title, `%${q.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`) : undefined,
    q.cursor ? lt(p.id, q.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(p)
    .where(and(...where))
    .orderBy(desc(p.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const counts = await countsFor(
    ctx.db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => presentProgramme(r, counts.get(r.id))),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}

/** The programme page: facts, sessions, assignments, targeted competencies, the actor's own enrolment. */
export async function getProgramme(ctx: Ctx, id: string) {
  const row = await visibleProgramme(ctx.db, ctx.actor, id);
  const [sessions, assignments, comps, counts, manage, mine, cohorts] = await Promise.all([
    ctx.db.select().from(trainingSessions).where(eq(trainingSessions.programmeId, id)).orderBy(asc(trainingSessions.startsAt)),
    ctx.db.select().from(trainingAssignments).where(eq(trainingAssignments.programmeId, id)).orderBy(asc(trainingAssignments.createdAt)),
    competenciesByIds(ctx.db, row.competencyIds),
    countsFor(ctx.db, [id]),
    canManage(ctx.db, ctx.actor, id),
    ctx.actor.id
      ? ctx.db
          .select({
            id: trainingEnrolments.id,
            status: trainingEnrolments.status,
            principalDecision: trainingEnrolments.principalDecision,
            organiserDecision: trainingEnrolments.organiserDecision,
            cohortId: trainingEnrolments.cohortId,
          })
          .from(trainingEnrolments)
          .where(and(eq(trainingEnrolments.programmeId, id), eq(trainingEnrolments.userId, ctx.actor.id)))
      : Promise.resolve([]),
    cohortsFor(ctx.db, [id]),
  ]);
  const myCohort = mine[0] && mine[0].status !== 'withdrawn' && mine[0].status !== 'rejected' ? mine[0].cohortId : null;
  return {
    ...presentProgramme(row, counts.get(id)),
    competencies: comps.sort((a, b) => a.position - b.position).map(presentCompetency),
    // A teacher sees the sessions of their own cohort; organisers and visitors see all.
    sessions: sessions
      .filter((s) => manage || !myCohort || s.cohortId === myCohort)
      .map((s) => presentSession(s, manage || mine[0]?.status === 'enrolled' || mine[0]?.status === 'completed')),
    cohorts,
    assignments: assignments.map(presentAssignment),
    myEnrolment: mine[0] ?? null,
    canManage: manage,
  };
}

export async function addSession(ctx: Ctx, programmeId: string, input: CreateSessionBody) {
  const prog = await managedProgramme(ctx.db, ctx.actor, programmeId);
  const cohort = await cohortOf(ctx.db, programmeId, input.cohortId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        programmeId,
        cohortId: cohort.id,
        title: input.title,
        mode: input.mode,
        link: input.mode === 'online' ? input.link! : null,
        venue: input.mode === 'onsite' ? input.venue! : null,
        capacity: input.capacity ?? null,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        reminderMinutesBefore: input.reminderMinutesBefore,
      })
      .returning();
    await scheduleSessionReminder(tx, row);
    await recordAudit(tx, ctx.actor, {
      action: 'training.session.create',
      targetType: 'training_session',
      targetId: row.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
    });
    return presentSession(row, true);
  });
}

export async function addAssignment(ctx: Ctx, programmeId: string, input: CreateAssignmentBody) {
  const prog = await managedProgramme(ctx.db, ctx.actor, programmeId);
  const max = input.rubric.reduce((s, c) => s + c.maxPoints, 0);
  if (input.passMark > max)
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.passMark', code: 'too_big', message: `pass mark above the rubric total (${max})` }],
    });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingAssignments)
      .values({
        programmeId,
        title: input.title,
        instructions: input.instructions,
        kind: input.kind,
        rubric: input.rubric,
        passMark: input.passMark,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.assignment.create',
      targetType: 'training_assignment',
      targetId: row.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
    });
    return presentAssignment(row);
  });
}
