import type { z } from 'zod';
import type { CartridgeData } from '../../../lib/cc/cartridge.types.ts';
import { ZUpdateCourseBody, ZUpdateLessonBody } from '../../../shared/api/courses.ts';
import type { courseLessons, courses } from './courses.schema.ts';

/**
 * What a course and its lesson plans hold beyond a page of text, carried through Common Cartridge in
 * lib/cc's extension file, so export → import gives back an equal course. Library resource links stay
 * out: their ids mean nothing on another EduBridge, and the importer may not be allowed to see them.
 */
const COURSE_KEYS = ['gradeBand', 'grades', 'competencies', 'level'] as const;
const LESSON_KEYS = ['objectives', 'gradeBand', 'grades', 'durationMinutes', 'assessment', 'differentiation', 'aiTools'] as const;

export function courseData(c: typeof courses.$inferSelect): CartridgeData {
  return { gradeBand: c.gradeBand, grades: c.grades, competencies: c.competencies, level: c.level };
}

export function lessonData(l: typeof courseLessons.$inferSelect): CartridgeData {
  return {
    objectives: l.objectives,
    gradeBand: l.gradeBand,
    grades: l.grades,
    durationMinutes: l.durationMinutes,
    assessment: l.assessment,
    differentiation: l.differentiation,
    aiTools: l.aiTools,
  };
}

/**
 * An imported package is untrusted: each field is checked with the same rules as the API's, one by one,
 * so a field that fails (an unknown competency code, a 2,000-minute lesson) is left out and the rest kept.
 */
function validFields<S extends z.ZodObject, K extends keyof S['shape'] & string>(
  schema: S,
  keys: readonly K[],
  data: CartridgeData | undefined,
) {
  const out: Partial<Record<K, unknown>> = {};
  if (!data) return out;
  for (const key of keys) {
    if (!(key in data)) continue;
    const parsed = (schema.shape[key] as z.ZodType).safeParse(data[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out;
}

export function importedCourseFields(data: CartridgeData | undefined) {
  return validFields(ZUpdateCourseBody, COURSE_KEYS, data) as Partial<Pick<typeof courses.$inferInsert, (typeof COURSE_KEYS)[number]>>;
}

export function importedLessonFields(data: CartridgeData | undefined) {
  return validFields(ZUpdateLessonBody, LESSON_KEYS, data) as Partial<
    Pick<typeof courseLessons.$inferInsert, (typeof LESSON_KEYS)[number]>
  >;
}
