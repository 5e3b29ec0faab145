import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type {
  AssessmentPhase,
  AssignmentKind,
  CompetencyLevel,
  CompletionRules,
  Decision,
  EnrolmentStatus,
  OrganiserKind,
  ProgrammeStatus,
  ProgrammeVisibility,
  SessionMode,
  SubmissionStatus,
  TrainingCategory,
  TrainingTier,
} from '../../../shared/api/training.ts';

/**
 * A competency framework: UNESCO's AI competency framework for teachers (seeded on start) or a bureau's own.
 * Aspects are few and fixed per framework, so they live in the row; competencies (aspect × level) are rows.
 */
export const trainingFrameworks = pgTable('training_frameworks', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  names: jsonb('names').$type<LocalisedName>().notNull(),
  aspects: jsonb('aspects').$type<{ code: string; names: LocalisedName }[]>().notNull(),
  /** null → node-wide (UNESCO); else the bureau's jurisdiction, where it is visible. */
  jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

export const trainingCompetencies = pgTable(
  'training_competencies',
  {
    id: idColumn(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => trainingFrameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    aspect: text('aspect').notNull(),
    level: text('level').$type<CompetencyLevel>().notNull(),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('training_competencies_code_uq').on(t.frameworkId, t.code)],
);

/**
 * A programme (one cohort). Run by a place in the tree: a school, an authority unit, or a jurisdiction —
 * whoever holds an organiser role there manages it. Not personal data.
 */
export const trainingProgrammes = pgTable(
  'training_programmes',
  {
    id: idColumn(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    language: text('language').notNull(),
    tier: text('tier').$type<TrainingTier>().notNull(),
    category: text('category').$type<TrainingCategory>().notNull(),
    competencyIds: uuid('competency_ids').array().notNull(),
    targetLevel: text('target_level').$type<CompetencyLevel>().notNull(),
    organiserKind: text('organiser_kind').$type<OrganiserKind>().notNull(),
    organiserName: text('organiser_name').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    authorityUnitId: uuid('authority_unit_id').references(() => authorityUnits.id),
    schoolId: uuid('school_id').references(() => schools.id),
    visibility: text('visibility').$type<ProgrammeVisibility>().notNull(),
    status: text('status').$type<ProgrammeStatus>().notNull(),
    /** 继续教育学时 credited on completion. */
    creditHours: numeric('credit_hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    capacity: integer('capacity'),
    requiresPrincipalApproval: boolean('requires_principal_approval').notNull(),
    rules: jsonb('rules').$type<CompletionRules>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_programmes_jurisdiction_idx').on(t.jurisdictionId)],
);

/**
 * A cohort (班次) of a programme: its own dates, capacity and organiser contact. Teachers enrol into one
 * cohort; sessions belong to one. Every programme has at least one (created with it; migration 0023
 * gave each older programme a default cohort and moved its enrolments and sessions into it).
 */
export const trainingCohorts = pgTable(
  'training_cohorts',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** null → unlimited. */
    capacity: integer('capacity'),
    /** Who runs this cohort day to day (a name or office, shown to enrolled teachers). */
    organiserName: text('organiser_name').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_cohorts_programme_idx').on(t.programmeId)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    mode: text('mode').$type<SessionMode>().notNull(),
    link: text('link'),
    venue: text('venue'),
    capacity: integer('capacity'),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** How long before the start participants and the organiser are reminded (training.reminders.ts). */
    reminderMinutesBefore: integer('reminder_minutes_before').notNull().default(1440),
    createdAt: createdAt(),
  },
  (t) => [index('training_sessions_programme_idx').on(t.programmeId)],
);

/** Who has been reminded of which session: the key that makes a reminder go out once per person. */
export const trainingSessionReminders = pgTable(
  'training_session_reminders',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

/**
 * A teacher in a programme's cohort. Personal data: carries the teacher's jurisdiction and school. By
 * enrolling, the teacher shares name and school with the programme's organiser (also across borders).
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    status: text('status').$type<EnrolmentStatus>().notNull(),
    organiserDecision: text('organiser_decision').$type<Decision>().notNull(),
    principalDecision: text('principal_decision').$type<Decision>().notNull(),
    /** Set when the enrolment joined the waitlist: promotion is first come, first served. */
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    hoursCredited: numeric('hours_credited', { precision: 6, scale: 1, mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_enrolments_uq').on(t.programmeId, t.userId),
    index('training_enrolments_user_idx').on(t.userId),
    index('training_enrolments_cohort_idx').on(t.cohortId),
    index('training_enrolments_school_idx').on(t.schoolId),
  ],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    present: boolean('present').notNull(),
    method: text('method').$type<'qr' | 'roll_call'>().notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_attendance_uq').on(t.sessionId, t.userId)],
);

export const trainingAssignments = pgTable(
  'training_assignments',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    kind: text('kind').$type<AssignmentKind>().notNull(),
    rubric: jsonb('rubric').$type<{ criterion: string; maxPoints: number }[]>().notNull(),
    passMark: integer('pass_mark').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('training_assignments_programme_idx').on(t.programmeId)],
);

/** One attempt at an assignment; a resubmission is a new row with the next attempt number. */
export const trainingSubmissions = pgTable(
  'training_submissions',
  {
    id: idColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => trainingAssignments.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    attempt: integer('attempt').notNull(),
    text: text('text').notNull(),
    resourceId: uuid('resource_id'),
    url: text('url'),
    status: text('status').$type<SubmissionStatus>().notNull(),
    scores: jsonb('scores').$type<{ criterion: string; points: number }[]>(),
    total: integer('total'),
    feedback: text('feedback'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('training_submissions_attempt_uq').on(t.assignmentId, t.userId, t.attempt),
    index('training_submissions_programme_idx').on(t.programmeId),
  ],
);

/**
 * A file handed in with a submission (a lesson plan, slides, a video of a lesson). Bytes live in the node's
 * blob store, keyed by SHA-256; the type is what the content is, not what the name says.
 */
export const trainingSubmissionFiles = pgTable(
  'training_submission_files',
  {
    id: idColumn(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => trainingSubmissions.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('training_submission_files_submission_idx').on(t.submissionId)],
);

/** An issued certificate: the signed VC-JWT as issued, and its revocation. */
export const trainingCredentials = pgTable(
  'training_credentials',
  {
    id: idColumn(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .unique()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    jwt: text('jwt').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [index('training_credentials_user_idx').on(t.userId)],
);

/** A teacher's self-assessment of one competency, with evidence; before/after a programme or standalone. */
export const trainingSelfAssessments = pgTable(
  'training_self_assessments',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => trainingCompetencies.id),
    programmeId: uuid('programme_id').references(() => trainingProgrammes.id, { onDelete: 'set null' }),
    phase: text('phase').$type<AssessmentPhase>().notNull(),
    level: integer('level').notNull(),
    evidence: text('evidence').notNull(),
    evidenceResourceId: uuid('evidence_resource_id'),
    assessedAt: timestamp('assessed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('training_self_assessments_user_idx').on(t.userId)],
);
