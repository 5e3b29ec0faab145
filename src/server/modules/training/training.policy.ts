import type { Role } from '../../../shared/roles.ts';

/** Who may do what in training (STYLE.md: policies in one place; services ask, routes never re-derive). */
export const trainingPolicy = {
  /** Run programmes at an authority unit or a whole jurisdiction. */
  organiseAtArea: ['bureau_admin', 'researcher', 'platform_admin'] as readonly Role[],
  /** Run programmes of their own school. */
  organiseAtSchool: ['principal', 'school_admin'] as readonly Role[],
  /** Add a competency framework of their own. */
  addFramework: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Take part in programmes (enrol, check in, submit, self-assess). */
  learn: ['teacher', 'principal', 'researcher', 'school_admin'] as readonly Role[],
  /** Approve a teacher of their school joining a programme that asks for it. */
  principalApproval: ['principal'] as readonly Role[],
  /** Training dashboards: principals see their school, bureaus their area. */
  dashboard: ['principal', 'school_admin', 'bureau_admin', 'researcher', 'platform_admin'] as readonly Role[],
};

export const ORGANISER_ROLES: readonly Role[] = [...trainingPolicy.organiseAtArea, ...trainingPolicy.organiseAtSchool];
