import type { Role } from '../../../shared/roles.ts';

/** Who may do what in contests (STYLE.md: policies in one place; services ask, routes never re-derive). */
export const contestsPolicy = {
  /** Run contests and events at an authority unit (and everything below) or a whole jurisdiction. */
  organiseAtArea: ['bureau_admin', 'researcher', 'platform_admin'] as readonly Role[],
  /** Run contests and events of their own school. */
  organiseAtSchool: ['principal', 'school_admin'] as readonly Role[],
  /** Register pupils of their school and advise teams (teacher-first). */
  register: ['teacher', 'principal', 'school_admin'] as readonly Role[],
  /** Sign up for events. */
  attend: ['student', 'teacher', 'principal', 'researcher', 'school_admin'] as readonly Role[],
};

export const ORGANISER_ROLES: readonly Role[] = [...contestsPolicy.organiseAtArea, ...contestsPolicy.organiseAtSchool];
