import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CreateLessonBody, ReorderBody, UnitBody, UpdateLessonBody } from '../../../shared/api/courses.ts';
import { checkVersion, readableCourse, writableCourse, type CourseRow } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { coursesPolicy } from './courses.policy.ts';
import { presentLesson, presentOutline } from './courses.present.ts';
import { courseLessons, courses, courseUnits } from './courses.schema.ts';
import { bumpOutline, touchCourse } from './courses.service.ts';

type LessonRow = typeof courseLessons.$inferSelect;

const audit = (tx: DbOrTx, ctx: CoursesCtx, course: CourseRow, action: string, targetId: string, details: Record<string, unknown> = {}) =>
  recordAudit(tx, ctx.actor, {
    action,
    targetType: action.startsWith('course.unit') ? 'course_unit' : 'course_lesson',
    targetId,
    schoolId: course.schoolId,
    jurisdictionId: course.jurisdictionId,
    details: { courseId: course.id, ...details },
  });

async function nextPosition(tx: DbOrTx, table: typeof courseUnits | typeof courseLessons, where: ReturnType<typeof eq>) {
  const [r] = await tx
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table)
    .where(where);
  return (r?.max ?? -1) + 1;
}

export async function addUnit(ctx: CoursesCtx, courseId: string, input: UnitBody) {
  return ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const position = await nextPosition(tx, courseUnits, eq(courseUnits.courseId, courseId));
    const [unit] = await tx.insert(courseUnits).values({ courseId, title: input.title, position }).returning();
    await bumpOutline(tx, courseId);
    await audit(tx, ctx, course, 'course.unit.create', unit.id, { title: unit.title });
    return { id: unit.id, title: unit.title, position: unit.position, lessons: [] };
  });
}

export async function renameUnit(ctx: CoursesCtx, courseId: string, unitId: string, input: UnitBody) {
  return ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [unit] = await tx
      .update(courseUnits)
      .set({ title: input.title })
      .where(and(eq(courseUnits.id, unitId), eq(courseUnits.courseId, courseId)))
      .returning();
    if (!unit) throw new AppError('NOT_FOUND');
    await touchCourse(tx, courseId);
    await audit(tx, ctx, course, 'course.unit.rename', unit.id, { title: unit.title });
    return { id: unit.id, title: unit.title, position: unit.position };
  });
}

/** Removes a unit and its lessons. */
export async function deleteUnit(ctx: CoursesCtx, courseId: string, unitId: string) {
  await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [unit] = await tx
      .delete(courseUnits)
      .where(and(eq(courseUnits.id, unitId), eq(courseUnits.courseId, courseId)))
      .returning();
    if (!unit) throw new AppError('NOT_FOUND');
    await bumpOutline(tx, courseId);
    await audit(tx, ctx, course, 'course.unit.delete', unit.id, { title: unit.title });
  });
}

async function lessonOf(tx: DbOrTx, courseId: string, lessonId: string): Promise<LessonRow> {
  const [l] = await tx
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
  if (!l) throw new AppError('NOT_FOUND');
  return l;
}

export async function addLesson(ctx: CoursesCtx, courseId: string, input: CreateLessonBody) {
  const lesson = await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [unit] = await tx
      .select({ id: courseUnits.id })
      .from(courseUnits)
      .where(and(eq(courseUnits.id, input.unitId), eq(courseUnits.courseId, courseId)));
    if (!unit) throw new AppError('NOT_FOUND');
    const position = await nextPosition(tx, courseLessons, eq(courseLessons.unitId, unit.id));
    const { resourceIds, html: _html, ...fields } = input;
    const [lesson] = await tx
      .insert(courseLessons)
      .values({ ...fields, courseId, position, materials: { resourceIds, files: [] } })
      .returning();
    await bumpOutline(tx, courseId);
    await audit(tx, ctx, course, 'course.lesson.create', lesson.id, { title: lesson.title });
    return lesson;
  });
  if (input.html) await ctx.bodies.write(ctx.db, lesson.id, input.html);
  return presentLesson(lesson, await ctx.bodies.read(ctx.db, lesson.id), true);
}

export async function getLesson(ctx: CoursesCtx, courseId: string, lessonId: string) {
  const { role } = await readableCourse(ctx.db, ctx.actor, courseId);
  const lesson = await lessonOf(ctx.db, courseId, lessonId);
  const html = await ctx.bodies.read(ctx.db, lessonId);
  return presentLesson(lesson, html, !!role && coursesPolicy.write.includes(role));
}

export async function updateLesson(
  ctx: CoursesCtx,
  courseId: string,
  lessonId: string,
  expectedVersion: number | undefined,
  patch: UpdateLessonBody,
) {
  const row = await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const lesson = await lessonOf(tx, courseId, lessonId);
    checkVersion(lesson.version, expectedVersion);
    const { resourceIds, ...fields } = patch;
    const [row] = await tx
      .update(courseLessons)
      .set({
        ...fields,
        ...(resourceIds ? { materials: { ...lesson.materials, resourceIds } } : {}),
        version: lesson.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(courseLessons.id, lessonId))
      .returning();
    await touchCourse(tx, courseId);
    await audit(tx, ctx, course, 'course.lesson.update', lessonId, { fields: Object.keys(patch) });
    return row;
  });
  return presentLesson(row, await ctx.bodies.read(ctx.db, lessonId), true);
}

