import { boolean, date, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { searchDocuments } from '../search/search.schema.ts';
import { classes, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { AssistantCitation, AssistantKind, PersonalDataCategory } from '../../../shared/api/assistant.ts';

/**
 * The model endpoint of a jurisdiction (one per jurisdiction, set by its admin). The API key is sealed with
 * the node's privacy keys (privacy.keys.ts) and bound to the jurisdiction id; only its last four characters
 * are kept in clear, to tell an admin which key is set.
 */
export const assistantProviders = pgTable('assistant_providers', {
  jurisdictionId: uuid('jurisdiction_id')
    .primaryKey()
    .references(() => jurisdictions.id),
  baseUrl: text('base_url').notNull(),
  chatModel: text('chat_model').notNull(),
  embeddingModel: text('embedding_model'),
  apiKeySealed: text('api_key_sealed'),
  apiKeyLast4: text('api_key_last4'),
  /** Personal-data categories this provider may receive at all; everything else becomes a placeholder. */
  allowedCategories: text('allowed_categories').array().$type<PersonalDataCategory[]>().notNull().default([]),
  /** Days prompts and answers are kept before the retention job deletes them. */
  retentionDays: integer('retention_days').notNull().default(30),
  /** The endpoint also speaks OpenAI's `/moderations`: tutor input and output are checked there too. */
  moderation: boolean('moderation').notNull().default(false),
  /** Model to name in moderation requests (null: the endpoint's default). */
  moderationModel: text('moderation_model'),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: updatedAt(),
});

/** What a school decides about the assistant: tutor transparency and daily quotas. */
export const assistantSchoolSettings = pgTable('assistant_school_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  teachersReadTutor: boolean('teachers_read_tutor').notNull().default(false),
  schoolDailyQuota: integer('school_daily_quota').notNull().default(2000),
  userDailyQuota: integer('user_daily_quota').notNull().default(100),
  updatedAt: updatedAt(),
});

/** One conversation: a chat, a tutor session or one tool run. */
export const assistantConversations = pgTable(
  'assistant_conversations',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: text('kind').$type<AssistantKind>().notNull(),
    tool: text('tool'),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('assistant_conversations_user_idx').on(t.userId, t.updatedAt)],
);

/** A message as the user saw it (placeholders restored). The de-identified text sent out is never stored. */
export const assistantMessages = pgTable(
  'assistant_messages',
  {
    id: idColumn(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => assistantConversations.id, { onDelete: 'cascade' }),
    role: text('role').$type<'user' | 'assistant'>().notNull(),
    content: text('content').notNull(),
    /** Structured tool output, when the message is one. */
    output: jsonb('output'),
    citations: jsonb('citations').$type<AssistantCitation[]>().notNull().default([]),
    offline: boolean('offline').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('assistant_messages_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** One row per request, for quotas and the usage dashboard (no content). */
export const assistantUsage = pgTable(
  'assistant_usage',
  {
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    day: date('day').notNull(),
    tool: text('tool').notNull(),
    offline: boolean('offline').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('assistant_usage_school_day_idx').on(t.schoolId, t.day), index('assistant_usage_user_day_idx').on(t.userId, t.day)],
);

/** Topics or assignments a teacher marked as assessed for a class: the tutor will not hand over answers. */
export const assistantAssessedTopics = pgTable(
  'assistant_assessed_topics',
  {
    id: idColumn(),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').notNull(),
    topic: text('topic').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('assistant_assessed_topics_uq').on(t.classId, t.topic)],
);

/**
 * Embeddings of the library resources and published courses, one row per chunk and embeddings model
 * (assistant.embeddings.ts). `contentHash` is the SHA-256 of the de-identified chunk text that was sent,
 * so a chunk is embedded again only when its text (or the jurisdiction's outbound policy) changed. Plain
 * `real[]`: no pgvector on every PostgreSQL (nor PGlite); cosine similarity runs over the candidate set.
 */
export const assistantEmbeddings = pgTable(
  'assistant_embeddings',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => searchDocuments.id, { onDelete: 'cascade' }),
    chunkIndex: integer('chunk_index').notNull(),
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    embedding: real('embedding').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('assistant_embeddings_chunk_uq').on(t.documentId, t.model, t.chunkIndex)],
);
