import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Role } from '../../../shared/roles.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import { placesFor, reachesSchool, reachesUnit, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import { insightsIndicators } from './insights.schema.ts';

/** The place a dashboard looks at: a whole jurisdiction, an authority unit (and all below it), or one school. */
export interface Scope {
  kind: 'jurisdiction' | 'unit' | 'school';
  id: string;
  jurisdictionId: string;
  jurisdictionCode: string;
  names: LocalisedName;
  /** `jurisdiction`, the unit's level (province/city/district) or `school`. */
  level: string;
}

async function jurisdictionCode(db: DbOrTx, id: string) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  return j;
}

/**
 * Resolves the requested scope, or the caller's widest place, checking the caller reaches it. A place out
 * of reach answers NOT_FOUND like a missing one, so a district bureau cannot probe its neighbours.
 */
export async function resolveScope(db: DbOrTx, actor: Actor, roles: readonly Role[], scopeId?: string): Promise<Scope> {
  const places = placesFor(actor, roles);
  if (!places.length) throw new AppError('FORBIDDEN');
  let id = scopeId;
  if (!id) {
    const wide = places.find((p) => !p.schoolId && !p.authorityUnitId);
    if (wide) id = wide.jurisdictionId;
    else {
      const unitIds = places.filter((p) => p.authorityUnitId && !p.schoolId).map((p) => p.authorityUnitId!);
      if (unitIds.length) {
        const units = await db
          .select()
          .from(authorityUnits)
          .where(sql`${authorityUnits.id} = ANY(${sqlUuids(unitIds)})`);
        units.sort((a, b) => a.ancestorIds.length - b.ancestorIds.length);
        id = units[0]?.id;
      } else id = places.find((p) => p.schoolId)!.schoolId!;
    }
  }
  const [unit] = await db.select().from(authorityUnits).where(eq(authorityUnits.id, id!));
  if (unit) {
    if (!reachesUnit(actor, roles, unit)) throw new AppError('NOT_FOUND');
    const j = await jurisdictionCode(db, unit.jurisdictionId);
    return {
      kind: 'unit',
      id: unit.id,
      jurisdictionId: unit.jurisdictionId,
      jurisdictionCode: j.code,
      names: unit.names,
      level: unit.level,
    };
  }
  const [school] = await db.select().from(schools).where(eq(schools.id, id!));
  if (school) {
    if (!reachesSchool(actor, roles, school)) throw new AppError('NOT_FOUND');
    const j = await jurisdictionCode(db, school.jurisdictionId);
    return {
      kind: 'school',
      id: school.id,
      jurisdictionId: school.jurisdictionId,
      jurisdictionCode: j.code,
      names: school.names,
      level: 'school',
    };
  }
  const j = await jurisdictionCode(db, id!);
  if (j && places.some((p) => !p.schoolId && !p.authorityUnitId && p.jurisdictionId === j.id)) {
    return { kind: 'jurisdiction', id: j.id, jurisdictionId: j.id, jurisdictionCode: j.code, names: j.names, level: 'jurisdiction' };
  }
  throw new AppError('NOT_FOUND');
}

export function sqlUuids(ids: string[]): SQL {
  return ids.length
    ? sql`ARRAY[${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}]::uuid[]`
    : sql`ARRAY[]::uuid[]`;
}

/** Condition on `insights_facts f` (alias f): the schools inside the scope. */
export function factsInScope(scope: Scope): SQL {
  if (scope.kind === 'school') return sql`f.school_id = ${scope.id}::uuid`;
  if (scope.kind === 'unit') return sql`f.authority_path && ARRAY[${scope.id}::uuid]`;
  return sql`f.jurisdiction_id = ${scope.id}::uuid`;
}

/** The indicator definitions in force in a jurisdiction: its own overrides, else the shared ones. */
export async function definitionsFor(db: DbOrTx, jurisdictionId: string) {
  const rows = await db
    .select()
    .from(insightsIndicators)
    .where(
      and(
        eq(insightsIndicators.active, true),
        or(isNull(insightsIndicators.jurisdictionId), eq(insightsIndicators.jurisdictionId, jurisdictionId)),
      ),
    );
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows.sort((a, b) => a.sortOrder - b.sortOrder)) {
    const seen = byCode.get(r.code);
    if (!seen || (r.jurisdictionId && !seen.jurisdictionId)) byCode.set(r.code, r);
  }
  const shared = new Map(rows.filter((r) => !r.jurisdictionId).map((r) => [r.code, r.sortOrder]));
  return [...byCode.values()].sort((a, b) => (shared.get(a.code) ?? a.sortOrder) - (shared.get(b.code) ?? b.sortOrder));
}
