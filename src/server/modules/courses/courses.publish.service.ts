import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createResource, updateResource } from '../library/library.resources.service.ts';
import { submitResource } from '../library/library.review.service.ts';
import { resources } from '../library/library.schema.ts';
import { LICENCES, type Licence } from '../../../shared/library.ts';
import type { PublishBody } from '../../../shared/api/courses.ts';
import { competencyParts } from '../../../shared/courses.ts';
import { managedCourse, type CourseRow } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { courseLessons, courses, courseUnits } from './courses.schema.ts';

/**
 * Publishing a course goes through the library, unchanged: the course is represented by a library
 * resource (its outline and a link to the course), which is submitted for a level and reviewed like any
 * resource (四级联动). The course is then visible to whoever may see that resource (courses.access.ts),
 * and searchable in the library because the resource is indexed. No change to the library was needed;
 * the link lives on our side (`courses.library_resource_id`).
 */
export async function publishCourse(ctx: CoursesCtx, courseId: string, input: PublishBody) {
  const course = await managedCourse(ctx.db, ctx.actor, courseId);
  if (!course.schoolId) throw new AppError('COURSE_NOT_PUBLISHABLE');
  const outline = await outlineHtml(ctx, course);
  if (!outline.lessonCount) throw new AppError('COURSE_NOT_PUBLISHABLE');
  const licence: Licence = (LICENCES as readonly string[]).includes(input.licence) ? (input.licence as Licence) : 'CC-BY-4.0';
  const fields = {
    title: course.title,
    summary: course.summary.slice(0, 2000),
    body: outline.html,
    language: course.language,
    subject: 'ai' as const,
    gradeBand: course.gradeBand,
    grades: course.grades,
    aiCompetencies: course.competencies.map((c) => {
      const { dimension, level } = competencyParts(c);
      return { competency: dimension, level };
    }),
    keywords: ['course', '课程'],
    licence,
  };
  let resourceId = course.libraryResourceId;
  if (!resourceId) {
    resourceId = (await createResource({ db: ctx.db, actor: ctx.actor }, { ...fields, schoolId: course.schoolId })).id;
  } else {
    const [r] = await ctx.db
      .select({ version: resources.version, status: resources.status })
      .from(resources)
      .where(eq(resources.id, resourceId));
    if (r?.status === 'in_review') throw new AppError('COURSE_NOT_PUBLISHABLE');
    if (r?.status === 'draft') await updateResource({ db: ctx.db, actor: ctx.actor }, resourceId, r.version, fields);
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(courses)
      .set({ libraryResourceId: resourceId, status: 'in_review', updatedAt: new Date() })
      .where(eq(courses.id, courseId));
    await recordAudit(tx, ctx.actor, {
      action: 'course.publish',
      targetType: 'course',
      targetId: courseId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { resourceId, level: input.level },
    });
  });
  const submission = await submitResource({ db: ctx.db, actor: ctx.actor }, resourceId, { level: input.level });
  return { resourceId, submission };
}

/** The course's outline as the library resource's body: units, lessons, objectives, and a link back. */
async function outlineHtml(ctx: CoursesCtx, course: CourseRow) {
  const units = await ctx.db.select().from(courseUnits).where(eq(courseUnits.courseId, course.id)).orderBy(asc(courseUnits.position));
  const lessons = await ctx.db
    .select()
    .from(courseLessons)
    .where(eq(courseLessons.courseId, course.id))
    .orderBy(asc(courseLessons.position));
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [`<p><a href="/courses/${course.id}">${esc(course.title)}</a></p>`];
  if (course.summary) parts.push(`<p>${esc(course.summary)}</p>`);
  for (const u of units) {
    parts.push(`<h2>${esc(u.title)}</h2><ol>`);
    for (const l of lessons.filter((x) => x.unitId === u.id)) {
      const objectives = l.objectives.map((o) => `<li>${esc(o.text)}</li>`).join('');
      parts.push(`<li>${esc(l.title)}${objectives ? `<ul>${objectives}</ul>` : ''}</li>`);
    }
    parts.push('</ol>');
  }
  return { html: parts.join(''), lessonCount: lessons.length };
}
