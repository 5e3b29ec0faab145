import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import { users } from '../identity/identity.schema.ts';
import type {
  ContestLevel,
  ContestRules,
  ContestStatus,
  EntryKind,
  EntryStatus,
  EventKind,
  GradeBand,
  RubricCriterion,
  SignupStatus,
  SubmissionLink,
  SubmissionFile,
} from '../../../shared/api/contests.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A competition round at one level (校→区→市→省→国). Organised by an authority unit or a school; its area is
 * where entrants' schools must be. `parentContestId` is the next level's round that receives promotions.
 */
export const contests = pgTable(
  'contests',
  {
    id: idColumn(),
    /** Natural key (demo seeding, federation feeds). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    description: text('description').notNull().default(''),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organiserUnitId: uuid('organiser_unit_id').references(() => authorityUnits.id),
    organiserSchoolId: uuid('organiser_school_id').references(() => schools.id),
    level: text('level').$type<ContestLevel>().notNull(),
    /** On the education ministry's whitelist of competitions for primary and secondary pupils. */
    whitelisted: boolean('whitelisted').notNull().default(false),
    tracks: text('tracks').array().notNull(),
    gradeBands: jsonb('grade_bands').$type<GradeBand[]>().notNull(),
    rules: jsonb('rules').$type<ContestRules>().notNull(),
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull(),
    registrationOpensAt: ts('registration_opens_at').notNull(),
    registrationClosesAt: ts('registration_closes_at').notNull(),
    submissionClosesAt: ts('submission_closes_at').notNull(),
    judgingClosesAt: ts('judging_closes_at').notNull(),
    appealsClosesAt: ts('appeals_closes_at').notNull(),
    resultsAt: ts('results_at').notNull(),
    /** How many entries each lower-level unit (school under a district, district under a city…) sends up. */
    quotaPerUnit: integer('quota_per_unit').notNull().default(2),
    parentContestId: uuid('parent_contest_id'),
    status: text('status').$type<ContestStatus>().notNull().default('open'),
    publishedAt: ts('published_at'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contests_code_uq').on(t.code), index('contests_jurisdiction_idx').on(t.jurisdictionId)],
);

/** One registration: a pupil or a team, with its advisors. `code` is what blind judges see. */
export const contestEntries = pgTable(
  'contest_entries',
  {
    id: idColumn(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    track: text('track').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    /** The lead school (the registering one); members may come from others when the rules allow. */
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    guardianConsent: boolean('guardian_consent').notNull(),
    status: text('status').$type<EntryStatus>().notNull().default('registered'),
    /** The entry of the lower round this one was promoted from (its history). */
    sourceEntryId: uuid('source_entry_id'),
    score: doublePrecision('score'),
    rank: integer('rank'),
    award: text('award'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contest_entries_code_uq').on(t.contestId, t.code), index('contest_entries_contest_idx').on(t.contestId)],
);

export const contestEntryMembers = pgTable(
  'contest_entry_members',
  {
    id: idColumn(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<'student' | 'advisor'>().notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
  },
  (t) => [uniqueIndex('contest_entry_members_uq').on(t.entryId, t.userId), index('contest_entry_members_user_idx').on(t.userId)],
);

/** Versioned until the submission deadline; rows are never updated, a new version is a new row. */
export const contestSubmissions = pgTable(
  'contest_submissions',
  {
    id: idColumn(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    files: jsonb('files').$type<SubmissionFile[]>().notNull(),
    links: jsonb('links').$type<SubmissionLink[]>().notNull(),
    note: text('note').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex('contest_submissions_version_uq').on(t.entryId, t.version)],
);

/** Files uploaded for an entry (bytes in the blob store); a submission version references them by hash. */
export const contestUploads = pgTable(
  'contest_uploads',
  {
    id: idColumn(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('contest_uploads_entry_idx').on(t.entryId, t.sha256)],
);

/** The judging panel of a contest. Home school and unit are kept for conflict-of-interest exclusion. */
export const contestJudges = pgTable(
  'contest_judges',
  {
    id: idColumn(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id'),
    unitId: uuid('unit_id'),
  },
  (t) => [uniqueIndex('contest_judges_uq').on(t.contestId, t.userId)],
);

/** One judge scoring one entry. `submittedAt` set → scores are locked. */
export const contestAssignments = pgTable(
  'contest_assignments',
  {
    id: idColumn(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>(),
    comment: text('comment').notNull().default(''),
    submittedAt: ts('submitted_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contest_assignments_uq').on(t.entryId, t.judgeUserId), index('contest_assignments_judge_idx').on(t.judgeUserId)],
);

export const contestAppeals = pgTable('contest_appeals', {
  id: idColumn(),
  contestId: uuid('contest_id')
    .notNull()
    .references(() => contests.id),
  entryId: uuid('entry_id')
    .notNull()
    .references(() => contestEntries.id, { onDelete: 'cascade' }),
  filedBy: uuid('filed_by').references(() => users.id),
  reason: text('reason').notNull(),
  status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
  outcome: text('outcome').notNull().default(''),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  createdAt: createdAt(),
});

/** Lectures (院士专家进校园), science days, lab and enterprise visits. Listed publicly per jurisdiction. */
export const contestEvents = pgTable(
  'contest_events',
  {
    id: idColumn(),
    code: text('code').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    language: text('language').notNull(),
    location: text('location').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organiserUnitId: uuid('organiser_unit_id').references(() => authorityUnits.id),
    organiserSchoolId: uuid('organiser_school_id').references(() => schools.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    feedbackQuestions: jsonb('feedback_questions').$type<string[]>().notNull(),
    status: text('status').$type<'published' | 'cancelled'>().notNull().default('published'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contest_events_code_uq').on(t.code), index('contest_events_jurisdiction_idx').on(t.jurisdictionId)],
);

export const contestEventSignups = pgTable(
  'contest_event_signups',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => contestEvents.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id'),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    status: text('status').$type<SignupStatus>().notNull(),
    attended: boolean('attended').notNull().default(false),
    rating: integer('rating'),
    feedback: jsonb('feedback').$type<Record<string, string>>(),
    /** Waitlist order: first come, first promoted. */
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contest_event_signups_uq').on(t.eventId, t.userId), index('contest_event_signups_event_idx').on(t.eventId)],
);

/**
 * An award as a verifiable credential (Open Badges 3.0 VC-JWT signed through training's credential
 * service), one per pupil of an awarded entry. A re-score after an upheld appeal revokes it and issues anew.
 */
export const contestCredentials = pgTable(
  'contest_credentials',
  {
    id: idColumn(),
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contests.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    award: text('award').notNull(),
    jwt: text('jwt').notNull(),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
  },
  (t) => [
    uniqueIndex('contest_credentials_live_uq')
      .on(t.entryId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    index('contest_credentials_user_idx').on(t.userId),
  ],
);
