import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { classEnrollments, memberships, users } from '../identity/identity.schema.ts';
import { classes, schools } from '../tenancy/tenancy.schema.ts';
import type { Contest } from './contests.access.ts';
import { contestEntries, contestEntryMembers } from './contests.schema.ts';

/**
 * The checks a pupil passes to be on an entry, shared by registration and later team changes so the two can
 * never drift apart: an active student at a school, the school inside the contest's area (and the lead school
 * unless cross-school teams are allowed), a grade in one of the bands, and no other live entry in the round.
 */

/** Whether a school lies within the contest's area: under the organiser unit, or is the organiser school. */
export function schoolInArea(contest: Contest, school: { id: string; jurisdictionId: string; authorityPath: string[] }): boolean {
  if (school.jurisdictionId !== contest.jurisdictionId) return false;
  if (contest.organiserSchoolId) return school.id === contest.organiserSchoolId;
  return !!contest.organiserUnitId && school.authorityPath.includes(contest.organiserUnitId);
}

export interface EligiblePupil {
  id: string;
  schoolId: string;
  jurisdictionId: string;
}

/** The pupils as active students with a school, and their schools; NOT_FOUND when any id is not one. */
export async function activePupils(db: DbOrTx, ids: readonly string[]) {
  const rows = await db
    .select({ id: users.id, schoolId: users.schoolId, jurisdictionId: users.jurisdictionId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'student')))
    .where(and(inArray(users.id, [...ids]), eq(users.status, 'active')));
  const pupils = [...new Map(rows.map((r) => [r.id, r])).values()];
  if (pupils.length !== new Set(ids).size || pupils.some((p) => !p.schoolId)) throw new AppError('NOT_FOUND');
  const schoolRows = pupils.length
    ? await db
        .select()
        .from(schools)
        .where(
          inArray(
            schools.id,
            pupils.map((p) => p.schoolId!),
          ),
        )
    : [];
  return { pupils: pupils as EligiblePupil[], schools: schoolRows };
}

/** Every school inside the contest's area, and all of them the lead school unless the rules allow mixing. */
export function assertSchoolsAllowed(contest: Contest, schoolRows: readonly (typeof schools.$inferSelect)[], leadSchoolId: string) {
  for (const s of schoolRows) if (!schoolInArea(contest, s)) throw new AppError('CONTESTS_OUTSIDE_AREA');
  if (!contest.rules.crossSchoolTeams && schoolRows.some((s) => s.id !== leadSchoolId)) {
    throw new AppError('CONTESTS_CROSS_SCHOOL_NOT_ALLOWED');
  }
}

/** Each pupil's grade (that of their current class, the highest if several) lies in one of the contest's bands. */
export async function assertGradesInBands(db: DbOrTx, contest: Contest, ids: readonly string[]) {
  if (!ids.length) return;
  const grades = await db
    .select({ userId: classEnrollments.userId, grade: sql<number>`max(${classes.grade})`.mapWith(Number) })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(and(inArray(classEnrollments.userId, [...ids]), eq(classEnrollments.role, 'student')))
    .groupBy(classEnrollments.userId);
  const gradeOf = new Map(grades.map((g) => [g.userId, g.grade]));
  for (const id of ids) {
    const g = gradeOf.get(id);
    if (g === undefined || !contest.gradeBands.some((b) => g >= b.min && g <= b.max)) throw new AppError('CONTESTS_GRADE_INELIGIBLE');
  }
}

/** None of the pupils is already on a live entry of this round (checked inside the writing transaction). */
export async function assertNotRegistered(tx: DbOrTx, contestId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const [dupe] = await tx
    .select({ id: contestEntryMembers.id })
    .from(contestEntryMembers)
    .innerJoin(contestEntries, eq(contestEntries.id, contestEntryMembers.entryId))
    .where(
      and(
        eq(contestEntries.contestId, contestId),
        inArray(contestEntryMembers.userId, [...ids]),
        eq(contestEntryMembers.role, 'student'),
        inArray(contestEntries.status, ['registered', 'pending_confirmation']),
      ),
    );
  if (dupe) throw new AppError('CONTESTS_ALREADY_REGISTERED');
}
