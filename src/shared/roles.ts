/**
 * Roles as in DESIGN.md §1. A role is always held at a place in the tree (a membership), never globally.
 */
export const ROLES = [
  'student',
  'teacher',
  'researcher',
  'principal',
  'school_admin',
  'bureau_admin',
  'data_steward',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act on a whole jurisdiction or authority unit rather than one school. */
export const AREA_ROLES: readonly Role[] = ['researcher', 'bureau_admin', 'data_steward', 'platform_admin'];

/** Roles whose holders administer people (rosters, accounts) at their place in the tree. */
export const ADMIN_ROLES: readonly Role[] = ['school_admin', 'bureau_admin', 'platform_admin'];
