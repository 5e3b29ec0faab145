import type { Role } from '../../../shared/roles.ts';

/** Who may do what with insights (the access helper decides where). */
export const insightsPolicy = {
  /** Keep a school's inventory (labs, devices, courses): the school's IT / registrar. */
  keepInventory: ['school_admin'] as readonly Role[],
  /** Read an inventory: its school's admin and principal, bureaus above it. */
  readInventory: ['school_admin', 'principal', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Dashboards of the places they hold a role at (a principal sees their school). */
  dashboard: ['principal', 'school_admin', 'bureau_admin', 'platform_admin', 'data_steward'] as readonly Role[],
  /** Cross-jurisdiction comparisons: aggregates only, small cells suppressed. */
  compare: ['bureau_admin', 'platform_admin', 'data_steward'] as readonly Role[],
  /** Recompute a term's indicators for the schools they reach. */
  recompute: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Add and change indicator definitions (whose: insights.catalogue.service.ts); never a school. */
  editCatalogue: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Read the indicator catalogue. */
  catalogue: ['principal', 'school_admin', 'researcher', 'bureau_admin', 'platform_admin', 'data_steward'] as readonly Role[],
};

/** A cross-jurisdiction cell counting fewer than this many schools, or 1–4 of anything, is not shown. */
export const SMALL_CELL = 5;
