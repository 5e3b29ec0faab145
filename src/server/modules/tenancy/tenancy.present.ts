import type { LocalisedName } from '../../../shared/languages.ts';
import type { AuthorityLevel, SchoolStage } from '../../../shared/tenancy.ts';

export interface SchoolView {
  id: string;
  code: string;
  names: LocalisedName;
  jurisdiction: { id: string; code: string; names: LocalisedName };
  authorityUnit: { id: string; level: AuthorityLevel; names: LocalisedName };
  stage: SchoolStage;
  languages: string[];
  version: number;
}

export function presentSchool(r: {
  id: string;
  code: string;
  names: LocalisedName;
  stage: SchoolStage;
  languages: string[];
  version: number;
  jurisdictionId: string;
  jurisdictionCode: string;
  jurisdictionNames: LocalisedName;
  authorityUnitId: string;
  unitLevel: AuthorityLevel;
  unitNames: LocalisedName;
}): SchoolView {
  return {
    id: r.id,
    code: r.code,
    names: r.names,
    jurisdiction: { id: r.jurisdictionId, code: r.jurisdictionCode, names: r.jurisdictionNames },
    authorityUnit: { id: r.authorityUnitId, level: r.unitLevel, names: r.unitNames },
    stage: r.stage,
    languages: r.languages,
    version: r.version,
  };
}

export interface ClassView {
  id: string;
  schoolId: string;
  code: string;
  name: string;
  grade: number;
  schoolYear: string;
  homeroomTeacher: { id: string; displayName: string } | null;
  studentCount: number;
  version: number;
}

export function presentClass(r: {
  id: string;
  schoolId: string;
  code: string;
  name: string;
  grade: number;
  schoolYear: string;
  version: number;
  homeroomTeacherId: string | null;
  homeroomTeacherName: string | null;
  studentCount: number;
}): ClassView {
  return {
    id: r.id,
    schoolId: r.schoolId,
    code: r.code,
    name: r.name,
    grade: r.grade,
    schoolYear: r.schoolYear,
    homeroomTeacher: r.homeroomTeacherId ? { id: r.homeroomTeacherId, displayName: r.homeroomTeacherName ?? '' } : null,
    studentCount: Number(r.studentCount),
    version: r.version,
  };
}

export function presentJurisdiction(r: { id: string; code: string; names: LocalisedName; regime: string }) {
  return { id: r.id, code: r.code, names: r.names, regime: r.regime };
}

export function presentAuthorityUnit(r: {
  id: string;
  jurisdictionId: string;
  parentId: string | null;
  level: AuthorityLevel;
  code: string;
  names: LocalisedName;
}) {
  return { id: r.id, jurisdictionId: r.jurisdictionId, parentId: r.parentId, level: r.level, code: r.code, names: r.names };
}
