import type { Role } from '../../../shared/roles.ts';

/** Who may do what with the assistant (STYLE.md: policies in one place; identity.access.ts decides where). */
export const assistantPolicy = {
  /** Configure a jurisdiction's provider and read its usage. */
  configureProvider: ['platform_admin', 'bureau_admin'] as readonly Role[],
  /** Set a school's quotas and tutor transparency. */
  configureSchool: ['principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Read a school's usage dashboard. */
  readUsage: ['principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Staff chat and the teacher tools. */
  teacherTools: ['teacher', 'principal', 'school_admin', 'researcher'] as readonly Role[],
  /** The Socratic tutor. */
  tutor: ['student'] as readonly Role[],
  /** Mark topics as assessed for a class, and read students' tutor conversations when the school allows. */
  classTeacher: ['teacher'] as readonly Role[],
};
