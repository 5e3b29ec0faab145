import type { LocalisedName, UiLanguage } from '../../../shared/languages.ts';
import type { Role } from '../../../shared/roles.ts';
import type { AuthorityLevel } from '../../../shared/tenancy.ts';

/** API shapes for people (STYLE.md "Presenters"): a database row is never returned as is. */

export interface MembershipView {
  id: string;
  role: Role;
  jurisdiction: { id: string; code: string; names: LocalisedName };
  authorityUnit: { id: string; level: AuthorityLevel; names: LocalisedName } | null;
  school: { id: string; code: string; names: LocalisedName } | null;
}

export interface MembershipRow {
  id: string;
  role: Role;
  jurisdictionId: string;
  jurisdictionCode: string;
  jurisdictionNames: LocalisedName;
  authorityUnitId: string | null;
  authorityUnitLevel: AuthorityLevel | null;
  authorityUnitNames: LocalisedName | null;
  schoolId: string | null;
  schoolCode: string | null;
  schoolNames: LocalisedName | null;
}

export function presentMembership(m: MembershipRow): MembershipView {
  return {
    id: m.id,
    role: m.role,
    jurisdiction: { id: m.jurisdictionId, code: m.jurisdictionCode, names: m.jurisdictionNames },
    authorityUnit: m.authorityUnitId ? { id: m.authorityUnitId, level: m.authorityUnitLevel!, names: m.authorityUnitNames! } : null,
    school: m.schoolId ? { id: m.schoolId, code: m.schoolCode!, names: m.schoolNames! } : null,
  };
}

export interface MeView {
  id: string;
  username: string;
  displayName: string;
  locale: UiLanguage;
  mustChangePassword: boolean;
  memberships: MembershipView[];
}

export function presentMe(
  u: { id: string; username: string; displayName: string; locale: UiLanguage; mustChangePassword: boolean },
  memberships: MembershipRow[],
): MeView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
    memberships: memberships.map(presentMembership),
  };
}

export interface UserSummaryView {
  id: string;
  username: string;
  displayName: string;
  locale: UiLanguage;
  studentNumber: string | null;
  status: 'active' | 'locked' | 'disabled';
  memberships: MembershipView[];
  classes: { id: string; code: string; name: string; role: 'student' | 'teacher' }[];
  version: number;
}

export function presentUserSummary(
  u: {
    id: string;
    username: string;
    displayName: string;
    locale: UiLanguage;
    studentNumber: string | null;
    status: 'active' | 'disabled';
    lockedUntil: Date | null;
    version: number;
  },
  memberships: MembershipRow[],
  classes: { id: string; code: string; name: string; role: 'student' | 'teacher' }[],
): UserSummaryView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale,
    studentNumber: u.studentNumber,
    status: u.status === 'disabled' ? 'disabled' : u.lockedUntil && u.lockedUntil > new Date() ? 'locked' : 'active',
    memberships: memberships.map(presentMembership),
    classes,
    version: u.version,
  };
}
