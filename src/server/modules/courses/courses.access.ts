import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { CourseRole } from '../../../shared/courses.ts';
import { resourceAudience } from '../library/library.resource-store.ts';
import { resources } from '../library/library.schema.ts';
import { visibleWhere } from '../search/search.visibility.ts';
import { coursesPolicy } from './courses.policy.ts';
import { courseMembers, courses } from './courses.schema.ts';

export type CourseRow = typeof courses.$inferSelect;

/**
 * Who may see a course: its team always; beyond the team, whoever may see the library resource that
 * publishes it — the library's visibility levels and review workflow decide (reviewers of a pending
 * submission see it to review it; once approved, the level's audience). Unpublished courses of other
 * teams answer 404 — a probe learns nothing.
 */
export function coursesVisibleTo(actor: Actor): SQL {
  const viaLibrary = sql`EXISTS (SELECT 1 FROM ${resources} WHERE ${resources.id} = ${courses.libraryResourceId} AND ${visibleWhere(actor, resourceAudience)})`;
  if (!actor.id) return viaLibrary;
  return sql`(${viaLibrary} OR EXISTS (SELECT 1 FROM ${courseMembers} WHERE ${courseMembers.courseId} = ${courses.id} AND ${courseMembers.userId} = ${actor.id}))`;
}

export async function teamRole(db: DbOrTx, actor: Actor, courseId: string): Promise<CourseRole | null> {
  if (!actor.id) return null;
  const [m] = await db
    .select({ role: courseMembers.role })
    .from(courseMembers)
    .where(and(eq(courseMembers.courseId, courseId), eq(courseMembers.userId, actor.id)));
  return m?.role ?? null;
}

/** The course and the actor's part in it, if they may see it; NOT_FOUND otherwise. */
export async function readableCourse(db: DbOrTx, actor: Actor, id: string): Promise<{ course: CourseRow; role: CourseRole | null }> {
  const [course] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.id, id), coursesVisibleTo(actor)));
  if (!course) throw new AppError('NOT_FOUND');
  return { course, role: await teamRole(db, actor, id) };
}

/** The course if the actor may write it (owner, co-author). Seen but not writable → FORBIDDEN. */
export async function writableCourse(db: DbOrTx, actor: Actor, id: string): Promise<CourseRow> {
  const { course, role } = await readableCourse(db, actor, id);
  if (!role || !coursesPolicy.write.includes(role)) throw new AppError('FORBIDDEN');
  return course;
}

/** The course if the actor manages it (owner). */
export async function managedCourse(db: DbOrTx, actor: Actor, id: string): Promise<CourseRow> {
  const { course, role } = await readableCourse(db, actor, id);
  if (!role || !coursesPolicy.manage.includes(role)) throw new AppError('FORBIDDEN');
  return course;
}

/** Optimistic concurrency (If-Match): the caller's version must be the stored one. */
export function checkVersion(stored: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== stored) throw new AppError('VERSION_CONFLICT');
}
