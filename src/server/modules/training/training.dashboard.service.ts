import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { requireRole, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { TRAINING_TIERS } from '../../../shared/api/training.ts';
import { programmesManagedBy } from './training.access.ts';
import { cohortsFor } from './training.cohorts.service.ts';
import { trainingPolicy } from './training.policy.ts';
import {
  trainingAttendance,
  trainingCompetencies,
  trainingEnrolments as e,
  trainingProgrammes as p,
  trainingSubmissions,
} from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Training dashboard for bureaus and principals. The teachers counted are those holding a teacher role at
 * a school in the actor's scope — a principal's own school, a bureau's schools — and the scope is the WHERE
 * of every query. "Trained" = completed at least one programme in the year; "started" = enrolled or
 * completed (any year). Programmes the actor organises are shown in aggregate, whatever jurisdiction their
 * participants come from (counts only, no names).
 */
export async function trainingDashboard(ctx: Ctx, q: { year?: number; cohortId?: string }) {
  requireRole(ctx.actor, trainingPolicy.dashboard);
  const year = q.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const inScopeSchools = sql`(SELECT ${schools.id} FROM ${schools} WHERE ${schoolsInScope(ctx.actor, trainingPolicy.dashboard)})`;
  const teacherIds = sql`(SELECT ${memberships.userId} FROM ${memberships} WHERE ${memberships.role} = 'teacher' AND ${memberships.schoolId} IN ${inScopeSchools})`;

  const [schoolRows, teachers, enrolments] = await Promise.all([
    ctx.db
      .select({ id: schools.id, names: schools.names })
      .from(schools)
      .where(schoolsInScope(ctx.actor, trainingPolicy.dashboard))
      .orderBy(asc(schools.code))
      .limit(2000),
    ctx.db
      .selectDistinctOn([users.id], { id: users.id, displayName: users.displayName, schoolId: memberships.schoolId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'teacher'), sql`${memberships.schoolId} IN ${inScopeSchools}`, eq(users.status, 'active')))
      .orderBy(users.id),
    ctx.db
      .select({
        userId: e.userId,
        status: e.status,
        completedAt: e.completedAt,
        hours: e.hoursCredited,
        tier: p.tier,
        competencyIds: p.competencyIds,
      })
      .from(e)
      .innerJoin(p, eq(p.id, e.programmeId))
      .where(
        and(
          sql`${e.userId} IN ${teacherIds}`,
          inArray(e.status, ['enrolled', 'completed']),
          q.cohortId ? eq(e.cohortId, q.cohortId) : undefined,
        ),
      ),
  ]);

  const inYear = (d: Date | null) => !!d && new Date(d.getTime() + 8 * 3600_000).getUTCFullYear() === year;
  const started = new Set(enrolments.map((x) => x.userId));
  const completedRows = enrolments.filter((x) => x.status === 'completed' && inYear(x.completedAt));
  const trained = new Set(completedRows.map((x) => x.userId));
  const hours = completedRows.reduce((s, x) => s + (x.hours ?? 0), 0);

  const byTier = TRAINING_TIERS.map((tier) => {
    const rows = enrolments.filter((x) => x.tier === tier);
    const done = rows.filter((x) => x.status === 'completed');
    return { tier, enrolments: rows.length, completed: done.length, completionRate: share(done.length, rows.length) };
  });

  const bySchool = schoolRows
    .map((s) => {
      const ts = teachers.filter((t) => t.schoolId === s.id);
      const tTrained = ts.filter((t) => trained.has(t.id)).length;
      const tStarted = ts.filter((t) => started.has(t.id)).length;
      const tHours = completedRows.filter((x) => ts.some((t) => t.id === x.userId)).reduce((sum, x) => sum + (x.hours ?? 0), 0);
      return {
        schoolId: s.id,
        names: s.names,
        teachers: ts.length,
        started: tStarted,
        trained: tTrained,
        trainedShare: share(tTrained, ts.length),
        hours: tHours,
      };
    })
    .filter((s) => s.teachers > 0);

  const compCount = new Map<string, Set<string>>();
  for (const x of completedRows)
    for (const id of x.competencyIds) (compCount.get(id) ?? compCount.set(id, new Set()).get(id)!).add(x.userId);
  const comps = compCount.size
    ? await ctx.db
        .select()
        .from(trainingCompetencies)
        .where(inArray(trainingCompetencies.id, [...compCount.keys()]))
        .orderBy(asc(trainingCompetencies.position))
    : [];
  const byCompetency = comps.map((c) => ({
    competencyId: c.id,
    code: c.code,
    names: c.names,
    teachersTrained: compCount.get(c.id)!.size,
    share: share(compCount.get(c.id)!.size, teachers.length),
  }));

  const schoolName = new Map(schoolRows.map((s) => [s.id, s.names]));
  const notStarted = teachers
    .filter((t) => !started.has(t.id))
    .slice(0, 200)
    .map((t) => ({
      userId: t.id,
      displayName: t.displayName,
      schoolId: t.schoolId,
      school: t.schoolId ? (schoolName.get(t.schoolId) ?? null) : null,
    }));

  const allEnrolled = enrolments.length;
  const allCompleted = enrolments.filter((x) => x.status === 'completed').length;
  return {
    year,
    totals: {
      teachers: teachers.length,
      started: teachers.filter((t) => started.has(t.id)).length,
      trained: trained.size,
      startedShare: share(teachers.filter((t) => started.has(t.id)).length, teachers.length),
      trainedShare: share(trained.size, teachers.length),
      hours,
      completionRate: share(allCompleted, allEnrolled),
    },
    byTier,
    bySchool,
    byCompetency,
    notStarted,
    notStartedCount: teachers.filter((t) => !started.has(t.id)).length,
    cohortId: q.cohortId ?? null,
    organised: await organisedProgrammes(ctx, q.cohortId),
  };
}

