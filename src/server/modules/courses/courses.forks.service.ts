import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { createTwoFilesPatch } from 'diff';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ForkLessonDiff } from '../../../shared/api/courses.ts';
import { readableCourse, writableCourse, type CourseRow } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { coursesPolicy } from './courses.policy.ts';
import { presentCourseSummary } from './courses.present.ts';
import { courseLessons, courseMembers, courses, courseUnits, type LessonContent } from './courses.schema.ts';
import { bumpOutline, homePlace } from './courses.service.ts';
import { bodiesOfCourse } from './courses.editions.service.ts';
import { changedFields, contentColumns, contentOf, lessonAsText, lessonContent } from './courses.lesson-content.ts';

/**
 * Forks (a school adopts a course) and upstream sync — Canvas Blueprint / Open edX library sync, per lesson.
 *
 * Each fork lesson keeps the upstream lesson it came from and that lesson's content *as last pulled*
 * (`upstream_base`). That base makes the compare three-way: upstream now ≠ base → upstream changed;
 * fork now ≠ base → the school changed it. Content is compared, not revision counters, so edits made in
 * the live editor (which courses does not see happen) count too. Pulling applies upstream to the chosen
 * lessons only; every other lesson — and the school's own edits there — stays as it is.
 */

type LessonRow = typeof courseLessons.$inferSelect;

export async function forkCourse(ctx: CoursesCtx, courseId: string, input: { schoolId?: string }) {
  await readableCourse(ctx.db, ctx.actor, courseId);
  const upstreamHtml = await bodiesOfCourse(ctx, courseId);
  const { fork, bodies } = await ctx.db.transaction(async (tx) => {
    const { course: upstream } = await readableCourse(tx, ctx.actor, courseId);
    const place = homePlace(ctx.actor, coursesPolicy.adoptForSchool, input.schoolId);
    if (!place.schoolId) throw new AppError('FORBIDDEN');
    const id = newId();
    const [fork] = await tx
      .insert(courses)
      .values({
        title: upstream.title,
        summary: upstream.summary,
        language: upstream.language,
        gradeBand: upstream.gradeBand,
        grades: upstream.grades,
        competencies: upstream.competencies,
        level: upstream.level,
        prerequisiteIds: upstream.prerequisiteIds,
        id,
        ownerId: ctx.actor.id!,
        ...place,
        editionGroupId: id,
        upstreamCourseId: upstream.id,
      })
      .returning();
    await tx.insert(courseMembers).values({ courseId: id, userId: ctx.actor.id!, role: 'owner' });
    const bodies: [string, string][] = [];
    const units = await tx.select().from(courseUnits).where(eq(courseUnits.courseId, courseId)).orderBy(asc(courseUnits.position));
    for (const u of units) {
      const [unit] = await tx
        .insert(courseUnits)
        .values({ courseId: id, title: u.title, position: u.position, sourceUnitId: u.id })
        .returning();
      const lessons = await tx.select().from(courseLessons).where(eq(courseLessons.unitId, u.id)).orderBy(asc(courseLessons.position));
      for (const l of lessons) {
        const content = contentOf(l, upstreamHtml.get(l.id) ?? '');
        const forkLessonId = await insertFromUpstream(tx, id, unit.id, l.position, l.id, content);
        bodies.push([forkLessonId, content.html]);
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: 'course.fork',
      targetType: 'course',
      targetId: id,
      ...place,
      details: { upstreamCourseId: courseId },
    });
    return { fork, bodies };
  });
  for (const [lessonId, html] of bodies) if (html) await ctx.bodies.write(ctx.db, lessonId, html);
  return presentCourseSummary(fork, 'owner');
}

async function insertFromUpstream(
  tx: DbOrTx,
  courseId: string,
  unitId: string,
  position: number,
  upstreamLessonId: string,
  content: LessonContent,
) {
  const [row] = await tx
    .insert(courseLessons)
    .values({
      ...contentColumns(content),
      courseId,
      unitId,
      position,
      upstreamLessonId,
      upstreamBase: content,
      upstreamPulledAt: new Date(),
    })
    .returning({ id: courseLessons.id });
  return row.id;
}

async function forkAndUpstream(tx: DbOrTx, fork: CourseRow) {
  if (!fork.upstreamCourseId) throw new AppError('COURSE_NOT_A_FORK');
  const upstreamLessons = await tx
    .select()
    .from(courseLessons)
    .where(eq(courseLessons.courseId, fork.upstreamCourseId))
    .orderBy(asc(courseLessons.position));
  const forkLessons = await tx
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.courseId, fork.id), isNotNull(courseLessons.upstreamLessonId)));
  return { upstreamId: fork.upstreamCourseId, upstreamLessons, forkLessons };
}

