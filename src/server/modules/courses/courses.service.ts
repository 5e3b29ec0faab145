import { and, asc, desc, eq, ilike, inArray, isNotNull, sql } from 'drizzle-orm';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { resources } from '../library/library.schema.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { CourseAdoptionView, CreateCourseBody, CourseView, UpdateCourseBody, VisibleCourseView } from '../../../shared/api/courses.ts';
import type { Role } from '../../../shared/roles.ts';
import { checkVersion, coursesVisibleTo, teamRole, managedCourse, readableCourse, writableCourse } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { coursesPolicy } from './courses.policy.ts';
import { presentCourseSummary, presentOutline, presentTeamMember } from './courses.present.ts';
import { courseLessons, courseMembers, courses, courseUnits } from './courses.schema.ts';

/** The place a new course (or fork) belongs to: the actor's school for `roles`, else their jurisdiction. */
export function homePlace(
  actor: Actor,
  roles: readonly Role[],
  wantedSchoolId?: string,
): { schoolId: string | null; jurisdictionId: string } {
  const places = placesFor(actor, roles);
  if (wantedSchoolId) {
    const p = places.find((x) => x.schoolId === wantedSchoolId);
    if (!p) throw new AppError('FORBIDDEN');
    return { schoolId: p.schoolId, jurisdictionId: p.jurisdictionId };
  }
  const p = places.find((x) => x.schoolId) ?? places[0];
  if (!p) throw new AppError('FORBIDDEN');
  return { schoolId: p.schoolId, jurisdictionId: p.jurisdictionId };
}

export async function createCourse(ctx: CoursesCtx, input: CreateCourseBody) {
  requireRole(ctx.actor, coursesPolicy.author);
  const place = homePlace(ctx.actor, coursesPolicy.author);
  return ctx.db.transaction(async (tx) => {
    const id = newId();
    // A first edition is its own edition group.
    const [course] = await tx
      .insert(courses)
      .values({ ...input, id, ownerId: ctx.actor.id!, ...place, editionGroupId: id })
      .returning();
    await tx.insert(courseMembers).values({ courseId: course.id, userId: ctx.actor.id!, role: 'owner' });
    await recordAudit(tx, ctx.actor, {
      action: 'course.create',
      targetType: 'course',
      targetId: course.id,
      ...place,
      details: { title: course.title },
    });
    return presentCourseSummary(course, 'owner');
  });
}

/** Courses the actor is on the team of, newest change first. */
export async function listMyCourses(ctx: CoursesCtx) {
  if (!ctx.actor.id) return { items: [] };
  const rows = await ctx.db
    .select({ course: courses, role: courseMembers.role, resourceStatus: resources.status })
    .from(courses)
    .innerJoin(courseMembers, and(eq(courseMembers.courseId, courses.id), eq(courseMembers.userId, ctx.actor.id)))
    .leftJoin(resources, eq(resources.id, courses.libraryResourceId))
    .orderBy(desc(courses.updatedAt))
    .limit(200);
  return { items: rows.map((r) => presentCourseSummary(r.course, r.role, r.resourceStatus)) };
}