/**
 * The programmes the actor runs, with cohort figures across all jurisdictions (aggregates only); with
 * `cohortId`, every figure counts that cohort only. Each programme lists its cohorts for the filter.
 */
async function organisedProgrammes(ctx: Ctx, cohortId?: string) {
  const progs = await ctx.db
    .select({ id: p.id, title: p.title, tier: p.tier, status: p.status })
    .from(p)
    .where(programmesManagedBy(ctx.actor))
    .orderBy(desc(p.id))
    .limit(100);
  if (!progs.length) return [];
  const ids = progs.map((x) => x.id);
  const inCohort = cohortId ? eq(e.cohortId, cohortId) : undefined;
  const [counts, attended, submitted, cohorts] = await Promise.all([
    ctx.db
      .select({
        programmeId: e.programmeId,
        enrolled: sql<number>`count(*) filter (where ${e.status} in ('enrolled', 'completed'))`.mapWith(Number),
        pending: sql<number>`count(*) filter (where ${e.status} = 'pending')`.mapWith(Number),
        completed: sql<number>`count(*) filter (where ${e.status} = 'completed')`.mapWith(Number),
        jurisdictions: sql<number>`count(distinct ${e.jurisdictionId}) filter (where ${e.status} in ('enrolled', 'completed'))`.mapWith(
          Number,
        ),
      })
      .from(e)
      .where(and(inArray(e.programmeId, ids), inCohort))
      .groupBy(e.programmeId),
    ctx.db
      .selectDistinct({ programmeId: e.programmeId, userId: trainingAttendance.userId })
      .from(trainingAttendance)
      .innerJoin(e, eq(e.id, trainingAttendance.enrolmentId))
      .where(and(inArray(e.programmeId, ids), eq(trainingAttendance.present, true), inCohort)),
    ctx.db
      .selectDistinct({ programmeId: trainingSubmissions.programmeId, userId: trainingSubmissions.userId })
      .from(trainingSubmissions)
      .innerJoin(e, and(eq(e.programmeId, trainingSubmissions.programmeId), eq(e.userId, trainingSubmissions.userId)))
      .where(and(inArray(trainingSubmissions.programmeId, ids), inCohort)),
    cohortsFor(ctx.db, ids),
  ]);
  return progs.map((x) => {
    const c = counts.find((r) => r.programmeId === x.id) ?? { enrolled: 0, pending: 0, completed: 0, jurisdictions: 0 };
    const active = new Set([...attended, ...submitted].filter((r) => r.programmeId === x.id).map((r) => r.userId)).size;
    return {
      ...x,
      enrolled: c.enrolled,
      pending: c.pending,
      completed: c.completed,
      jurisdictions: c.jurisdictions,
      active,
      activeShare: share(active, c.enrolled),
      completionRate: share(c.completed, c.enrolled),
      cohorts: cohorts.filter((k) => k.programmeId === x.id).map((k) => ({ id: k.id, name: k.name })),
    };
  });
}
