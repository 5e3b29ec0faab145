import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { classes, jurisdictions, schools, authorityUnits } from '../tenancy/tenancy.schema.ts';
import type { Role } from '../../../shared/roles.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/**
 * A person with an account. Personal data: every row carries its jurisdiction (and school when it has one),
 * so scope is a WHERE clause.
 */
export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale').$type<UiLanguage>().notNull().default('zh-Hans'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    /** 学号 / 學號 as the school knows it. */
    studentNumber: text('student_number'),
    status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    sourceId: text('source_id'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Usernames are case-insensitive at login; stored lower-case.
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_school_source_uq').on(t.schoolId, t.sourceId),
    index('users_school_idx').on(t.schoolId),
    index('users_jurisdiction_idx').on(t.jurisdictionId),
  ],
);

/** Kept apart from `users` so no query that lists people can ever select a hash by accident. */
export const passwordCredentials = pgTable('password_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** A role held at a place in the tree: a jurisdiction, an authority unit, or a school. */
export const memberships = pgTable(
  'memberships',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    authorityUnitId: uuid('authority_unit_id').references(() => authorityUnits.id),
    schoolId: uuid('school_id').references(() => schools.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    unique('memberships_place_uq').on(t.userId, t.role, t.jurisdictionId, t.authorityUnitId, t.schoolId).nullsNotDistinct(),
  ],
);

/** Who is in which class, and as what (a student, or a subject teacher). */
export const classEnrollments = pgTable(
  'class_enrollments',
  {
    id: idColumn(),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    role: text('role').$type<'student' | 'teacher'>().notNull(),
    sourceId: text('source_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('class_enrollments_uq').on(t.classId, t.userId), index('class_enrollments_user_idx').on(t.userId)],
);

/** A browser session. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** An integration (an LRS client, a school system) authenticating with key + secret over HTTP Basic. */
export const apiClients = pgTable('api_clients', {
  id: idColumn(),
  key: text('key').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  name: text('name').notNull(),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  schoolId: uuid('school_id').references(() => schools.id),
  /** What the client may do, e.g. `xapi:write`, `xapi:read`. */
  scopes: text('scopes').array().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/**
 * A roster file checked in a dry run, kept so the commit applies exactly what the admin saw.
 * `plan` holds the parsed rows (personal data), so the row carries its school and jurisdiction.
 */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: idColumn(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    format: text('format').notNull(),
    status: text('status').$type<'checked' | 'committed'>().notNull(),
    fileSha256: text('file_sha256').notNull(),
    plan: jsonb('plan').notNull(),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('roster_imports_school_idx').on(t.schoolId)],
);
