import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActivityDefinition, StoredStatement } from '../../../lib/xapi/statement.types.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';

/** Raw bytes (attachment data, documents); node-postgres and PGlite both hand back a Buffer/Uint8Array. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One stored xAPI statement. Every row carries the school and jurisdiction of the API client that stored
 * it: each school's clients see their own learning record store, and reads filter on it in the WHERE
 * clause (records.policy.ts). `seq` is the stored order (ties of `stored` inside one batch are broken by
 * it) and the `more` cursor. The four key arrays come from `statementIndexKeys` (lib/xapi); they are
 * copied one row per key into `xapi_statement_keys`, which answers the agent/activity filters (the
 * arrays stay for the StatementRef "targeting" rule, which tests a few joined rows against them).
 */
export const xapiStatements = pgTable(
  'xapi_statements',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    statementId: uuid('statement_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    /** The API client whose credentials stored it (the statement's authority). */
    clientId: uuid('client_id'),
    stored: timestamp('stored', { withTimezone: true, mode: 'date' }).notNull(),
    verbId: text('verb_id').notNull(),
    registration: uuid('registration'),
    /** True when a voiding statement targets this one (Data 2.3.2); left out of every list. */
    voided: boolean('voided').notNull().default(false),
    /** For a voiding statement: the id it voids. */
    voidsId: uuid('voids_id'),
    /** The target of a StatementRef object (voiding or not), for the "targeting statements" filter rule. */
    objectRef: uuid('object_ref'),
    agents: text('agents').array().notNull(),
    relatedAgents: text('related_agents').array().notNull(),
    activities: text('activities').array().notNull(),
    relatedActivities: text('related_activities').array().notNull(),
    /** The statement as stored (format=exact answers it unchanged). */
    statement: jsonb('statement').$type<StoredStatement>().notNull(),
  },
  (t) => [
    unique('xapi_statements_tenant_id_uq').on(t.jurisdictionId, t.schoolId, t.statementId).nullsNotDistinct(),
    index('xapi_statements_tenant_stored_idx').on(t.schoolId, t.stored, t.seq),
    index('xapi_statements_tenant_verb_idx').on(t.schoolId, t.verbId, t.stored, t.seq),
    index('xapi_statements_registration_idx')
      .on(t.schoolId, t.registration, t.stored, t.seq)
      .where(sql`${t.registration} is not null`),
    index('xapi_statements_object_ref_idx')
      .on(t.schoolId, t.objectRef)
      .where(sql`${t.objectRef} is not null`),
    // The dashboards subtract voided statements from the daily counts; voiding is rare, so this stays small.
    index('xapi_statements_voided_idx')
      .on(t.schoolId, t.stored)
      .where(sql`${t.voided}`),
  ],
);

/** `xapi_statement_keys.kind`: which of the four key sets of `statementIndexKeys` a key row comes from. */
export const STATEMENT_KEY_KIND = { agent: 1, relatedAgent: 2, activity: 3, relatedActivity: 4 } as const;
export type StatementKeyKind = (typeof STATEMENT_KEY_KIND)[keyof typeof STATEMENT_KEY_KIND];

/**
 * One row per (statement, key set, key): the agent/activity filters of GET /statements and the class
 * dashboard read this table in one ordered btree scan `(school, kind, key, stored, seq)` and stop after
 * a page, however many statements share the key. GIN arrays found all rows of a broad key (a course as
 * `related_activities`: 16,000 in a school at 1M statements) and sorted them, p95 4 s; this table 28 ms
 * (bench/records). Written in the same SQL statement as the statements it indexes. No foreign key:
 * statements are never deleted, and the check would cost every ingested key row a lookup.
 * The jurisdiction is not repeated here: the join with `xapi_statements` applies the full tenant.
 */
export const xapiStatementKeys = pgTable(
  'xapi_statement_keys',
  {
    schoolId: uuid('school_id'),
    kind: smallint('kind').$type<StatementKeyKind>().notNull(),
    key: text('key').notNull(),
    stored: timestamp('stored', { withTimezone: true, mode: 'date' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('xapi_statement_keys_lookup_idx').on(t.schoolId, t.kind, t.key, t.stored, t.seq)],
);

/**
 * Statements per (school, related activity, UTC day, verb, actor key), for the class dashboards: a course
 * over a term is then a few hundred rows however many statements it holds. Filled for whole days only, by
 * `rollUpCompleteDays` (records.rollup.ts) once a day is over; it counts every statement stored that day,
 * voided or not (voiding is subtracted at read time, so a later voiding never needs a rewrite here).
 */
export const xapiDailyCounts = pgTable(
  'xapi_daily_counts',
  {
    schoolId: uuid('school_id'),
    activityId: text('activity_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    verbId: text('verb_id').notNull(),
    agentKey: text('agent_key').notNull(),
    statements: integer('statements').notNull(),
  },
  (t) => [unique('xapi_daily_counts_uq').on(t.schoolId, t.activityId, t.day, t.verbId, t.agentKey).nullsNotDistinct()],
);

/** One row: the end (exclusive, a UTC midnight) of the days `xapi_daily_counts` holds. */
export const xapiRollupState = pgTable('xapi_rollup_state', {
  id: smallint('id').primaryKey().default(1),
  rolledUntil: timestamp('rolled_until', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Attachment data, content-addressed by the SHA-2 the statement declares (Communication 1.5.2). Kept in
 * the database for now; it moves to the blob store (DESIGN.md §3) when that exists. Not tenant-scoped:
 * bytes are only reachable through a statement the reader may read.
 */
export const xapiAttachments = pgTable('xapi_attachments', {
  sha2: text('sha2').primaryKey(),
  contentType: text('content_type').notNull(),
  length: integer('length').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The LRS's canonical definition of each Activity it has seen with a definition (GET /activities, format=canonical). */
export const xapiActivities = pgTable(
  'xapi_activities',
  {
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    schoolId: uuid('school_id'),
    activityId: text('activity_id').notNull(),
    definition: jsonb('definition').$type<ActivityDefinition>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('xapi_activities_tenant_uq').on(t.jurisdictionId, t.schoolId, t.activityId).nullsNotDistinct()],
);

export type XapiDocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/**
 * State, Activity Profile and Agent Profile documents (Communication 2.2–2.7). Parts a kind does not
 * use are '' (never null) so one unique key covers all three kinds. `etag` is the SHA-1 of the content.
 */
export const xapiDocuments = pgTable(
  'xapi_documents',
  {
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    schoolId: uuid('school_id'),
    kind: text('kind').$type<XapiDocumentKind>().notNull(),
    activityId: text('activity_id').notNull(),
    agentKey: text('agent_key').notNull(),
    registration: text('registration').notNull(),
    documentId: text('document_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    etag: text('etag').notNull(),
    updated: timestamp('updated', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('xapi_documents_key_uq')
      .on(t.jurisdictionId, t.schoolId, t.kind, t.activityId, t.agentKey, t.registration, t.documentId)
      .nullsNotDistinct(),
  ],
);
