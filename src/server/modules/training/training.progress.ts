import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CompletionProgress } from './training.completion.ts';
import { trainingAssignments, trainingAttendance, trainingEnrolments, trainingSessions, trainingSubmissions } from './training.schema.ts';

/**
 * Counts, for each of `userIds` in one programme, what completion rules look at: sessions held so far,
 * sessions attended among them, distinct assignments passed, and the reflection.
 */
export async function progressFor(
  db: DbOrTx,
  programmeId: string,
  userIds: string[],
  now = new Date(),
): Promise<Map<string, CompletionProgress>> {
  const result = new Map<string, CompletionProgress>();
  if (!userIds.length) return result;
  // Each teacher is measured against the sessions of their own cohort.
  const cohortOfUser = new Map(
    (
      await db
        .select({ userId: trainingEnrolments.userId, cohortId: trainingEnrolments.cohortId })
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.programmeId, programmeId), inArray(trainingEnrolments.userId, userIds)))
    ).map((r) => [r.userId, r.cohortId]),
  );
  const heldRows = await db
    .select({ cohortId: trainingSessions.cohortId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.programmeId, programmeId), lte(trainingSessions.startsAt, now)))
    .groupBy(trainingSessions.cohortId);
  const heldIn = new Map(heldRows.map((r) => [r.cohortId, r.n]));
  const [reflection] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(trainingAssignments)
    .where(and(eq(trainingAssignments.programmeId, programmeId), eq(trainingAssignments.kind, 'reflection')));
  const attended = await db
    .select({ userId: trainingAttendance.userId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(
      trainingEnrolments,
      and(eq(trainingEnrolments.id, trainingAttendance.enrolmentId), eq(trainingEnrolments.cohortId, trainingSessions.cohortId)),
    )
    .where(
      and(
        eq(trainingSessions.programmeId, programmeId),
        lte(trainingSessions.startsAt, now),
        eq(trainingAttendance.present, true),
        inArray(trainingAttendance.userId, userIds),
      ),
    )
    .groupBy(trainingAttendance.userId);
  const passed = await db
    .select({
      userId: trainingSubmissions.userId,
      assignments:
        sql<number>`count(distinct ${trainingSubmissions.assignmentId}) filter (where ${trainingAssignments.kind} = 'assignment')`.mapWith(
          Number,
        ),
      reflections:
        sql<number>`count(distinct ${trainingSubmissions.assignmentId}) filter (where ${trainingAssignments.kind} = 'reflection')`.mapWith(
          Number,
        ),
    })
    .from(trainingSubmissions)
    .innerJoin(trainingAssignments, eq(trainingAssignments.id, trainingSubmissions.assignmentId))
    .where(
      and(
        eq(trainingSubmissions.programmeId, programmeId),
        eq(trainingSubmissions.status, 'passed'),
        inArray(trainingSubmissions.userId, userIds),
      ),
    )
    .groupBy(trainingSubmissions.userId);
  const att = new Map(attended.map((r) => [r.userId, r.n]));
  const pas = new Map(passed.map((r) => [r.userId, r]));
  for (const id of userIds) {
    result.set(id, {
      sessionsHeld: heldIn.get(cohortOfUser.get(id) ?? '') ?? 0,
      sessionsAttended: att.get(id) ?? 0,
      assignmentsPassed: pas.get(id)?.assignments ?? 0,
      reflectionDefined: reflection.n > 0,
      reflectionPassed: (pas.get(id)?.reflections ?? 0) > 0,
    });
  }
  return result;
}
