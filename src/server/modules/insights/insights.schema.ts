import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import { users } from '../identity/identity.schema.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type {
  Connectivity,
  CourseSetting,
  IndicatorUnit,
  PopularisationStatus,
  RoomKind,
  TInventoryBody,
} from '../../../shared/api/insights.ts';
import type { FieldProblem } from '../../../shared/errors.ts';

/** One school's infrastructure for one term (school_admin keeps it; a new term starts from a copy). */
export const insightsInventories = pgTable(
  'insights_inventories',
  {
    id: idColumn(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    term: text('term').notNull(),
    teacherTerminals: integer('teacher_terminals').notNull(),
    studentDevices: integer('student_devices').notNull(),
    bandwidthMbps: integer('bandwidth_mbps').notNull(),
    connectivity: text('connectivity').$type<Connectivity>().notNull(),
    popularisationBase: text('popularisation_base').$type<PopularisationStatus>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('insights_inventories_school_term_uq').on(t.schoolId, t.term), index('insights_inventories_term_idx').on(t.term)],
);

/** A smart classroom or AI lab of one inventory. */
export const insightsRooms = pgTable(
  'insights_rooms',
  {
    id: idColumn(),
    inventoryId: uuid('inventory_id')
      .notNull()
      .references(() => insightsInventories.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<RoomKind>().notNull(),
    name: text('name').notNull(),
    equipment: text('equipment').notNull().default(''),
    capacity: integer('capacity').notNull(),
    year: integer('year').notNull(),
  },
  (t) => [index('insights_rooms_inventory_idx').on(t.inventoryId)],
);

/** An AI course offered to one grade: hours per week, in the timetable or after school. */
export const insightsCourseOffers = pgTable(
  'insights_course_offers',
  {
    id: idColumn(),
    inventoryId: uuid('inventory_id')
      .notNull()
      .references(() => insightsInventories.id, { onDelete: 'cascade' }),
    grade: integer('grade').notNull(),
    hoursPerWeek: numeric('hours_per_week', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    setting: text('setting').$type<CourseSetting>().notNull(),
  },
  (t) => [index('insights_course_offers_inventory_idx').on(t.inventoryId)],
);

/** A checked Excel upload (the dry run); the commit applies exactly this plan. */
export const insightsImports = pgTable('insights_imports', {
  id: idColumn(),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id),
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdictions.id),
  term: text('term').notNull(),
  status: text('status').$type<'checked' | 'committed'>().notNull(),
  fileSha256: text('file_sha256').notNull(),
  plan: jsonb('plan').$type<TInventoryBody | null>(),
  problems: jsonb('problems').$type<FieldProblem[]>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * An indicator defined as data. Its value at any level is `scale × Σ numerator / Σ denominator` over the
 * schools below, so a roll-up is never an average of ratios. A row with a jurisdiction overrides the shared
 * definition (null jurisdiction) of the same code there; comparisons show each side's definition.
 */
export const insightsIndicators = pgTable(
  'insights_indicators',
  {
    id: idColumn(),
    code: text('code').notNull(),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    definitions: jsonb('definitions').$type<LocalisedName>().notNull(),
    numerator: text('numerator').notNull(),
    denominator: text('denominator').notNull(),
    scale: doublePrecision('scale').notNull(),
    unit: text('unit').$type<IndicatorUnit>().notNull(),
    target: doublePrecision('target'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    createdAt: createdAt(),
  },
  (t) => [unique('insights_indicators_code_uq').on(t.code, t.jurisdictionId).nullsNotDistinct()],
);

/** The named variables of one school in one term, computed in one pass from inventory and module data. */
export const insightsFacts = pgTable(
  'insights_facts',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    term: text('term').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    authorityPath: uuid('authority_path').array().notNull(),
    vars: jsonb('vars').$type<Record<string, number>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.term] }), index('insights_facts_term_idx').on(t.term)],
);

/** Sums behind an indicator at a school, an authority unit or a jurisdiction, per term (the history). */
export const insightsValues = pgTable(
  'insights_values',
  {
    code: text('code').notNull(),
    term: text('term').notNull(),
    scopeKind: text('scope_kind').$type<'school' | 'unit' | 'jurisdiction'>().notNull(),
    scopeId: uuid('scope_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => insightsIndicators.id, { onDelete: 'cascade' }),
    numerator: doublePrecision('numerator').notNull(),
    denominator: doublePrecision('denominator').notNull(),
    schools: integer('schools').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.term, t.scopeKind, t.scopeId] }),
    index('insights_values_scope_idx').on(t.scopeId, t.term),
    index('insights_values_term_idx')
      .on(t.term)
      .where(sql`${t.scopeKind} = 'jurisdiction'`),
  ],
);

/**
 * One row per term: when its figures were last worked out and how much changed. Values that did not change
 * are not rewritten (their `computed_at` says when they last changed), so "computed at" lives here.
 */
export const insightsRuns = pgTable('insights_runs', {
  term: text('term').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  schools: integer('schools').notNull(),
  values: integer('values').notNull(),
  /** Values inserted, updated or deleted by the last run. */
  changed: integer('changed').notNull(),
});