/** Per upstream lesson: what changed upstream since the last pull, and whether the school changed it too. */
export async function forkDiff(ctx: CoursesCtx, forkId: string): Promise<{ upstreamCourseId: string; lessons: ForkLessonDiff[] }> {
  const { course: fork } = await readableCourse(ctx.db, ctx.actor, forkId);
  const { upstreamId, upstreamLessons, forkLessons } = await forkAndUpstream(ctx.db, fork);
  const byUpstream = new Map(forkLessons.map((l) => [l.upstreamLessonId!, l]));
  const out: ForkLessonDiff[] = [];
  for (const up of upstreamLessons) {
    const now = await lessonContent(ctx.db, ctx.bodies, up);
    const mine = byUpstream.get(up.id);
    if (!mine) {
      out.push({
        upstreamLessonId: up.id,
        forkLessonId: null,
        title: up.title,
        status: 'added',
        changedLocally: false,
        fields: [],
        textDiff: patch(up.title, '', lessonAsText(now)),
      });
      continue;
    }
    const base = mine.upstreamBase!;
    const fields = changedFields(base, now);
    const local = changedFields(base, await lessonContent(ctx.db, ctx.bodies, mine)).length > 0;
    out.push({
      upstreamLessonId: up.id,
      forkLessonId: mine.id,
      title: up.title,
      status: fields.length ? 'changed' : 'unchanged',
      changedLocally: local,
      fields,
      textDiff: fields.length ? patch(up.title, lessonAsText(base), lessonAsText(now)) : '',
    });
  }
  const upstreamIds = new Set(upstreamLessons.map((l) => l.id));
  for (const mine of forkLessons.filter((l) => !upstreamIds.has(l.upstreamLessonId!))) {
    out.push({
      upstreamLessonId: mine.upstreamLessonId!,
      forkLessonId: mine.id,
      title: mine.title,
      status: 'removed',
      changedLocally: false,
      fields: [],
      textDiff: '',
    });
  }
  return { upstreamCourseId: upstreamId, lessons: out };
}

const patch = (title: string, before: string, after: string) =>
  createTwoFilesPatch(title, title, before, after, 'last pull', 'upstream now', { context: 2 });

/**
 * Applies upstream to the chosen lessons (upstream lesson ids from the diff): a changed lesson takes the
 * upstream content (the school's edits to *that* lesson are replaced — the diff warns with
 * `changedLocally`), a lesson added upstream is added to the matching unit, a lesson removed upstream is
 * removed. Lessons not chosen are not touched.
 */
export async function pullFromUpstream(ctx: CoursesCtx, forkId: string, upstreamLessonIds: string[]) {
  const checked = await writableCourse(ctx.db, ctx.actor, forkId);
  if (!checked.upstreamCourseId) throw new AppError('COURSE_NOT_A_FORK');
  const upstreamHtml = await bodiesOfCourse(ctx, checked.upstreamCourseId);
  const { bodies, result } = await ctx.db.transaction(async (tx) => {
    const fork = await writableCourse(tx, ctx.actor, forkId);
    const { upstreamLessons, forkLessons } = await forkAndUpstream(tx, fork);
    const wanted = new Set(upstreamLessonIds);
    const byUpstream = new Map(forkLessons.map((l) => [l.upstreamLessonId!, l]));
    const bodies: [string, string][] = [];
    const pulled: string[] = [];
    for (const up of upstreamLessons.filter((l) => wanted.has(l.id))) {
      const now = contentOf(up, upstreamHtml.get(up.id) ?? '');
      const mine = byUpstream.get(up.id);
      if (mine) {
        await tx
          .update(courseLessons)
          .set({
            ...contentColumns(now),
            upstreamBase: now,
            upstreamPulledAt: new Date(),
            version: mine.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(courseLessons.id, mine.id));
        bodies.push([mine.id, now.html]);
      } else {
        const unitId = await forkUnitFor(tx, fork.id, up);
        const [last] = await tx
          .select({ position: courseLessons.position })
          .from(courseLessons)
          .where(eq(courseLessons.unitId, unitId))
          .orderBy(desc(courseLessons.position))
          .limit(1);
        const id = await insertFromUpstream(tx, fork.id, unitId, (last?.position ?? -1) + 1, up.id, now);
        bodies.push([id, now.html]);
      }
      pulled.push(up.id);
    }
    const upstreamIds = new Set(upstreamLessons.map((l) => l.id));
    const removed = forkLessons.filter((l) => wanted.has(l.upstreamLessonId!) && !upstreamIds.has(l.upstreamLessonId!));
    if (removed.length)
      await tx.delete(courseLessons).where(
        inArray(
          courseLessons.id,
          removed.map((l) => l.id),
        ),
      );
    if (!pulled.length && !removed.length) throw new AppError('NOT_FOUND');
    await bumpOutline(tx, fork.id);
    await recordAudit(tx, ctx.actor, {
      action: 'course.fork.pull',
      targetType: 'course',
      targetId: fork.id,
      schoolId: fork.schoolId,
      jurisdictionId: fork.jurisdictionId,
      details: { upstreamCourseId: fork.upstreamCourseId, pulled, removed: removed.map((l) => l.upstreamLessonId) },
    });
    return { bodies, result: { pulled: pulled.length, removed: removed.length } };
  });
  for (const [lessonId, html] of bodies) await ctx.bodies.write(ctx.db, lessonId, html);
  return result;
}

/** The fork's unit copied from the upstream lesson's unit; copied now when the unit is new upstream. */
async function forkUnitFor(tx: DbOrTx, forkId: string, up: LessonRow): Promise<string> {
  const [unit] = await tx
    .select({ id: courseUnits.id })
    .from(courseUnits)
    .where(and(eq(courseUnits.courseId, forkId), eq(courseUnits.sourceUnitId, up.unitId)));
  if (unit) return unit.id;
  const [source] = await tx.select().from(courseUnits).where(eq(courseUnits.id, up.unitId));
  const [last] = await tx
    .select({ position: courseUnits.position })
    .from(courseUnits)
    .where(eq(courseUnits.courseId, forkId))
    .orderBy(desc(courseUnits.position))
    .limit(1);
  const [created] = await tx
    .insert(courseUnits)
    .values({ courseId: forkId, title: source.title, position: (last?.position ?? -1) + 1, sourceUnitId: source.id })
    .returning({ id: courseUnits.id });
  return created.id;
}
