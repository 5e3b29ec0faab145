/**
 * Answer shapes of the HTTP API, written from docs/api.md. When the server's zod schemas move to
 * src/shared, these should be replaced by the inferred types there.
 */
import type { FieldProblem } from '../../shared/errors.ts';
import type { LocalisedName, UiLanguage } from '../../shared/languages.ts';
import type { Role } from '../../shared/roles.ts';
import type { AuthorityLevel, SchoolStage } from '../../shared/tenancy.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PlaceRef {
  id: string;
  code: string;
  names: LocalisedName;
}

export interface UnitRef {
  id: string;
  level: AuthorityLevel;
  names: LocalisedName;
}

export interface Membership {
  id: string;
  role: Role;
  jurisdiction: PlaceRef;
  authorityUnit: UnitRef | null;
  school: PlaceRef | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  locale: UiLanguage;
  mustChangePassword: boolean;
  memberships: Membership[];
}

export interface Jurisdiction {
  id: string;
  code: string;
  names: LocalisedName;
  regime: string;
}

export interface AuthorityUnit {
  id: string;
  jurisdictionId: string;
  parentId: string | null;
  level: AuthorityLevel;
  code: string;
  names: LocalisedName;
}

export interface School {
  id: string;
  code: string;
  names: LocalisedName;
  jurisdiction: PlaceRef;
  authorityUnit: UnitRef;
  stage: SchoolStage;
  languages: string[];
  version: number;
}

export interface SchoolInput {
  code: string;
  names: LocalisedName;
  jurisdictionId: string;
  authorityUnitId: string;
  stage: SchoolStage;
  languages: string[];
}

export interface SchoolClass {
  id: string;
  schoolId: string;
  code: string;
  name: string;
  grade: number | string;
  schoolYear: string;
  homeroomTeacher: { id: string; displayName: string } | null;
  studentCount: number;
  version: number;
}

export interface ClassInput {
  code: string;
  name: string;
  grade: number;
  schoolYear: string;
  homeroomTeacherId?: string;
}

export type UserStatus = 'active' | 'locked' | 'disabled';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  locale: UiLanguage;
  status: UserStatus;
  memberships: Membership[];
  classes: { id: string; code: string; name: string; role: string }[];
}

export interface UserInput {
  username: string;
  displayName: string;
  locale?: UiLanguage;
  role: Role;
  schoolId?: string;
  jurisdictionId?: string;
  authorityUnitId?: string;
  studentNumber?: string;
}

export interface RosterRow {
  file: string;
  line: number;
  entity: 'user' | 'class' | 'enrollment';
  sourceId: string;
  action: 'create' | 'update' | 'unchanged' | 'skip';
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export interface RosterImportReport {
  importId: string;
  schoolId: string;
  format: 'oneroster-1.2' | 'template';
  status: 'checked' | 'committed';
  summary: { rows: number; create: number; update: number; unchanged: number; errors: number; warnings: number };
  rows: RosterRow[];
}

export interface Credential {
  username: string;
  displayName: string;
  initialPassword: string;
}

export interface RosterCommitResult {
  report: RosterImportReport;
  credentials: Credential[];
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  /** docs/api.md promises displayName; the first server cut sends only id and username. */
  actor: { id: string | null; username: string | null; displayName?: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  jurisdictionCode?: string | null;
  jurisdictionId?: string | null;
  schoolId: string | null;
  requestId: string | null;
  details: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
}
