import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ContentLanguage } from '../../../shared/languages.ts';
import type { GradeBand, Licence, PublishLevel, ResourceStatus, Subject } from '../../../shared/library.ts';

/** PostgreSQL's `bytea` (the anywhere signature, search.signature.ts). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** PostgreSQL's `tsvector`, written as its text literal (search.rank-vector.ts builds it; no parser runs). */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * The search index of resources and courses: one row per document, written by `indexDocument` in the
 * same transaction as the library's save. Besides the contract fields it stores what lib/text's `analyse`
 * makes of each field (canonical Simplified keys, so a query in either script and either region's
 * vocabulary meets the same values), as text[] columns with GIN indexes: built into PostgreSQL and PGlite,
 * no extension, no text-search parser touching the Chinese. `analysisVersion` marks rows to re-analyse
 * when lib/text changes (see search.reindex.ts).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<'resource' | 'course'>().notNull(),
    externalId: text('external_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Plain text, cut to a bounded length (search.analyse.ts): enough for matching and snippets. */
    body: text('body').notNull(),
    keywords: text('keywords').array().notNull(),
    language: text('language').$type<ContentLanguage>().notNull(),
    subject: text('subject').$type<Subject>().notNull(),
    gradeBand: text('grade_band').$type<GradeBand>().notNull(),
    licence: text('licence').$type<Licence>().notNull(),
    publishLevel: text('publish_level').$type<PublishLevel>().notNull(),
    status: text('status').$type<ResourceStatus>().notNull(),
    authorId: uuid('author_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    anchorUnitId: uuid('anchor_unit_id'),
    popularity: integer('popularity').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),

    // What lib/text made of the fields (ANALYSIS_VERSION at the time).
    analysisVersion: text('analysis_version').notNull(),
    /** Canonical title and summary: the whole canonical query found inside them is a phrase match. */
    titleCanonical: text('title_canonical').notNull(),
    summaryCanonical: text('summary_canonical').notNull(),
    titleTerms: text('title_terms').array().notNull(),
    titleBigrams: text('title_bigrams').array().notNull(),
    titleEnglish: text('title_english').array().notNull(),
    keywordTerms: text('keyword_terms').array().notNull(),
    keywordBigrams: text('keyword_bigrams').array().notNull(),
    keywordEnglish: text('keyword_english').array().notNull(),
    summaryTerms: text('summary_terms').array().notNull(),
    summaryBigrams: text('summary_bigrams').array().notNull(),
    summaryEnglish: text('summary_english').array().notNull(),
    /** Distinct values over all fields (title, keywords, summary, body): what the match runs on. */
    terms: text('terms').array().notNull(),
    bigrams: text('bigrams').array().notNull(),
    english: text('english').array().notNull(),
    /** Prefixes of the canonical title from each word start (typeahead, either script). */
    suggestKeys: text('suggest_keys').array().notNull(),
    /**
     * Every analysed value once, kind-prefixed (`w:` word, `b:` bigram, `e:` English stem), weighted by
     * field: A title, B keywords, C summary, D anywhere (search.rank-vector.ts). The ranking reads this one
     * sorted column (binary search per value) instead of scanning the big arrays twenty times per row.
     * NULL on rows indexed before it existed: the re-index job treats them as stale.
     */
    rankVector: tsvector('rank_vector'),
    /**
     * The ranking vector's title, keyword and summary entries (weights A, B, C): small, kept in the heap
     * row, so the first phase of the ranking scores every match without reading `rank_vector`. NULL on rows
     * indexed before it existed: ranked by full scoring until the re-index job fills it.
     */
    headVector: tsvector('head_vector'),
    /**
     * A Bloom filter of the "anywhere" values (search.signature.ts): a per-row bound of the body score for
     * the two-phase ranking. NULL on rows indexed before it existed: their bound is the global one.
     */
    anywhereSignature: bytea('anywhere_signature'),
  },
  (t) => [
    index('search_documents_terms_gin').using('gin', t.terms),
    index('search_documents_bigrams_gin').using('gin', t.bigrams),
    index('search_documents_english_gin').using('gin', t.english),
    index('search_documents_suggest_gin').using('gin', t.suggestKeys),
    index('search_documents_school_idx').on(t.schoolId),
    index('search_documents_anchor_idx').on(t.anchorUnitId),
    index('search_documents_author_idx').on(t.authorId),
    index('search_documents_level_idx').on(t.publishLevel, t.status),
    index('search_documents_popular_idx').on(t.popularity.desc(), t.id),
    index('search_documents_stale_idx').on(t.analysisVersion),
  ],
);

export type SearchDocumentRow = typeof searchDocuments.$inferSelect;
export type NewSearchDocumentRow = typeof searchDocuments.$inferInsert;
