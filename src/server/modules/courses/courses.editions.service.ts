import { and, asc, eq } from 'drizzle-orm';
import { makeEdition } from '../../../lib/text/convert-for-display.ts';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { EditionLanguage } from '../../../shared/courses.ts';
import { writableCourse } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { presentCourseSummary } from './courses.present.ts';
import { courseLessons, courseMembers, courses, courseUnits } from './courses.schema.ts';

type ChineseLanguage = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO';
const isChinese = (l: EditionLanguage): l is ChineseLanguage => l !== 'en';

/**
 * A converter from one edition language to another: Simplified ↔ Traditional (Hong Kong / Macao wording)
 * through lib/text; to or from English the text is copied as is, for the teacher to translate.
 */
export function converterFor(from: EditionLanguage, to: EditionLanguage): (text: string) => string {
  if (!isChinese(from) || !isChinese(to) || from === to) return (t) => t;
  return (t) => (t ? makeEdition(t, from, to).text : t);
}

/**
 * Starts a linked edition (简体 / 繁體 / English) of a course: the same outline and lessons with their text
 * machine-converted — a draft for the team to correct. The team comes along (the creator owns the
 * edition; the others keep their parts), so co-authors can correct their lessons in the new script too.
 */
export async function createEdition(ctx: CoursesCtx, courseId: string, language: EditionLanguage) {
  await writableCourse(ctx.db, ctx.actor, courseId);
  const sourceHtml = await bodiesOfCourse(ctx, courseId);
  const { edition, bodies } = await ctx.db.transaction(async (tx) => {
    const source = await writableCourse(tx, ctx.actor, courseId);
    const [exists] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.editionGroupId, source.editionGroupId), eq(courses.language, language)));
    if (exists || source.language === language) throw new AppError('COURSE_EDITION_EXISTS');
    const convert = converterFor(source.language, language);
    const id = newId();
    const [edition] = await tx
      .insert(courses)
      .values({
        ...source,
        id,
        title: convert(source.title),
        summary: convert(source.summary),
        language,
        status: 'draft',
        ownerId: ctx.actor.id!,
        libraryResourceId: null,
        upstreamCourseId: null,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    const team = await tx.select().from(courseMembers).where(eq(courseMembers.courseId, courseId));
    await tx.insert(courseMembers).values(
      team.map((m) => ({
        courseId: id,
        userId: m.userId,
        role: m.userId === ctx.actor.id ? ('owner' as const) : m.role === 'owner' ? ('co_author' as const) : m.role,
      })),
    );
    const bodies: [string, string][] = [];
    const units = await tx.select().from(courseUnits).where(eq(courseUnits.courseId, courseId)).orderBy(asc(courseUnits.position));
    for (const u of units) {
      const [unit] = await tx
        .insert(courseUnits)
        .values({ courseId: id, title: convert(u.title), position: u.position, sourceUnitId: u.id })
        .returning();
      const lessons = await tx.select().from(courseLessons).where(eq(courseLessons.unitId, u.id)).orderBy(asc(courseLessons.position));
      for (const l of lessons) {
        const [lesson] = await tx
          .insert(courseLessons)
          .values({
            courseId: id,
            unitId: unit.id,
            position: l.position,
            title: convert(l.title),
            objectives: l.objectives.map((o) => ({ ...o, text: convert(o.text) })),
            gradeBand: l.gradeBand,
            grades: l.grades,
            durationMinutes: l.durationMinutes,
            materials: l.materials,
            assessment: convert(l.assessment),
            differentiation: convert(l.differentiation),
            aiTools: l.aiTools.map(convert),
          })
          .returning();
        bodies.push([lesson.id, convert(sourceHtml.get(l.id) ?? '')]);
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: 'course.edition.create',
      targetType: 'course',
      targetId: id,
      schoolId: source.schoolId,
      jurisdictionId: source.jurisdictionId,
      details: { from: courseId, language },
    });
    return { edition, bodies };
  });
  for (const [lessonId, html] of bodies) if (html) await ctx.bodies.write(ctx.db, lessonId, html);
  return presentCourseSummary(edition, 'owner');
}

/** The rich text of every lesson of a course, read before a copying transaction (see courses.bodies.ts). */
export async function bodiesOfCourse(ctx: CoursesCtx, courseId: string): Promise<Map<string, string>> {
  const lessons = await ctx.db.select({ id: courseLessons.id }).from(courseLessons).where(eq(courseLessons.courseId, courseId));
  const out = new Map<string, string>();
  for (const l of lessons) out.set(l.id, await ctx.bodies.read(ctx.db, l.id));
  return out;
}
