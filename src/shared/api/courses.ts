import { z } from 'zod';
import { ZId } from './common.ts';
import { COMPETENCIES, COMPETENCY_LEVELS, COURSE_ROLES, EDITION_LANGUAGES } from '../courses.ts';
import { GRADE_BANDS, GRADES, PUBLISH_LEVELS } from '../library.ts';

/**
 * Contracts of the courses module (课程共建, issue 5): courses, units, lessons, team and invitations,
 * editions, forks, the progression map, publishing and Common Cartridge. Shared by server and web.
 */

const ZTitle = z.string().trim().min(1).max(200);
const ZLongText = z.string().max(20_000);
const ZGrades = z
  .array(
    z
      .number()
      .int()
      .min(GRADES[0])
      .max(GRADES[GRADES.length - 1]),
  )
  .max(12);
export const ZCompetency = z.enum(COMPETENCIES);

export const ZCreateCourseBody = z.object({
  title: ZTitle,
  summary: ZLongText.default(''),
  language: z.enum(EDITION_LANGUAGES),
  gradeBand: z.enum(GRADE_BANDS),
  grades: ZGrades.default([]),
  competencies: z.array(ZCompetency).max(12).default([]),
  level: z.enum(COMPETENCY_LEVELS).default('understand'),
});
export type CreateCourseBody = z.infer<typeof ZCreateCourseBody>;

export const ZUpdateCourseBody = z
  .object({
    title: ZTitle,
    summary: ZLongText,
    gradeBand: z.enum(GRADE_BANDS),
    grades: ZGrades,
    competencies: z.array(ZCompetency).max(12),
    level: z.enum(COMPETENCY_LEVELS),
    prerequisiteIds: z.array(ZId).max(20),
  })
  .partial();
export type UpdateCourseBody = z.infer<typeof ZUpdateCourseBody>;

export const ZUnitBody = z.object({ title: ZTitle });
export type UnitBody = z.infer<typeof ZUnitBody>;

export const ZObjective = z.object({ text: z.string().trim().min(1).max(1000), competencies: z.array(ZCompetency).max(12).default([]) });

/** The structured fields of a lesson plan, without defaults (so a PATCH changes only what it names). */
const lessonFields = {
  title: ZTitle,
  objectives: z.array(ZObjective).max(30),
  gradeBand: z.enum(GRADE_BANDS).nullable(),
  grades: ZGrades,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  resourceIds: z.array(ZId).max(50),
  assessment: ZLongText,
  differentiation: ZLongText,
  aiTools: z.array(z.string().trim().min(1).max(100)).max(30),
};
export const ZCreateLessonBody = z.object({
  ...lessonFields,
  objectives: lessonFields.objectives.default([]),
  gradeBand: lessonFields.gradeBand.default(null),
  grades: lessonFields.grades.default([]),
  durationMinutes: lessonFields.durationMinutes.default(null),
  resourceIds: lessonFields.resourceIds.default([]),
  assessment: lessonFields.assessment.default(''),
  differentiation: lessonFields.differentiation.default(''),
  aiTools: lessonFields.aiTools.default([]),
  unitId: ZId,
  html: z.string().max(500_000).optional(),
});
export type CreateLessonBody = z.infer<typeof ZCreateLessonBody>;
export const ZUpdateLessonBody = z.object(lessonFields).partial();
export type UpdateLessonBody = z.infer<typeof ZUpdateLessonBody>;
export const ZLessonBodyBody = z.object({ html: z.string().max(500_000) });

/** The whole outline after a drag and drop: every unit in order, each with its lessons in order. */
export const ZReorderBody = z.object({
  units: z.array(z.object({ id: ZId, lessonIds: z.array(ZId).max(500) })).max(200),
});
export type ReorderBody = z.infer<typeof ZReorderBody>;

export const ZCourseLessonParams = z.object({ id: ZId, lessonId: ZId });
export const ZCourseUnitParams = z.object({ id: ZId, unitId: ZId });
/** The largest file a lesson may carry (worksheets, slides, small datasets). */
export const LESSON_FILE_MAX_BYTES = 50 * 1024 * 1024;

