import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { Competency, CompetencyLevel, CourseRole, CourseStatus, EditionLanguage, InvitationStatus } from '../../../shared/courses.ts';
import type { GradeBand } from '../../../shared/library.ts';

/**
 * A co-built course. Not personal data; it belongs to the owner's school (for district views and forks)
 * but its team may come from any school or jurisdiction. Editions share `editionGroupId`; a fork points to
 * its `upstreamCourseId`.
 */
export const courses = pgTable(
  'courses',
  {
    id: idColumn(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    language: text('language').$type<EditionLanguage>().notNull(),
    gradeBand: text('grade_band').$type<GradeBand>().notNull(),
    grades: integer('grades').array().notNull(),
    /** Where the course sits on the progression map (小初高一体化). */
    competencies: text('competencies').array().$type<Competency[]>().notNull(),
    level: text('level').$type<CompetencyLevel>().notNull(),
    prerequisiteIds: uuid('prerequisite_ids').array().notNull().default([]),
    status: text('status').$type<CourseStatus>().notNull().default('draft'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id').references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** Editions of one course share this id (the first edition's id). */
    editionGroupId: uuid('edition_group_id').notNull(),
    /** The course this one is a fork of (a school's adoption), if any. */
    upstreamCourseId: uuid('upstream_course_id'),
    /** The library resource that publishes this course, once submitted. */
    libraryResourceId: uuid('library_resource_id'),
    version: versionColumn(),
    /**
     * Bumped when units or lessons are added, removed or moved: a drag and drop sends it as If-Match, so two
     * teachers reordering at once cannot silently undo each other. Separate from `version` so editing the
     * course's title does not invalidate an outline someone is dragging.
     */
    outlineVersion: integer('outline_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('courses_edition_group_idx').on(t.editionGroupId),
    index('courses_upstream_idx').on(t.upstreamCourseId),
    index('courses_school_idx').on(t.schoolId),
  ],
);

export const courseUnits = pgTable(
  'course_units',
  {
    id: idColumn(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    /** In a fork or an edition: the unit it was copied from. */
    sourceUnitId: uuid('source_unit_id'),
    createdAt: createdAt(),
  },
  (t) => [index('course_units_course_idx').on(t.courseId, t.position)],
);

export interface LessonObjective {
  text: string;
  competencies: Competency[];
}
export interface LessonFile {
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
}
export interface LessonMaterials {
  resourceIds: string[];
  files: LessonFile[];
}

/**
 * A lesson plan: structured fields in columns; the rich text (activity steps, narrative) lives in the live
 * document `lesson:<id>` (collab module), or in `body_html` when the node runs without live editing.
 */
export const courseLessons = pgTable(
  'course_lessons',
  {
    id: idColumn(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => courseUnits.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    objectives: jsonb('objectives').$type<LessonObjective[]>().notNull().default([]),
    gradeBand: text('grade_band').$type<GradeBand>(),
    grades: integer('grades').array().notNull().default([]),
    durationMinutes: integer('duration_minutes'),
    materials: jsonb('materials').$type<LessonMaterials>().notNull().default({ resourceIds: [], files: [] }),
    assessment: text('assessment').notNull().default(''),
    differentiation: text('differentiation').notNull().default(''),
    aiTools: text('ai_tools').array().notNull().default([]),
    bodyHtml: text('body_html').notNull().default(''),
    /** In a fork: the upstream lesson, and its content as last pulled (the base of the three-way compare). */
    upstreamLessonId: uuid('upstream_lesson_id'),
    upstreamBase: jsonb('upstream_base').$type<LessonContent>(),
    upstreamPulledAt: timestamp('upstream_pulled_at', { withTimezone: true, mode: 'date' }),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('course_lessons_unit_idx').on(t.unitId, t.position), index('course_lessons_course_idx').on(t.courseId)],
);

/** What of a lesson a fork compares and pulls: every field a teacher writes, rich text included. */
export interface LessonContent {
  title: string;
  objectives: LessonObjective[];
  gradeBand: GradeBand | null;
  grades: number[];
  durationMinutes: number | null;
  materials: LessonMaterials;
  assessment: string;
  differentiation: string;
  aiTools: string[];
  html: string;
}

export const courseMembers = pgTable(
  'course_members',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<CourseRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index('course_members_user_idx').on(t.userId)],
);

/** One invitation per invited person; inviting a school creates one for each of its teachers. */
export const courseInvitations = pgTable(
  'course_invitations',
  {
    id: idColumn(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<CourseRole>().notNull(),
    /** Set when the invitation came from inviting a whole school. */
    viaSchoolId: uuid('via_school_id').references(() => schools.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<InvitationStatus>().notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // At most one open invitation per person and course; decided ones stay as history.
    uniqueIndex('course_invitations_pending_uq')
      .on(t.courseId, t.userId)
      .where(sql`status = 'pending'`),
    index('course_invitations_user_idx').on(t.userId),
  ],
);
