import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { DocumentKind, ExchangeKind, PairStatus, ProjectRole, Renewal, TaskStatus } from '../../../shared/api/network.ts';

/** What a school says about itself to possible partners (one row per school, made on first edit). */
export const networkProfiles = pgTable('network_profiles', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  summary: text('summary').notNull().default(''),
  interests: text('interests').array().notNull().default([]),
  seeks: text('seeks').array().notNull().default([]),
  labs: integer('labs').notNull().default(0),
  coursesOffered: text('courses_offered').array().notNull().default([]),
  /** Contact persons: shown only to signed-in staff (network.present.ts). */
  contacts: jsonb('contacts').$type<{ name: string; role: string; email?: string; phone?: string }[]>().notNull().default([]),
  /** The school's own coordinates; when absent the district centroid (network.centroids.ts) stands in. */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  version: versionColumn(),
  updatedAt: updatedAt(),
});

/**
 * A sister-school pair (姐妹结对) from proposal to agreement. School A proposed; the agreement is active only
 * once a principal of each school has said yes (A's proposal is A's yes).
 */
export const networkPairs = pgTable(
  'network_pairs',
  {
    id: idColumn(),
    schoolAId: uuid('school_a_id')
      .notNull()
      .references(() => schools.id),
    schoolBId: uuid('school_b_id')
      .notNull()
      .references(() => schools.id),
    status: text('status').$type<PairStatus>().notNull(),
    message: text('message').notNull().default(''),
    goals: text('goals').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    renewal: text('renewal').$type<Renewal>().notNull(),
    approvedByA: uuid('approved_by_a').references(() => users.id),
    approvedByB: uuid('approved_by_b').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('network_pairs_a_idx').on(t.schoolAId), index('network_pairs_b_idx').on(t.schoolBId)],
);

export const networkExchanges = pgTable(
  'network_exchanges',
  {
    id: idColumn(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => networkPairs.id),
    kind: text('kind').$type<ExchangeKind>().notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    teachers: integer('teachers').notNull().default(0),
    students: integer('students').notNull().default(0),
    participants: text('participants').notNull().default(''),
    reflection: text('reflection').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('network_exchanges_pair_idx').on(t.pairId)],
);

/** Photos of an exchange: bytes in the node's blob store, keyed by SHA-256. */
export const networkExchangePhotos = pgTable('network_exchange_photos', {
  id: idColumn(),
  exchangeId: uuid('exchange_id')
    .notNull()
    .references(() => networkExchanges.id),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  mediaType: text('media_type').notNull(),
  filename: text('filename').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** A joint research project (项目共研): private to its members until its output is published. */
export const networkProjects = pgTable('network_projects', {
  id: idColumn(),
  title: text('title').notNull(),
  question: text('question').notNull(),
  status: text('status').$type<'active' | 'published'>().notNull().default('active'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  /** The library resource its output became (a draft submitted for review at the lead's school). */
  outputResourceId: uuid('output_resource_id'),
  createdAt: createdAt(),
});

export const networkProjectMembers = pgTable(
  'network_project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => networkProjects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id').references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    role: text('role').$type<ProjectRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('network_project_members_user_idx').on(t.userId)],
);

export const networkMilestones = pgTable('network_milestones', {
  id: idColumn(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => networkProjects.id),
  title: text('title').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  createdAt: createdAt(),
});

export const networkTasks = pgTable('network_tasks', {
  id: idColumn(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => networkProjects.id),
  title: text('title').notNull(),
  status: text('status').$type<TaskStatus>().notNull().default('todo'),
  assigneeId: uuid('assignee_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const networkThreads = pgTable('network_threads', {
  id: idColumn(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => networkProjects.id),
  title: text('title').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

export const networkPosts = pgTable(
  'network_posts',
  {
    id: idColumn(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => networkThreads.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('network_posts_thread_idx').on(t.threadId)],
);

/** A shared document: a link to a library resource, a course (by id) or a web page. */
export const networkDocuments = pgTable('network_documents', {
  id: idColumn(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => networkProjects.id),
  kind: text('kind').$type<DocumentKind>().notNull(),
  ref: text('ref').notNull(),
  title: text('title').notNull(),
  addedBy: uuid('added_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** University and industry experts who mentor schools (结对指导). Invented in the demo. */
export const networkExperts = pgTable('network_experts', {
  id: idColumn(),
  code: text('code').unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<'university' | 'industry'>().notNull(),
  affiliation: text('affiliation').notNull(),
  fields: text('fields').array().notNull(),
  availability: text('availability').notNull().default(''),
  createdAt: createdAt(),
});

export const networkMentorships = pgTable(
  'network_mentorships',
  {
    id: idColumn(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => networkExperts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    focus: text('focus').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('network_mentorships_uq').on(t.expertId, t.schoolId)],
);

export const networkMentoringLogs = pgTable('network_mentoring_logs', {
  id: idColumn(),
  mentorshipId: uuid('mentorship_id')
    .notNull()
    .references(() => networkMentorships.id),
  on: date('on', { mode: 'string' }).notNull(),
  minutes: integer('minutes').notNull(),
  note: text('note').notNull(),
  authorId: uuid('author_id').references(() => users.id),
  createdAt: createdAt(),
});

/** An expert lecture; `eventRef` points at the contests/events module's event (id or URL) when there is one. */
export const networkLectures = pgTable('network_lectures', {
  id: idColumn(),
  expertId: uuid('expert_id')
    .notNull()
    .references(() => networkExperts.id),
  title: text('title').notNull(),
  on: date('on', { mode: 'string' }).notNull(),
  eventRef: text('event_ref'),
  createdAt: createdAt(),
});
