import type { Role } from '../../../shared/roles.ts';

/**
 * Who may do what with growth records (issue: "a student sees only their own record; teachers of the
 * student's classes and the school's principal; bureaus only aggregates"). Which *rows* each may reach is
 * built as SQL in growth.access.ts; these lists say which roles a use case listens to at all.
 */
export const growthPolicy = {
  /** Edit a jurisdiction's framework: its bureau at jurisdiction or province level, or the node operator. */
  editFramework: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Open terms of a school. */
  manageTerms: ['school_admin', 'principal'] as readonly Role[],
  /** Read a school's terms (names and dates, no personal data). */
  readTerms: ['student', 'teacher', 'principal', 'school_admin'] as readonly Role[],
  /** Roles that ever reach a personal record (each through its own WHERE branch). */
  readRecords: ['student', 'teacher', 'principal'] as readonly Role[],
  /** Class and school distributions, completeness (not suppressed: staff of the school). */
  schoolViews: ['teacher', 'principal'] as readonly Role[],
  /** Cross-school aggregates; every cell under the small-cell threshold is suppressed. */
  aggregates: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Pull new xAPI statements of a school into evidence. */
  importXapi: ['teacher', 'principal', 'school_admin'] as readonly Role[],
  /** Edit xAPI mapping rules of a jurisdiction. */
  editXapiRules: ['bureau_admin', 'platform_admin'] as readonly Role[],
};

/** Fewer students than this in an aggregate cell shown to a bureau and the cell is withheld. */
export const SMALL_CELL_THRESHOLD = 5;
