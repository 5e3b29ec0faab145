import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';

/** Where a notification's e-mail copy stands: `none` when the recipient did not ask for e-mail. */
export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * In-app messages to one user, written by any module through `notify()` (notifications.service.ts). The table
 * was created by the library module (migration 0004); it moved here unchanged plus `link` and `email_status`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A stable kind `<module>.<event>` the UI translates under `<module>.notifications.<event>`. */
    kind: text('kind').notNull(),
    /** Written by the library before this module existed; new rows carry `data.resourceId` and `link` instead. */
    resourceId: uuid('resource_id'),
    /** Values for the translated message (title, level, comment…). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** The in-app path the message opens, e.g. `/library/resources/<id>`. */
    link: text('link'),
    read: boolean('read').notNull().default(false),
    emailStatus: text('email_status').$type<EmailStatus>().notNull().default('none'),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.read, t.createdAt)],
);

/**
 * How one user wants to hear: in-app always; e-mail per module (opt-in), to the address given here — the
 * identity module keeps no e-mail addresses, and this one is used for nothing but notifications.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: text('email'),
  /** Modules (`library`, `training`, `network`…) whose notifications are also e-mailed. */
  emailModules: text('email_modules').array().notNull().default([]),
  updatedAt: updatedAt(),
});

export type NotificationRow = typeof notifications.$inferSelect;
