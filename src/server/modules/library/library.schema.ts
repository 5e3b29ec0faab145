import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { ContentLanguage } from '../../../shared/languages.ts';
import type { AiCompetencyTag, GradeBand, Licence, PublishLevel, ResourceStatus, Subject } from '../../../shared/library.ts';

/**
 * A shared teaching resource (资源共享). The row holds the current text; every save also writes a
 * `resource_versions` snapshot. `publishLevel` + `status` + `anchorUnitId` are the audience the visibility
 * rule (search.visibility.ts) reads; a pending recommendation to a wider level lives in `resource_submissions`
 * and changes the audience only when approved.
 */
export const resources = pgTable(
  'resources',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** Id in the system a bulk import came from; re-imports update by (school, externalId). */
    externalId: text('external_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Sanitised HTML (library.sanitise.ts); never stored unsanitised. */
    bodyHtml: text('body_html').notNull().default(''),
    language: text('language').$type<ContentLanguage>().notNull(),
    subject: text('subject').$type<Subject>().notNull(),
    gradeBand: text('grade_band').$type<GradeBand>().notNull(),
    grades: smallint('grades')
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    aiCompetencies: jsonb('ai_competencies').$type<AiCompetencyTag[]>().notNull().default([]),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    licence: text('licence').$type<Licence>().notNull(),
    /** Attribution line kept through adaptations ("原作：… / Original: …"). */
    attribution: text('attribution'),
    publishLevel: text('publish_level').$type<PublishLevel>().notNull().default('private'),
    status: text('status').$type<ResourceStatus>().notNull().default('draft'),
    /** The unit at `publishLevel` among the school's ancestors (district/city/province), else null. */
    anchorUnitId: uuid('anchor_unit_id').references(() => authorityUnits.id),
    /** Remix lineage: the resource this one adapts (an adaptation or a 繁體/简体 edition). */
    adaptedFromId: uuid('adapted_from_id'),
    adaptationKind: text('adaptation_kind').$type<'adaptation' | 'edition'>(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    viewCount: integer('view_count').notNull().default(0),
    downloadCount: integer('download_count').notNull().default(0),
    favouriteCount: integer('favourite_count').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('resources_school_idx').on(t.schoolId),
    index('resources_author_idx').on(t.authorId),
    index('resources_level_status_idx').on(t.publishLevel, t.status),
    index('resources_anchor_idx').on(t.anchorUnitId),
    index('resources_adapted_from_idx').on(t.adaptedFromId),
    uniqueIndex('resources_school_external_uq').on(t.schoolId, t.externalId),
  ],
);

/** One file of a resource version list, as it was when listed. */
export interface VersionFile {
  fileId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Every save of a resource: the text fields and file list as they were (history, diff, restore). */
export const resourceVersions = pgTable(
  'resource_versions',
  {
    id: idColumn(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    keywords: text('keywords').array().notNull(),
    /** Metadata as it was (language, subject, grade band, grades, competencies, licence). */
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    files: jsonb('files').$type<VersionFile[]>().notNull(),
    /** What made this version: create, edit, file-add, file-remove, restore, import, adapt, edition. */
    change: text('change').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('resource_versions_number_uq').on(t.resourceId, t.number)],
);

/**
 * Files attached to resources. Bytes live in the blob store under their SHA-256; a row is never deleted,
 * only marked removed, so an older version's file list can be restored.
 */
export const resourceFiles = pgTable(
  'resource_files',
  {
    id: idColumn(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Decided from the content (magic bytes), never from the name. */
    mediaType: text('media_type').notNull(),
    filename: text('filename').notNull(),
    /** Plain text extracted in the background (PDF, DOCX, PPTX), appended to the search body. */
    extractedText: text('extracted_text'),
    extraction: text('extraction').$type<'pending' | 'done' | 'failed' | 'none'>().notNull().default('none'),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('resource_files_resource_idx').on(t.resourceId), index('resource_files_sha_idx').on(t.sha256)],
);

/** A request to publish (or recommend) a resource at a level, and the reviewer's decision. */
export const resourceSubmissions = pgTable(
  'resource_submissions',
  {
    id: idColumn(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    level: text('level').$type<PublishLevel>().notNull(),
    /** Anchor unit of `level` (district/city/province), for the reviewer query. */
    anchorUnitId: uuid('anchor_unit_id'),
    /** Level the resource was published at when submitted (private for a first submission). */
    fromLevel: text('from_level').$type<PublishLevel>().notNull(),
    status: text('status').$type<'pending' | 'approved' | 'returned' | 'cancelled'>().notNull().default('pending'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    comment: text('comment'),
    resourceVersion: integer('resource_version').notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('resource_submissions_resource_idx').on(t.resourceId),
    index('resource_submissions_pending_idx').on(t.status, t.level),
    uniqueIndex('resource_submissions_one_pending_uq')
      .on(t.resourceId)
      .where(sql`status = 'pending'`),
  ],
);

/** One rating (1–5) with a short review per user per resource. */
export const resourceRatings = pgTable(
  'resource_ratings',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    stars: smallint('stars').notNull(),
    review: text('review'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.userId] })],
);

export const resourceFavourites = pgTable(
  'resource_favourites',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] })],
);

/**
 * A curated, shareable list of resources. It carries the same audience columns as a resource, so the one
 * visibility rule decides who sees it; its items are shown only when the reader may see each resource.
 */
export const collections = pgTable(
  'collections',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    language: text('language').$type<ContentLanguage>().notNull(),
    publishLevel: text('publish_level').$type<PublishLevel>().notNull().default('private'),
    status: text('status').$type<ResourceStatus>().notNull().default('published'),
    anchorUnitId: uuid('anchor_unit_id'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('collections_owner_idx').on(t.ownerId), index('collections_level_idx').on(t.publishLevel)],
);

export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    note: text('note'),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.resourceId] })],
);

// The `notifications` table moved to modules/notifications/notifications.schema.ts.

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceFileRow = typeof resourceFiles.$inferSelect;
export type SubmissionRow = typeof resourceSubmissions.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
