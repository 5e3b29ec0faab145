import type { Role } from '../../../shared/roles.ts';
import type { CourseRole } from '../../../shared/courses.ts';

/**
 * Who may do what with courses (STYLE.md: policies in one place). Membership roles say who may start a
 * course or adopt one for a school; the course team role says what someone may do with one course.
 */
export const coursesPolicy = {
  /** Start a course (and import one). */
  author: ['teacher', 'researcher', 'principal'] as readonly Role[],
  /** Adopt (fork) a course for a school they teach or lead at. */
  adoptForSchool: ['teacher', 'principal'] as readonly Role[],
  /** See the progression map of the district(s) they work in. */
  progression: ['teacher', 'researcher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Edit outline, lessons, editions; pull from upstream. */
  write: ['owner', 'co_author'] as readonly CourseRole[],
  /** Invite and remove team members, publish, delete. */
  manage: ['owner'] as readonly CourseRole[],
};