export async function getCourse(ctx: CoursesCtx, id: string): Promise<CourseView> {
  const { course, role } = await readableCourse(ctx.db, ctx.actor, id);
  const [units, lessons, team, editions, resource, prerequisites, adoption] = await Promise.all([
    ctx.db.select().from(courseUnits).where(eq(courseUnits.courseId, id)).orderBy(asc(courseUnits.position)),
    ctx.db.select().from(courseLessons).where(eq(courseLessons.courseId, id)).orderBy(asc(courseLessons.position)),
    ctx.db
      .select({
        userId: courseMembers.userId,
        role: courseMembers.role,
        displayName: users.displayName,
        username: users.username,
        schoolName: sql<string | null>`${schools.names}->>'en'`,
        jurisdictionCode: jurisdictions.code,
      })
      .from(courseMembers)
      .innerJoin(users, eq(users.id, courseMembers.userId))
      .leftJoin(schools, eq(schools.id, users.schoolId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
      .where(eq(courseMembers.courseId, id))
      .orderBy(asc(courseMembers.createdAt)),
    ctx.db
      .select({ id: courses.id, language: courses.language, title: courses.title })
      .from(courses)
      .where(and(eq(courses.editionGroupId, course.editionGroupId), coursesVisibleTo(ctx.actor))),
    course.libraryResourceId
      ? ctx.db.select({ status: resources.status }).from(resources).where(eq(resources.id, course.libraryResourceId))
      : Promise.resolve([]),
    course.prerequisiteIds.length
      ? ctx.db
          .select({ id: courses.id, title: courses.title })
          .from(courses)
          .where(and(inArray(courses.id, course.prerequisiteIds), coursesVisibleTo(ctx.actor)))
      : Promise.resolve([]),
    adoptionOf(ctx, course),
  ]);
  const titles = new Map(prerequisites.map((p) => [p.id, p.title]));
  return {
    ...presentCourseSummary(course, role, resource[0]?.status),
    prerequisiteIds: course.prerequisiteIds,
    outlineVersion: course.outlineVersion,
    units: presentOutline(units, lessons),
    team: team.map(presentTeamMember),
    editions,
    prerequisites: course.prerequisiteIds.filter((p) => titles.has(p)).map((p) => ({ id: p, title: titles.get(p)! })),
    adoption,
  };
}

/**
 * Where the reader could adopt the course (schools where they may adopt, other than the course's own) and
 * the copies those schools already have, so the page offers "adopt" once per school and links the copy.
 */
async function adoptionOf(ctx: CoursesCtx, course: { id: string; schoolId: string | null }): Promise<CourseAdoptionView> {
  const mine = [...new Set(placesFor(ctx.actor, coursesPolicy.adoptForSchool).flatMap((p) => (p.schoolId ? [p.schoolId] : [])))];
  const schoolIds = mine.filter((s) => s !== course.schoolId);
  if (!schoolIds.length) return { schoolIds, copies: [] };
  const copies = await ctx.db
    .select({
      id: courses.id,
      schoolId: courses.schoolId,
      title: courses.title,
      canOpen: sql<boolean>`${coursesVisibleTo(ctx.actor)}`,
    })
    .from(courses)
    .where(and(eq(courses.upstreamCourseId, course.id), isNotNull(courses.schoolId), inArray(courses.schoolId, schoolIds)))
    .orderBy(asc(courses.createdAt));
  return { schoolIds, copies: copies.map((c) => ({ ...c, canOpen: !!c.canOpen })) };
}

/** Courses the reader may see (team or library audience), by title: the choices for prerequisites. */
export async function listVisibleCourses(ctx: CoursesCtx, query: { q?: string }): Promise<{ items: VisibleCourseView[] }> {
  const where = [coursesVisibleTo(ctx.actor)];
  if (query.q) where.push(ilike(courses.title, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await ctx.db
    .select({
      id: courses.id,
      title: courses.title,
      language: courses.language,
      gradeBand: courses.gradeBand,
      schoolId: courses.schoolId,
    })
    .from(courses)
    .where(and(...where))
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(200);
  return { items: rows };
}

/**
 * Prerequisites must name other courses the writer can see, and must not make a loop (A needs B needs A):
 * the map of K-12 progression would otherwise have no first course. The walk follows every course's
 * prerequisites, seen or not, since a loop through a course the writer cannot see is still a loop.
 */
async function checkPrerequisites(tx: DbOrTx, ctx: CoursesCtx, id: string, wanted: string[]) {
  if (wanted.includes(id)) throw new AppError('COURSE_PREREQUISITE_INVALID');
  const seen = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(inArray(courses.id, wanted), coursesVisibleTo(ctx.actor)));
  if (seen.length !== new Set(wanted).size) throw new AppError('COURSE_PREREQUISITE_INVALID');
  const visited = new Set<string>();
  let frontier = [...new Set(wanted)];
  while (frontier.length) {
    frontier.forEach((f) => visited.add(f));
    const rows = await tx.select({ prerequisiteIds: courses.prerequisiteIds }).from(courses).where(inArray(courses.id, frontier));
    const next = new Set(rows.flatMap((r) => r.prerequisiteIds));
    if (next.has(id)) throw new AppError('COURSE_PREREQUISITE_CYCLE');
    frontier = [...next].filter((n) => !visited.has(n));
  }
}

export async function updateCourse(ctx: CoursesCtx, id: string, expectedVersion: number | undefined, patch: UpdateCourseBody) {
  return ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, id);
    checkVersion(course.version, expectedVersion);
    if (patch.prerequisiteIds?.length) {
      await checkPrerequisites(tx, ctx, id, patch.prerequisiteIds);
      patch = { ...patch, prerequisiteIds: [...new Set(patch.prerequisiteIds)] };
    }
    const [row] = await tx
      .update(courses)
      .set({ ...patch, version: course.version + 1, updatedAt: new Date() })
      .where(eq(courses.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'course.update',
      targetType: 'course',
      targetId: id,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { fields: Object.keys(patch) },
    });
    return presentCourseSummary(row, await teamRole(tx, ctx.actor, id));
  });
}

export async function deleteCourse(ctx: CoursesCtx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const course = await managedCourse(tx, ctx.actor, id);
    if (course.status !== 'draft') throw new AppError('COURSE_NOT_DRAFT');
    await tx.delete(courses).where(eq(courses.id, id));
    await recordAudit(tx, ctx.actor, {
      action: 'course.delete',
      targetType: 'course',
      targetId: id,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { title: course.title },
    });
  });
}

/** Marks a course changed (its `updatedAt` orders "my courses"); call inside the writing transaction. */
export async function touchCourse(tx: Pick<CoursesCtx['db'], 'update'>, id: string) {
  await tx.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, id));
}

/** Marks the outline's shape as changed (a unit or lesson added, removed or moved): see `outlineVersion`. */
export async function bumpOutline(tx: Pick<CoursesCtx['db'], 'update'>, id: string) {
  await tx
    .update(courses)
    .set({ outlineVersion: sql`${courses.outlineVersion} + 1`, updatedAt: new Date() })
    .where(eq(courses.id, id));
}