/** Replaces a lesson's rich text (API clients, and nodes without live editing). */
export async function setLessonBody(ctx: CoursesCtx, courseId: string, lessonId: string, html: string) {
  // Access first, then the text (outside any transaction, see courses.bodies.ts), then the record of it.
  await writableCourse(ctx.db, ctx.actor, courseId);
  await lessonOf(ctx.db, courseId, lessonId);
  await ctx.bodies.write(ctx.db, lessonId, html);
  const lesson = await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [row] = await tx.update(courseLessons).set({ updatedAt: new Date() }).where(eq(courseLessons.id, lessonId)).returning();
    await touchCourse(tx, courseId);
    await audit(tx, ctx, course, 'course.lesson.body', lessonId, { length: html.length });
    return row;
  });
  return presentLesson(lesson, await ctx.bodies.read(ctx.db, lessonId), true);
}

export async function deleteLesson(ctx: CoursesCtx, courseId: string, lessonId: string) {
  await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const lesson = await lessonOf(tx, courseId, lessonId);
    await tx.delete(courseLessons).where(eq(courseLessons.id, lessonId));
    await bumpOutline(tx, courseId);
    await audit(tx, ctx, course, 'course.lesson.delete', lessonId, { title: lesson.title });
  });
}

/**
 * Applies a drag and drop: the client sends the whole outline in its new order (units, and the lessons of
 * each unit, which may have moved between units). It must name exactly the course's units and lessons —
 * a stale outline (someone added a lesson meanwhile) is refused with CONFLICT rather than guessed at.
 * The caller names the outline version it dragged (If-Match): when another teacher's reorder landed first,
 * the drop is refused (412) instead of silently undoing theirs.
 */
export async function reorderOutline(ctx: CoursesCtx, courseId: string, expectedVersion: number | undefined, input: ReorderBody) {
  return ctx.db.transaction(async (tx) => {
    // Access first: an outsider learns 404 whatever headers they send.
    const course = await writableCourse(tx, ctx.actor, courseId);
    if (expectedVersion === undefined) throw new AppError('PRECONDITION_REQUIRED');
    // Row lock: two drops at once serialise here, so the second sees the first's version and gets 412.
    const [{ outlineVersion }] = await tx
      .select({ outlineVersion: courses.outlineVersion })
      .from(courses)
      .where(eq(courses.id, courseId))
      .for('update');
    checkVersion(outlineVersion, expectedVersion);
    const units = await tx.select().from(courseUnits).where(eq(courseUnits.courseId, courseId));
    const lessons = await tx.select().from(courseLessons).where(eq(courseLessons.courseId, courseId));
    const sentUnits = input.units.map((u) => u.id);
    const sentLessons = input.units.flatMap((u) => u.lessonIds);
    const same = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
    if (
      !same(
        sentUnits,
        units.map((u) => u.id),
      ) ||
      !same(
        sentLessons,
        lessons.map((l) => l.id),
      )
    ) {
      throw new AppError('COURSE_OUTLINE_STALE');
    }
    for (const [ui, u] of input.units.entries()) {
      await tx.update(courseUnits).set({ position: ui }).where(eq(courseUnits.id, u.id));
      for (const [li, lessonId] of u.lessonIds.entries()) {
        await tx.update(courseLessons).set({ unitId: u.id, position: li }).where(eq(courseLessons.id, lessonId));
      }
    }
    await bumpOutline(tx, courseId);
    await recordAudit(tx, ctx.actor, {
      action: 'course.reorder',
      targetType: 'course',
      targetId: courseId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
    });
    const [u2, l2] = await Promise.all([
      tx.select().from(courseUnits).where(eq(courseUnits.courseId, courseId)).orderBy(asc(courseUnits.position)),
      tx.select().from(courseLessons).where(eq(courseLessons.courseId, courseId)).orderBy(asc(courseLessons.position)),
    ]);
    return { outlineVersion: outlineVersion + 1, units: presentOutline(u2, l2) };
  });
}

/** Lessons of a course in outline order (units by position, then lessons by position). */
export async function lessonsInOrder(db: DbOrTx, courseId: string) {
  const units = await db.select().from(courseUnits).where(eq(courseUnits.courseId, courseId)).orderBy(asc(courseUnits.position));
  const lessons = units.length
    ? await db
        .select()
        .from(courseLessons)
        .where(
          inArray(
            courseLessons.unitId,
            units.map((u) => u.id),
          ),
        )
        .orderBy(asc(courseLessons.position))
    : [];
  return { units, lessons };
}
