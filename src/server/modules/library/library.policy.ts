import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import type { Actor } from '../identity/identity.access.ts';

/**
 * Who may do what in the library (STYLE.md "Policies in one place"). Reading is the visibility rule
 * (search.visibility.ts); this file says who writes, reviews and imports.
 */
export const libraryPolicy = {
  /** Authors hold one of these at a school: the resource belongs to that school. */
  author: ['teacher', 'researcher', 'principal', 'school_admin'] as readonly Role[],
  /** Bulk import (API) at a school they reach. */
  importer: ['school_admin', 'principal', 'bureau_admin', 'platform_admin'] as readonly Role[],
};

const AREA_REVIEWERS: readonly Role[] = ['researcher', 'bureau_admin'];

/**
 * Where a level's review happens: the school (principal), the anchor unit (district, city, province:
 * researcher or bureau_admin there, or held jurisdiction-wide for province), or the province's top unit
 * for bay-area and public (bureau_admin only).
 */
export interface ReviewPlace {
  level: PublishLevel;
  schoolId: string;
  jurisdictionId: string;
  /** For district/city/province the level's anchor unit; for bay-area/public the jurisdiction's top unit. */
  anchorUnitId: string | null;
}

/**
 * Whether the actor may review a submission at this place (四级联动 review rules).
 *
 * @example mayReview(principalOfSchoolA, { level: 'school', schoolId: A, … }) === true
 */
export function mayReview(actor: Actor, place: ReviewPlace): boolean {
  const jurisdictionWide = (roles: readonly Role[]) =>
    actor.memberships.some((m) => roles.includes(m.role) && !m.schoolId && !m.authorityUnitId && m.jurisdictionId === place.jurisdictionId);
  const atUnit = (roles: readonly Role[]) =>
    place.anchorUnitId !== null &&
    actor.memberships.some((m) => roles.includes(m.role) && !m.schoolId && m.authorityUnitId === place.anchorUnitId);
  switch (place.level) {
    case 'private':
      return false;
    case 'school':
      return actor.memberships.some((m) => m.role === 'principal' && m.schoolId === place.schoolId);
    case 'district':
    case 'city':
      return atUnit(AREA_REVIEWERS);
    case 'province':
      return atUnit(AREA_REVIEWERS) || jurisdictionWide(AREA_REVIEWERS);
    case 'bay-area':
    case 'public':
      return atUnit(['bureau_admin']) || jurisdictionWide(['bureau_admin']);
  }
}

const uuidArray = (ids: readonly string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/** The SQL twin of {@link mayReview} on a submission table's columns: the review queue in one query. */
export function reviewableWhere(
  actor: Actor,
  cols: { level: AnyColumn; schoolId: AnyColumn; jurisdictionId: AnyColumn; anchorUnitId: AnyColumn },
): SQL {
  const ms = actor.memberships;
  const principalSchools = ms.filter((m) => m.role === 'principal' && m.schoolId).map((m) => m.schoolId!);
  const areaUnits = ms.filter((m) => AREA_REVIEWERS.includes(m.role) && !m.schoolId && m.authorityUnitId).map((m) => m.authorityUnitId!);
  const bureauUnits = ms.filter((m) => m.role === 'bureau_admin' && !m.schoolId && m.authorityUnitId).map((m) => m.authorityUnitId!);
  const areaWide = ms.filter((m) => AREA_REVIEWERS.includes(m.role) && !m.schoolId && !m.authorityUnitId).map((m) => m.jurisdictionId);
  const bureauWide = ms.filter((m) => m.role === 'bureau_admin' && !m.schoolId && !m.authorityUnitId).map((m) => m.jurisdictionId);
  const parts: SQL[] = [];
  if (principalSchools.length) parts.push(sql`(${cols.level} = 'school' AND ${cols.schoolId} = ANY(${uuidArray(principalSchools)}))`);
  if (areaUnits.length)
    parts.push(sql`(${cols.level} IN ('district', 'city', 'province') AND ${cols.anchorUnitId} = ANY(${uuidArray(areaUnits)}))`);
  if (areaWide.length) parts.push(sql`(${cols.level} = 'province' AND ${cols.jurisdictionId} = ANY(${uuidArray(areaWide)}))`);
  if (bureauUnits.length)
    parts.push(sql`(${cols.level} IN ('bay-area', 'public') AND ${cols.anchorUnitId} = ANY(${uuidArray(bureauUnits)}))`);
  if (bureauWide.length)
    parts.push(sql`(${cols.level} IN ('bay-area', 'public') AND ${cols.jurisdictionId} = ANY(${uuidArray(bureauWide)}))`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}
