import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { CreateCohortBody } from '../../../shared/api/training.ts';
import { managedProgramme } from './training.programmes.service.ts';
import { trainingCohorts as k, trainingEnrolments as e, trainingProgrammes } from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type Programme = typeof trainingProgrammes.$inferSelect;
export type Cohort = typeof k.$inferSelect;

/** The name a programme's first cohort gets, in the programme's own language. */
export const defaultCohortName = (language: string) => (language === 'en' ? 'Cohort 1' : '第一期');

/** Every programme starts with one cohort carrying its capacity and organiser (inside the creating transaction). */
export async function createDefaultCohort(tx: DbOrTx, prog: Programme) {
  const [row] = await tx
    .insert(k)
    .values({
      programmeId: prog.id,
      name: defaultCohortName(prog.language),
      capacity: prog.capacity,
      organiserName: prog.organiserName,
      createdBy: prog.createdBy,
    })
    .returning();
  return row;
}

/**
 * The cohort of `programmeId` named by `cohortId`, or the programme's first cohort when none is named. A
 * cohort of another programme is NOT_FOUND: ids from elsewhere never leak in.
 */
export async function cohortOf(db: DbOrTx, programmeId: string, cohortId?: string | null): Promise<Cohort> {
  const [row] = await db
    .select()
    .from(k)
    .where(and(eq(k.programmeId, programmeId), cohortId ? eq(k.id, cohortId) : undefined))
    .orderBy(asc(k.createdAt), asc(k.id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function presentCohort(c: Cohort, counts?: { enrolled: number; waitlisted: number }) {
  return {
    id: c.id,
    programmeId: c.programmeId,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    capacity: c.capacity,
    organiserName: c.organiserName,
    enrolled: counts?.enrolled ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
  };
}

/** The cohorts of some programmes with their seat counts, oldest first. */
export async function cohortsFor(db: DbOrTx, programmeIds: string[]) {
  if (!programmeIds.length) return [];
  const rows = await db.select().from(k).where(inArray(k.programmeId, programmeIds)).orderBy(asc(k.createdAt), asc(k.id));
  const counts = await db
    .select({
      cohortId: e.cohortId,
      enrolled: sql<number>`count(*) filter (where ${e.status} in ('enrolled', 'completed'))`.mapWith(Number),
      waitlisted: sql<number>`count(*) filter (where ${e.status} = 'waitlisted')`.mapWith(Number),
    })
    .from(e)
    .where(inArray(e.programmeId, programmeIds))
    .groupBy(e.cohortId);
  const byId = new Map(counts.map((c) => [c.cohortId, c]));
  return rows.map((c) => presentCohort(c, byId.get(c.id)));
}

/** An organiser opens another cohort of a programme (e.g. a second intake in Hong Kong). */
export async function addCohort(ctx: Ctx, programmeId: string, input: CreateCohortBody) {
  const prog = await managedProgramme(ctx.db, ctx.actor, programmeId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(k)
      .values({
        programmeId,
        name: input.name,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        capacity: input.capacity ?? null,
        organiserName: input.organiserName || prog.organiserName,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.cohort.create',
      targetType: 'training_cohort',
      targetId: row.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { programmeId, name: row.name, capacity: row.capacity },
    });
    return presentCohort(row);
  });
}
