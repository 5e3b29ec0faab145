import type { Role } from '../../../shared/roles.ts';

/**
 * Who may do what with people (STYLE.md "Policies in one place"). Each role acts only at its place in the
 * tree: `rowsInScope`/`schoolsInScope` turn these lists into WHERE clauses.
 */
export const identityPolicy = {
  /** Rosters and user lists: staff of the school and the admins above it. Students see nobody else. */
  readPeople: ['teacher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Create accounts, reset passwords, unlock, import rosters. */
  managePeople: ['school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Grant roles; a school admin may grant school-level roles only. */
  grantSchoolRoles: ['school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  grantAreaRoles: ['bureau_admin', 'platform_admin'] as readonly Role[],
  manageApiClients: ['school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
};

/** Roles a school admin may hand out inside their own school. */
export const SCHOOL_LEVEL_ROLES: readonly Role[] = ['student', 'teacher', 'principal', 'school_admin'];
