import type { Role } from '../../../shared/roles.ts';

/** Who may do what in the collaboration network (STYLE.md: policies in one place; the access helper decides where). */
export const networkPolicy = {
  /** Staff: see contact persons, suggestions, pairs of their schools, create projects. Never students. */
  staff: ['teacher', 'principal', 'school_admin', 'researcher', 'bureau_admin', 'data_steward', 'platform_admin'] as readonly Role[],
  /** Edit a school's profile. */
  editProfile: ['principal', 'school_admin'] as readonly Role[],
  /** Propose and accept sister-school agreements for their school. */
  principal: ['principal'] as readonly Role[],
  /** Read a pair and its yearly summary: staff of either school, and bureaus above either (via the tree). */
  readPair: ['teacher', 'principal', 'school_admin', 'researcher', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Record exchanges of their school's pairs. */
  recordExchange: ['teacher', 'principal', 'school_admin'] as readonly Role[],
  /** Start a joint research project. */
  startProject: ['teacher', 'principal', 'school_admin', 'researcher'] as readonly Role[],
  /** Keep the expert registry. */
  manageExperts: ['bureau_admin', 'platform_admin'] as readonly Role[],
  /** Pair an expert with a school they reach. */
  pairExpert: ['principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
  /** Log mentoring at a school they reach. */
  logMentoring: ['teacher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'] as readonly Role[],
};
