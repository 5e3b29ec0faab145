import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';

/** Raw bytes: a Yjs update. node-postgres and PGlite both hand back a Buffer/Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * The live state of every co-edited document, one row per `<type>:<id>` name. `state` is the whole Yjs
 * document encoded as one update (Y.encodeStateAsUpdate), so loading is one row and one applyUpdate.
 */
export const collabDocuments = pgTable('collab_documents', {
  name: text('name').primaryKey(),
  state: bytea('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Named versions of a document. `kind` tells a teacher's named version from the one taken automatically
 * before a restore (which is what makes a restore undoable).
 */
export const collabSnapshots = pgTable(
  'collab_snapshots',
  {
    id: idColumn(),
    documentName: text('document_name').notNull(),
    label: text('label').notNull(),
    kind: text('kind').$type<'named' | 'before_restore'>().notNull().default('named'),
    state: bytea('state').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('collab_snapshots_document_idx').on(t.documentName, t.createdAt)],
);

/**
 * Comments on a passage. A thread's first comment carries the anchor: two Yjs relative positions
 * (base64 of Y.encodeRelativePosition), which follow the text as others edit around it, plus the quoted
 * text as it was when commented (shown when the passage has since been deleted). Replies point at the
 * thread's first comment and carry no anchor.
 */
export const collabComments = pgTable(
  'collab_comments',
  {
    id: idColumn(),
    documentName: text('document_name').notNull(),
    threadId: uuid('thread_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    anchorFrom: text('anchor_from'),
    anchorTo: text('anchor_to'),
    quote: text('quote'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('collab_comments_document_idx').on(t.documentName, t.createdAt), index('collab_comments_thread_idx').on(t.threadId)],
);
