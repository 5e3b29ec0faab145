import type { Role } from '../../../shared/roles.ts';

/** Who may shape the tree. Reading the directory of schools is open to every signed-in user. */
export const tenancyPolicy = {
  createSchool: ['bureau_admin', 'platform_admin'] as readonly Role[],
  editSchool: ['school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  readClasses: ['teacher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  manageClasses: ['school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
};
