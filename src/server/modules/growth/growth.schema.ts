import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { classes, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type {
  GrowthAuthorRole,
  GrowthDimension,
  GrowthEvidenceSource,
  GrowthObjectionStatus,
  GrowthRecordStage,
  GrowthReviewStatus,
} from '../../../shared/api/growth.ts';

/**
 * An evaluation framework (dimensions and indicators) of one jurisdiction, one row per version. Editing
 * adds a version and moves `isCurrent`; a term keeps the version it was opened under, so a record is read
 * against the framework it was made under (issue: "a term's records keep the framework version").
 */
export const growthFrameworks = pgTable(
  'growth_frameworks',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    dimensions: jsonb('dimensions').$type<GrowthDimension[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('growth_frameworks_version_uq').on(t.jurisdictionId, t.version),
    uniqueIndex('growth_frameworks_current_uq')
      .on(t.jurisdictionId)
      .where(sql`${t.isCurrent}`),
  ],
);

/** A school term (2026-2027 第一学期). Records of a term are read against `frameworkId`. */
export const growthTerms = pgTable(
  'growth_terms',
  {
    id: idColumn(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    code: text('code').notNull(),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Length of the publicity window (公示期) in working days. */
    publicityWorkingDays: integer('publicity_working_days').notNull().default(5),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => growthFrameworks.id),
    createdAt: createdAt(),
  },
  (t) => [unique('growth_terms_school_code_uq').on(t.schoolId, t.code)],
);

/**
 * One student's growth record (成长档案) for one term: the stage it is in and its signatures. Personal
 * data: carries school and jurisdiction; `classId` is the class the student sat in when it was opened.
 */
export const growthRecords = pgTable(
  'growth_records',
  {
    id: idColumn(),
    termId: uuid('term_id')
      .notNull()
      .references(() => growthTerms.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id),
    classId: uuid('class_id').references(() => classes.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    stage: text('stage').$type<GrowthRecordStage>().notNull().default('recording'),
    selectedAt: timestamp('selected_at', { withTimezone: true, mode: 'date' }),
    publicityStartsAt: timestamp('publicity_starts_at', { withTimezone: true, mode: 'date' }),
    publicityEndsAt: timestamp('publicity_ends_at', { withTimezone: true, mode: 'date' }),
    studentConfirmedAt: timestamp('student_confirmed_at', { withTimezone: true, mode: 'date' }),
    classTeacherSignedBy: uuid('class_teacher_signed_by'),
    classTeacherSignedAt: timestamp('class_teacher_signed_at', { withTimezone: true, mode: 'date' }),
    principalSignedBy: uuid('principal_signed_by'),
    principalSignedAt: timestamp('principal_signed_at', { withTimezone: true, mode: 'date' }),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('growth_records_term_student_uq').on(t.termId, t.studentId),
    index('growth_records_class_idx').on(t.classId, t.termId),
    index('growth_records_school_idx').on(t.schoolId, t.termId),
  ],
);

/** A written record (写实记录) in one dimension of a record. */
export const growthEvidence = pgTable(
  'growth_evidence',
  {
    id: idColumn(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => growthRecords.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    dimensionKey: text('dimension_key').notNull(),
    indicatorKey: text('indicator_key'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    language: text('language').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    authorId: uuid('author_id'),
    authorRole: text('author_role').$type<GrowthAuthorRole>().notNull(),
    source: text('source').$type<GrowthEvidenceSource>().notNull(),
    /** The id in the source (xAPI statement id, contest award id…); re-imports are no-ops. */
    sourceRef: text('source_ref'),
    reviewStatus: text('review_status').$type<GrowthReviewStatus>().notNull(),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    selected: boolean('selected').notNull().default(false),
    /** Set when an objection against it was upheld: it stays visible to staff, out of the archive. */
    withdrawn: boolean('withdrawn').notNull().default(false),
    /** Competition results may not count towards admissions (ministry rule); the UI labels such entries. */
    notForAdmissions: boolean('not_for_admissions').notNull().default(false),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('growth_evidence_record_idx').on(t.recordId),
    index('growth_evidence_school_review_idx').on(t.schoolId, t.reviewStatus),
    uniqueIndex('growth_evidence_source_uq')
      .on(t.studentId, t.source, t.sourceRef)
      .where(sql`${t.sourceRef} is not null`),
  ],
);

/** A photo or certificate of one evidence entry. Bytes live in the node blob store, keyed by `sha256`. */
export const growthAttachments = pgTable(
  'growth_attachments',
  {
    id: idColumn(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => growthEvidence.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('growth_attachments_evidence_idx').on(t.evidenceId)],
);

/** An objection (异议) raised during the publicity window, resolved by the class teacher with reasons. */
export const growthObjections = pgTable(
  'growth_objections',
  {
    id: idColumn(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => growthRecords.id),
    evidenceId: uuid('evidence_id').references(() => growthEvidence.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    raisedBy: uuid('raised_by').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<GrowthObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('growth_objections_record_idx').on(t.recordId)],
);

/** xAPI mapping rule of a jurisdiction: verb + activity type → dimension (and indicator). */
export const growthXapiRules = pgTable(
  'growth_xapi_rules',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    verbId: text('verb_id').notNull(),
    /** null matches any activity type. */
    activityType: text('activity_type'),
    dimensionKey: text('dimension_key').notNull(),
    indicatorKey: text('indicator_key'),
    createdAt: createdAt(),
  },
  (t) => [unique('growth_xapi_rules_uq').on(t.jurisdictionId, t.verbId, t.activityType).nullsNotDistinct()],
);

/** How far the xAPI import has read each school's statements (the records module's `seq`). */
export const growthXapiCursors = pgTable('growth_xapi_cursors', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  updatedAt: updatedAt(),
});
