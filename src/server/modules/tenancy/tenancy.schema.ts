import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, versionColumn } from '../../db/columns.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type { AuthorityLevel, SchoolStage } from '../../../shared/tenancy.ts';

/** One legal data regime (GD, HK, MO, HB…). Personal data never crosses between two. */
export const jurisdictions = pgTable('jurisdictions', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  names: jsonb('names').$type<LocalisedName>().notNull(),
  /** The law personal data here answers to (PIPL, PDPO, Macao Law 8/2005), shown to data stewards. */
  regime: text('regime').notNull(),
  createdAt: createdAt(),
});

/**
 * National → province → city → district units. `ancestorIds` (root first, self last) makes "every school
 * under this unit" one indexed array test instead of a recursive query.
 */
export const authorityUnits = pgTable(
  'authority_units',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    parentId: uuid('parent_id'),
    level: text('level').$type<AuthorityLevel>().notNull(),
    code: text('code').notNull().unique(),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    ancestorIds: uuid('ancestor_ids').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('authority_units_jurisdiction_idx').on(t.jurisdictionId)],
);

export const schools = pgTable(
  'schools',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    names: jsonb('names').$type<LocalisedName>().notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    authorityUnitId: uuid('authority_unit_id')
      .notNull()
      .references(() => authorityUnits.id),
    /** Copy of the unit's ancestorIds: scope checks stay inside the query (DESIGN.md §4). */
    authorityPath: uuid('authority_path').array().notNull(),
    stage: text('stage').$type<SchoolStage>().notNull(),
    languages: text('languages').array().notNull(),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('schools_jurisdiction_idx').on(t.jurisdictionId), index('schools_authority_path_idx').using('gin', t.authorityPath)],
);

/** A class (cohort) of one school year. */
export const classes = pgTable(
  'classes',
  {
    id: idColumn(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    grade: integer('grade').notNull(),
    schoolYear: text('school_year').notNull(),
    homeroomTeacherId: uuid('homeroom_teacher_id'),
    /** Id in the system a roster came from (OneRoster sourcedId); re-imports upsert by it. */
    sourceId: text('source_id'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('classes_school_year_code_uq').on(t.schoolId, t.schoolYear, t.code),
    uniqueIndex('classes_school_source_uq').on(t.schoolId, t.sourceId),
  ],
);
