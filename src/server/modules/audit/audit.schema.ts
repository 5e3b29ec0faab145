import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../db/columns.ts';

/**
 * Append-only, hash-chained log: each entry's hash covers its content and the previous entry's hash, so
 * `edubridge audit verify` finds any edited, inserted or deleted row.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: idColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull().unique(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    jurisdictionId: uuid('jurisdiction_id'),
    schoolId: uuid('school_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entries_action_idx').on(t.action),
    index('audit_entries_jurisdiction_idx').on(t.jurisdictionId, t.seq),
    index('audit_entries_school_idx').on(t.schoolId, t.seq),
    index('audit_entries_actor_idx').on(t.actorId, t.seq),
  ],
);
