import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { placesFor, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { schools } from '../tenancy/tenancy.schema.ts';

/**
 * Which students' growth data an actor reaches, as a SQL condition on any row that carries a student id
 * and a school id (records, evidence, users). Built on the one membership helper (identity.access.ts):
 *
 * - a student: their own rows, at a school where they hold the student role;
 * - a teacher: students of the classes they teach (enrolled as teacher) or lead (homeroom), at a school
 *   where they hold the teacher role;
 * - a principal: every student of their school.
 *
 * Bureaus get nothing here: they read aggregates only (growth.aggregates.service.ts).
 *
 * @example db.select().from(growthRecords).where(and(eq(growthRecords.id, id), studentRowsInScope(actor, growthRecords)))
 */
export function studentRowsInScope(actor: Actor, cols: { studentId: AnyColumn; schoolId: AnyColumn }): SQL {
  if (!actor.id) return sql`false`;
  const parts: SQL[] = [];
  if (placesFor(actor, ['student']).length) {
    parts.push(sql`(${cols.studentId} = ${actor.id}::uuid AND ${schoolIn(actor, 'student', cols.schoolId)})`);
  }
  if (placesFor(actor, ['teacher']).length) {
    parts.push(sql`(${schoolIn(actor, 'teacher', cols.schoolId)} AND ${cols.studentId} IN (${taughtStudents(actor.id)}))`);
  }
  if (placesFor(actor, ['principal']).length) parts.push(schoolIn(actor, 'principal', cols.schoolId));
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

function schoolIn(actor: Actor, role: 'student' | 'teacher' | 'principal', schoolId: AnyColumn): SQL {
  return sql`${schoolId} IN (SELECT ${schools.id} FROM ${schools} WHERE ${schoolsInScope(actor, [role])})`;
}

/** Students of the classes a teacher teaches or leads as class teacher (班主任). */
function taughtStudents(teacherId: string): SQL {
  return sql`SELECT s.user_id FROM class_enrollments s
      JOIN class_enrollments t ON t.class_id = s.class_id AND t.role = 'teacher' AND t.user_id = ${teacherId}::uuid
      WHERE s.role = 'student'
    UNION
    SELECT s.user_id FROM class_enrollments s JOIN classes c ON c.id = s.class_id
      WHERE s.role = 'student' AND c.homeroom_teacher_id = ${teacherId}::uuid`;
}

/** How the actor stands to one student's record; write rules read it (growth.stages.service.ts). */
export interface Relation {
  self: boolean;
  /** Teaches or leads one of the student's classes. */
  teacher: boolean;
  /** Class teacher (班主任) of the class the record was opened in. */
  classTeacher: boolean;
  principal: boolean;
  /** A fellow student of one of the student's classes. */
  classmate: boolean;
}

/** One round trip: the actor's relation to a student (and the record's class). */
export async function relationTo(
  db: DbOrTx,
  actor: Actor,
  target: { studentId: string; schoolId: string; classId: string | null },
): Promise<Relation> {
  const none: Relation = { self: false, teacher: false, classTeacher: false, principal: false, classmate: false };
  if (!actor.id) return none;
  const heldAt = (role: 'student' | 'teacher' | 'principal') => placesFor(actor, [role]).some((p) => p.schoolId === target.schoolId);
  const result = await db.execute<{ teacher: boolean; class_teacher: boolean; classmate: boolean }>(sql`
    SELECT
      EXISTS (${taughtStudentsWhere(actor.id, target.studentId)}) AS teacher,
      EXISTS (SELECT 1 FROM classes c WHERE c.id = ${target.classId}::uuid AND c.homeroom_teacher_id = ${actor.id}::uuid) AS class_teacher,
      EXISTS (SELECT 1 FROM class_enrollments me JOIN class_enrollments them ON them.class_id = me.class_id
              WHERE me.user_id = ${actor.id}::uuid AND me.role = 'student'
                AND them.user_id = ${target.studentId}::uuid AND them.role = 'student'
                AND me.user_id <> them.user_id) AS classmate`);
  const row = (result as unknown as { rows: { teacher: boolean; class_teacher: boolean; classmate: boolean }[] }).rows[0];
  return {
    self: actor.id === target.studentId && heldAt('student'),
    teacher: heldAt('teacher') && row.teacher,
    classTeacher: heldAt('teacher') && row.class_teacher,
    principal: heldAt('principal'),
    classmate: heldAt('student') && row.classmate,
  };
}

function taughtStudentsWhere(teacherId: string, studentId: string): SQL {
  return sql`SELECT 1 FROM (${taughtStudents(teacherId)}) taught WHERE taught.user_id = ${studentId}::uuid`;
}
