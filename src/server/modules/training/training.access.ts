import { sql, type SQL } from 'drizzle-orm';
import { placesFor, type Actor } from '../identity/identity.access.ts';
import { authorityUnits } from '../tenancy/tenancy.schema.ts';
import { trainingPolicy } from './training.policy.ts';
import { trainingProgrammes as p } from './training.schema.ts';

/**
 * Training's scope conditions, built from the actor's memberships (identity.access.ts) so every check is part
 * of the query. A programme is managed from the place that runs it; it is seen by its own jurisdiction, or
 * by every jurisdiction of the node when published at Bay Area level.
 */

const uuids = (ids: string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/** Programmes the actor may manage (sessions, enrolments, attendance, grading, certificates). */
export function programmesManagedBy(actor: Actor): SQL {
  const area = placesFor(actor, trainingPolicy.organiseAtArea).filter((m) => !m.schoolId);
  const atSchool = placesFor(actor, trainingPolicy.organiseAtSchool).filter((m) => m.schoolId);
  const units = area.filter((m) => m.authorityUnitId).map((m) => m.authorityUnitId!);
  const wide = area.filter((m) => !m.authorityUnitId).map((m) => m.jurisdictionId);
  const parts: SQL[] = [];
  if (actor.id) parts.push(sql`${p.createdBy} = ${actor.id}::uuid`);
  if (wide.length) parts.push(sql`${p.jurisdictionId} = ANY(${uuids(wide)})`);
  if (units.length)
    parts.push(
      sql`EXISTS (SELECT 1 FROM ${authorityUnits} WHERE ${authorityUnits.id} = ${p.authorityUnitId} AND ${authorityUnits.ancestorIds} && ${uuids(units)})`,
    );
  if (atSchool.length) parts.push(sql`${p.schoolId} = ANY(${uuids(atSchool.map((m) => m.schoolId!))})`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

/** Programmes the actor may see: published and reachable (Bay Area level, or their jurisdiction), or managed. */
export function programmesVisibleTo(actor: Actor): SQL {
  const jurisdictions = [...new Set(actor.memberships.map((m) => m.jurisdictionId))];
  const own = jurisdictions.length ? sql` OR ${p.jurisdictionId} = ANY(${uuids(jurisdictions)})` : sql``;
  return sql`((${p.status} = 'published' AND (${p.visibility} = 'bay_area'${own})) OR ${programmesManagedBy(actor)})`;
}