export const ZVisibleCoursesQuery = z.object({ q: z.string().trim().max(200).optional() });
export const ZCourseFileParams = z.object({ id: ZId, lessonId: ZId, sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ZInviteBody = z
  .object({
    role: z.enum(COURSE_ROLES).exclude(['owner']),
    username: z.string().trim().min(1).max(100).optional(),
    schoolCode: z.string().trim().min(1).max(100).optional(),
  })
  .refine((b) => !!b.username !== !!b.schoolCode, { message: 'Give either a username or a school code', path: ['username'] });
export type InviteBody = z.infer<typeof ZInviteBody>;
export const ZInvitationDecisionBody = z.object({ accept: z.boolean() });
export const ZMemberParams = z.object({ id: ZId, userId: ZId });

export const ZEditionBody = z.object({ language: z.enum(EDITION_LANGUAGES) });
export const ZForkBody = z.object({ schoolId: ZId.optional() });
export const ZPullBody = z.object({ lessonIds: z.array(ZId).min(1).max(500) });

export const ZProgressionQuery = z.object({ authorityUnitId: ZId.optional() });

export const ZPublishBody = z.object({
  level: z.enum(PUBLISH_LEVELS).exclude(['private']),
  licence: z.string().default('CC-BY-4.0'),
});
export type PublishBody = z.infer<typeof ZPublishBody>;

export const ZExportQuery = z.object({ version: z.enum(['1.1', '1.3']).default('1.3') });

// ---- answers (used by the web client; the server builds them in courses.present.ts) ----

export interface TeamMemberView {
  userId: string;
  displayName: string;
  username: string;
  role: (typeof COURSE_ROLES)[number];
  schoolName: string | null;
  jurisdictionCode: string | null;
}
export interface LessonSummaryView {
  id: string;
  title: string;
  position: number;
  durationMinutes: number | null;
}
export interface UnitView {
  id: string;
  title: string;
  position: number;
  lessons: LessonSummaryView[];
}
export interface CourseSummaryView {
  id: string;
  title: string;
  summary: string;
  language: string;
  gradeBand: string;
  grades: number[];
  competencies: string[];
  level: string;
  status: string;
  myRole: string | null;
  upstreamCourseId: string | null;
  editionGroupId: string;
  schoolId: string | null;
  libraryResourceId: string | null;
  version: number;
  updatedAt: string;
}
export interface CourseView extends CourseSummaryView {
  prerequisiteIds: string[];
  /** Send as If-Match when reordering the outline (PUT /:id/outline). */
  outlineVersion: number;
  units: UnitView[];
  team: TeamMemberView[];
  editions: { id: string; language: string; title: string }[];
  /** The prerequisites the reader may see, with their titles (to show as links). */
  prerequisites: { id: string; title: string }[];
  adoption: CourseAdoptionView;
}
/**
 * "Adopt for my school": the schools the reader may adopt this course for (not the course's own school),
 * and the copies those schools already have (`canOpen` when the reader may open that copy).
 */
export interface CourseAdoptionView {
  schoolIds: string[];
  copies: { id: string; schoolId: string | null; title: string; canOpen: boolean }[];
}
/** A course the reader may see (GET /api/v1/courses/visible): the choices for prerequisites. */
export interface VisibleCourseView {
  id: string;
  title: string;
  language: string;
  gradeBand: string;
  schoolId: string | null;
}
export interface LessonView {
  id: string;
  courseId: string;
  unitId: string;
  position: number;
  title: string;
  objectives: { text: string; competencies: string[] }[];
  gradeBand: string | null;
  grades: number[];
  durationMinutes: number | null;
  materials: { resourceIds: string[]; files: { sha256: string; name: string; size: number; mediaType: string }[] };
  assessment: string;
  differentiation: string;
  aiTools: string[];
  html: string;
  canWrite: boolean;
  version: number;
}
export interface InvitationView {
  id: string;
  courseId: string;
  courseTitle: string;
  role: string;
  status: string;
  invitedBy: string;
  createdAt: string;
}
export interface ForkLessonDiff {
  upstreamLessonId: string;
  forkLessonId: string | null;
  title: string;
  status: 'changed' | 'added' | 'removed' | 'unchanged';
  changedLocally: boolean;
  fields: string[];
  /** Unified text diff of the plain text of the lesson (upstream at last pull → upstream now). */
  textDiff: string;
}
export interface ProgressionCell {
  gradeBand: string;
  dimension: string;
  level: string;
  courses: { id: string; title: string; schoolId: string | null }[];
}
export interface ProgressionView {
  cells: ProgressionCell[];
  gaps: { gradeBand: string; dimension: string }[];
  overlaps: { gradeBand: string; dimension: string; level: string; courseIds: string[] }[];
  prerequisites: { courseId: string; prerequisiteId: string }[];
}
