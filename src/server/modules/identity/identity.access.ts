import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import { AppError } from '../../http/app-error.ts';
import { schools } from '../tenancy/tenancy.schema.ts';

/**
 * The one membership/jurisdiction helper every policy and service uses (DESIGN.md §2, STYLE.md "Policies
 * in one place"). Access is answered as a SQL condition built from the actor's memberships, so scope is part
 * of the query and nothing is fetched and then filtered.
 */

/** A role held at a place: a school, an authority unit (and everything below), or a whole jurisdiction. */
export interface MembershipPlace {
  role: Role;
  jurisdictionId: string;
  authorityUnitId: string | null;
  schoolId: string | null;
}

export interface Actor {
  kind: 'user' | 'api_client' | 'system';
  id: string | null;
  username: string;
  memberships: MembershipPlace[];
  requestId?: string;
}

/** Seeds, migrations and jobs act as the system; it holds no memberships, so it reads nothing by scope. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, username: 'system', memberships: [] };

export function placesFor(actor: Actor, roles: readonly Role[]): MembershipPlace[] {
  return actor.memberships.filter((m) => roles.includes(m.role));
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return placesFor(actor, roles).length > 0;
}

const uuidArray = (ids: string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/**
 * Condition on the `schools` table: the schools where the actor holds one of `roles`, directly or through an
 * enclosing authority unit or jurisdiction. False when the actor holds none.
 */
export function schoolsInScope(actor: Actor, roles: readonly Role[]): SQL {
  const places = placesFor(actor, roles);
  const bySchool = places.filter((p) => p.schoolId).map((p) => p.schoolId!);
  const byUnit = places.filter((p) => !p.schoolId && p.authorityUnitId).map((p) => p.authorityUnitId!);
  const byJurisdiction = places.filter((p) => !p.schoolId && !p.authorityUnitId).map((p) => p.jurisdictionId);
  const parts: SQL[] = [];
  if (bySchool.length) parts.push(sql`${schools.id} = ANY(${uuidArray(bySchool)})`);
  if (byUnit.length) parts.push(sql`${schools.authorityPath} && ${uuidArray(byUnit)}`);
  if (byJurisdiction.length) parts.push(sql`${schools.jurisdictionId} = ANY(${uuidArray(byJurisdiction)})`);
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Condition for any row that carries a school id and a jurisdiction id (personal data rows): the row's school
 * is in scope, or — for holders of a jurisdiction-wide role — the row belongs to that jurisdiction (rows with
 * no school, such as bureau staff). Never crosses jurisdictions: every branch is tied to a jurisdiction the
 * actor holds a role in.
 */
export function rowsInScope(actor: Actor, roles: readonly Role[], cols: { schoolId: AnyColumn; jurisdictionId: AnyColumn }): SQL {
  const places = placesFor(actor, roles);
  if (!places.length) return sql`false`;
  const jurisdictionWide = places.filter((p) => !p.schoolId && !p.authorityUnitId).map((p) => p.jurisdictionId);
  const unitIds = places.filter((p) => !p.schoolId && p.authorityUnitId).map((p) => p.authorityUnitId!);
  const parts: SQL[] = [sql`${cols.schoolId} IN (SELECT ${schools.id} FROM ${schools} WHERE ${schoolsInScope(actor, roles)})`];
  if (jurisdictionWide.length) parts.push(sql`${cols.jurisdictionId} = ANY(${uuidArray(jurisdictionWide)})`);
  if (unitIds.length) {
    // Staff held at a unit (no school) are visible to admins at or above that unit.
    const unitJurisdictions = places.filter((p) => !p.schoolId && p.authorityUnitId).map((p) => p.jurisdictionId);
    parts.push(sql`(${cols.schoolId} IS NULL AND ${cols.jurisdictionId} = ANY(${uuidArray(unitJurisdictions)}))`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** In-memory twin of `schoolsInScope` for a school row already in hand (non-personal tenancy data). */
export function reachesSchool(
  actor: Actor,
  roles: readonly Role[],
  school: { id: string; jurisdictionId: string; authorityPath: string[] },
): boolean {
  return placesFor(actor, roles).some((p) =>
    p.schoolId
      ? p.schoolId === school.id
      : p.authorityUnitId
        ? school.authorityPath.includes(p.authorityUnitId)
        : p.jurisdictionId === school.jurisdictionId,
  );
}

/** Whether the actor holds one of `roles` at a place that encloses the given authority unit. */
export function reachesUnit(
  actor: Actor,
  roles: readonly Role[],
  unit: { id: string; jurisdictionId: string; ancestorIds: string[] },
): boolean {
  return placesFor(actor, roles).some((p) =>
    p.schoolId ? false : p.authorityUnitId ? unit.ancestorIds.includes(p.authorityUnitId) : p.jurisdictionId === unit.jurisdictionId,
  );
}

export function requireUser(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError('AUTH_REQUIRED');
  return actor;
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasAnyRole(actor, roles)) throw new AppError('FORBIDDEN');
}
