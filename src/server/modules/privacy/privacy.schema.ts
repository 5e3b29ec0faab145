import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { DataCategory, DeidStep, EgressRule, TTablePolicy } from '../../../shared/api/privacy.ts';

/** Raw bytes; node-postgres and PGlite both hand back a Buffer/Uint8Array. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The rules of one jurisdiction for one data category, edited by its data steward: whether such data may
 * leave (never / de-identified / DP aggregates only), the minimum k of a release and the ε a sharing
 * agreement may spend per period — stricter values for records of children under 14 (PIPL arts. 28, 31).
 */
export const privacyPolicies = pgTable(
  'privacy_policies',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    category: text('category').$type<DataCategory>().notNull(),
    egress: text('egress').$type<EgressRule>().notNull(),
    minK: integer('min_k').notNull(),
    epsilonPerPeriod: doublePrecision('epsilon_per_period').notNull(),
    periodDays: integer('period_days').notNull(),
    childMinK: integer('child_min_k').notNull(),
    childEpsilonPerPeriod: doublePrecision('child_epsilon_per_period').notNull(),
    requiresPia: boolean('requires_pia').notNull(),
    requiresFiling: boolean('requires_filing').notNull(),
    notes: text('notes').notNull().default(''),
    updatedBy: uuid('updated_by'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('privacy_policies_jurisdiction_category_uq').on(t.jurisdictionId, t.category)],
);

/**
 * Content-addressed file bytes (SHA-256). Stands in for the node's blob store, which does not exist yet:
 * privacy.blobs.ts is the adapter, so moving to the blob store changes one file.
 */
export const privacyBlobs = pgTable('privacy_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdAt: createdAt(),
});

export interface StoredProfile {
  column: string;
  role: string;
  entity: string | null;
  reason: string;
  suggestedOperator: string;
  distinct: number;
  nonEmpty: number;
}

/**
 * An uploaded table (`kind: 'raw'`, personal data of its jurisdiction) or the output of a release
 * (`kind: 'deidentified'`). Raw rows are read only inside their jurisdiction (privacy.policy.ts).
 */
export const privacyDatasets = pgTable(
  'privacy_datasets',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    kind: text('kind').$type<'raw' | 'deidentified'>().notNull(),
    name: text('name').notNull(),
    category: text('category').$type<DataCategory>().notNull(),
    format: text('format').$type<'csv' | 'xlsx' | 'jsonl'>().notNull(),
    blobSha256: text('blob_sha256')
      .notNull()
      .references(() => privacyBlobs.sha256),
    size: integer('size').notNull(),
    rowCount: integer('row_count').notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    profile: jsonb('profile').$type<StoredProfile[]>().notNull().default([]),
    /** An age or birth-date column shows children under 14: the stricter policy values apply. */
    containsChildren: boolean('contains_children').notNull().default(false),
    /** Set on outputs: the release that made it. */
    releaseId: uuid('release_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('privacy_datasets_jurisdiction_idx').on(t.jurisdictionId, t.createdAt)],
);

export interface ReleaseStepEntry {
  step: DeidStep;
  at: string;
  by: string | null;
  details: Record<string, unknown>;
}

export type ReleaseStatus = 'queued' | 'running' | 'ready' | 'approved' | 'rejected' | 'failed';

/**
 * One de-identification of a raw dataset under a table policy (and, when it is to be shared, under a
 * sharing agreement whose secret keys the pseudonyms). Carries the GB/T 37964 steps as they happen.
 */
export const privacyReleases = pgTable(
  'privacy_releases',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id'),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => privacyDatasets.id),
    agreementId: uuid('agreement_id'),
    policy: jsonb('policy').$type<TTablePolicy>().notNull(),
    objective: text('objective').notNull(),
    status: text('status').$type<ReleaseStatus>().notNull().default('queued'),
    jobId: uuid('job_id'),
    outputDatasetId: uuid('output_dataset_id'),
    risk: jsonb('risk').$type<Record<string, number>>(),
    utility: jsonb('utility').$type<Record<string, unknown>>(),
    /** Result of the outbound PII check of the output (finding counts by column and type, never values). */
    outbound: jsonb('outbound').$type<{ ok: boolean; findings: { column: string; type: string; count: number }[] }>(),
    steps: jsonb('steps').$type<ReleaseStepEntry[]>().notNull().default([]),
    error: text('error'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('privacy_releases_dataset_idx').on(t.datasetId), index('privacy_releases_agreement_idx').on(t.agreementId)],
);

export type AgreementStatus = 'draft' | 'pending' | 'active' | 'revoked';

/**
 * A sharing agreement between two jurisdictions. Active once the data stewards of BOTH sides approved it
 * and until it expires or is revoked. Its HMAC secret (keyed pseudonyms: stable within the agreement,
 * different across agreements) is stored encrypted with a key derived from the node's session secret.
 * The ε budget lives on the row, so a query locks the row to spend it (no overspending under concurrency).
 */
export const privacyAgreements = pgTable(
  'privacy_agreements',
  {
    id: idColumn(),
    /** The party that proposed it (its steward created it). */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    partnerJurisdictionId: uuid('partner_jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: text('legal_basis').notNull(),
    category: text('category').$type<DataCategory>().notNull(),
    datasetIds: uuid('dataset_ids').array().notNull(),
    fields: text('fields').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').$type<AgreementStatus>().notNull().default('draft'),
    piaRef: text('pia_ref').notNull().default(''),
    filingRef: text('filing_ref').notNull().default(''),
    /** AES-256-GCM ciphertext of the 32-byte pseudonym secret; never presented, never logged. */
    secretCiphertext: text('secret_ciphertext').notNull(),
    approvedByOwnerId: uuid('approved_by_owner_id'),
    approvedByOwnerAt: timestamp('approved_by_owner_at', { withTimezone: true, mode: 'date' }),
    approvedByPartnerId: uuid('approved_by_partner_id'),
    approvedByPartnerAt: timestamp('approved_by_partner_at', { withTimezone: true, mode: 'date' }),
    /** ε budget in nano-ε (lib/dp/epsilon.ts) per period of `periodDays`. */
    epsilonTotalNanos: bigint('epsilon_total_nanos', { mode: 'number' }).notNull(),
    epsilonSpentNanos: bigint('epsilon_spent_nanos', { mode: 'number' }).notNull().default(0),
    periodDays: integer('period_days').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('privacy_agreements_parties_idx').on(t.jurisdictionId, t.partnerJurisdictionId)],
);

/**
 * Answers of DP queries, by agreement and cache key (lib/dp/cache-key.ts): a repeated query gets the same
 * noisy answer back and costs nothing more.
 */
export const privacyDpAnswers = pgTable(
  'privacy_dp_answers',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => privacyAgreements.id),
    cacheKey: text('cache_key').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    epsilonNanos: bigint('epsilon_nanos', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('privacy_dp_answers_key_uq').on(t.agreementId, t.cacheKey)],
);
