import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../identity/identity.access.ts';
import { authorityUnits, schools } from '../tenancy/tenancy.schema.ts';

/**
 * Who may see a resource (the library ↔ search contract). One SQL condition, so scope stays in the WHERE
 * clause of every list, get and search query; nothing is fetched and then filtered. The library uses it on
 * its own tables, search on `search_documents`: both pass their columns.
 */

/** The columns of a table that carries a resource's audience. */
export interface VisibilityColumns {
  publishLevel: AnyColumn;
  status: AnyColumn;
  authorId: AnyColumn;
  schoolId: AnyColumn;
  jurisdictionId: AnyColumn;
  anchorUnitId: AnyColumn;
}

/** Roles that review a submission at the level's anchor (the library's review rules). */
export const REVIEWER_ROLES: readonly Role[] = ['researcher', 'principal', 'bureau_admin'];

const uuidArray = (ids: readonly string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;
const or = (parts: SQL[]): SQL => (parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`);
const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** The actor's places, split by kind: schools, authority units, whole jurisdictions. */
function placesOf(actor: Actor, roles?: readonly Role[]) {
  const ms = roles ? actor.memberships.filter((m) => roles.includes(m.role)) : actor.memberships;
  return {
    schoolIds: unique(ms.map((m) => m.schoolId)),
    unitIds: unique(ms.filter((m) => !m.schoolId).map((m) => m.authorityUnitId)),
    jurisdictionIds: unique(ms.filter((m) => !m.schoolId && !m.authorityUnitId).map((m) => m.jurisdictionId)),
  };
}

type Places = ReturnType<typeof placesOf>;

/** `school` level: a membership at that school, or at a unit or jurisdiction enclosing it. */
function reachesResourceSchool(p: Places, cols: VisibilityColumns): SQL {
  const parts: SQL[] = [];
  if (p.schoolIds.length) parts.push(sql`${cols.schoolId} = ANY(${uuidArray(p.schoolIds)})`);
  if (p.unitIds.length) {
    parts.push(sql`${cols.schoolId} IN (SELECT ${schools.id} FROM ${schools} WHERE ${schools.authorityPath} && ${uuidArray(p.unitIds)})`);
  }
  if (p.jurisdictionIds.length) parts.push(sql`${cols.jurisdictionId} = ANY(${uuidArray(p.jurisdictionIds)})`);
  return or(parts);
}

/**
 * `district` / `city` / `province` levels: the anchor unit contains one of the actor's places (a school whose
 * authority path holds it, a unit whose ancestors hold it) or one of the actor's units encloses it; a
 * jurisdiction-wide membership encloses every anchor of its jurisdiction.
 */
function reachesAnchor(p: Places, cols: VisibilityColumns): SQL {
  const parts: SQL[] = [];
  if (p.schoolIds.length) {
    parts.push(
      sql`${cols.anchorUnitId} IN (SELECT unnest(${schools.authorityPath}) FROM ${schools} WHERE ${schools.id} = ANY(${uuidArray(p.schoolIds)}))`,
    );
  }
  if (p.unitIds.length) {
    // Inside or equal: the anchor is among the actor unit's ancestors (self included).
    parts.push(
      sql`${cols.anchorUnitId} IN (SELECT unnest(${authorityUnits.ancestorIds}) FROM ${authorityUnits} WHERE ${authorityUnits.id} = ANY(${uuidArray(p.unitIds)}))`,
    );
    // Enclosing: the actor's unit is among the anchor's ancestors (a city sees its districts' resources).
    parts.push(
      sql`${cols.anchorUnitId} IN (SELECT ${authorityUnits.id} FROM ${authorityUnits} WHERE ${authorityUnits.ancestorIds} && ${uuidArray(p.unitIds)})`,
    );
  }
  if (p.jurisdictionIds.length) parts.push(sql`${cols.jurisdictionId} = ANY(${uuidArray(p.jurisdictionIds)})`);
  return or(parts);
}

/**
 * Reviewers of a submission `in_review` for its level: a reviewer role at the school (school level), at the
 * anchor unit (district/city/province), or at the top of the resource's jurisdiction (bay-area/public,
 * and province when held jurisdiction-wide).
 */
function reviewsSubmission(actor: Actor, cols: VisibilityColumns): SQL {
  const p = placesOf(actor, REVIEWER_ROLES);
  const parts: SQL[] = [];
  if (p.schoolIds.length) parts.push(sql`(${cols.publishLevel} = 'school' AND ${cols.schoolId} = ANY(${uuidArray(p.schoolIds)}))`);
  if (p.unitIds.length) {
    parts.push(sql`(${cols.publishLevel} IN ('district', 'city', 'province') AND ${cols.anchorUnitId} = ANY(${uuidArray(p.unitIds)}))`);
    parts.push(
      sql`(${cols.publishLevel} IN ('bay-area', 'public') AND ${cols.jurisdictionId} IN (SELECT ${authorityUnits.jurisdictionId} FROM ${authorityUnits} WHERE ${authorityUnits.id} = ANY(${uuidArray(p.unitIds)}) AND ${authorityUnits.parentId} IS NULL))`,
    );
  }
  if (p.jurisdictionIds.length) {
    parts.push(
      sql`(${cols.publishLevel} IN ('province', 'bay-area', 'public') AND ${cols.jurisdictionId} = ANY(${uuidArray(p.jurisdictionIds)}))`,
    );
  }
  return parts.length ? sql`(${cols.status} = 'in_review' AND ${or(parts)})` : sql`false`;
}

/**
 * The visibility rule as one SQL condition on the given columns. `actor` null is an anonymous reader, who
 * sees published `public` resources only.
 *
 * @example
 *   db.select().from(searchDocuments).where(and(visibleWhere(actor, searchDocuments), …))
 */
export function visibleWhere(actor: Actor | null, cols: VisibilityColumns): SQL {
  const published = sql`${cols.status} = 'published'`;
  if (!actor) return sql`(${published} AND ${cols.publishLevel} = 'public')`;
  const p = placesOf(actor);
  const audience: SQL[] = [sql`${cols.publishLevel} IN ('public', 'bay-area')`];
  const school = reachesResourceSchool(p, cols);
  const anchor = reachesAnchor(p, cols);
  audience.push(sql`(${cols.publishLevel} = 'school' AND ${school})`);
  audience.push(sql`(${cols.publishLevel} IN ('district', 'city', 'province') AND ${anchor})`);
  const branches: SQL[] = [sql`(${published} AND ${or(audience)})`];
  if (actor.kind === 'user' && actor.id) branches.push(sql`${cols.authorId} = ${actor.id}::uuid`);
  branches.push(reviewsSubmission(actor, cols));
  return or(branches);
}
