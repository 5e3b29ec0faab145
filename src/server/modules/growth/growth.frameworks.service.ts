import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, jurisdictions } from '../tenancy/tenancy.schema.ts';
import { defaultFrameworkFor, defaultXapiRules } from './growth.frameworks.defaults.ts';
import { growthPolicy } from './growth.policy.ts';
import { presentFramework } from './growth.present.ts';
import { growthFrameworks, growthXapiRules } from './growth.schema.ts';
import type { GrowthDimension, TUpdateFrameworkBody } from '../../../shared/api/growth.ts';

/**
 * Seeds the default framework (version 1) and xAPI rules of every jurisdiction that has none. Idempotent
 * and cheap when done: called on every start, like the jurisdictions themselves.
 */
export async function seedGrowthFrameworks(db: DbOrTx): Promise<void> {
  const all = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
  const have = new Set((await db.selectDistinct({ id: growthFrameworks.jurisdictionId }).from(growthFrameworks)).map((r) => r.id));
  for (const j of all) {
    if (have.has(j.id)) continue;
    const framework = defaultFrameworkFor(j.code);
    await db
      .insert(growthFrameworks)
      .values({ jurisdictionId: j.id, version: 1, isCurrent: true, names: framework.names, dimensions: framework.dimensions })
      .onConflictDoNothing();
    await db
      .insert(growthXapiRules)
      .values(defaultXapiRules(j.code).map((r) => ({ ...r, jurisdictionId: j.id })))
      .onConflictDoNothing();
  }
}

/** The framework a jurisdiction uses for new terms. Frameworks are public (no personal data). */
export async function currentFrameworkRow(db: DbOrTx, jurisdictionId: string) {
  let [row] = await db
    .select()
    .from(growthFrameworks)
    .where(and(eq(growthFrameworks.jurisdictionId, jurisdictionId), eq(growthFrameworks.isCurrent, true)));
  if (!row) {
    await seedGrowthFrameworks(db);
    [row] = await db
      .select()
      .from(growthFrameworks)
      .where(and(eq(growthFrameworks.jurisdictionId, jurisdictionId), eq(growthFrameworks.isCurrent, true)));
  }
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getCurrentFramework(ctx: { db: DbOrTx }, jurisdictionId: string) {
  return presentFramework(await currentFrameworkRow(ctx.db, jurisdictionId));
}

export async function getFramework(ctx: { db: DbOrTx }, id: string) {
  const [row] = await ctx.db.select().from(growthFrameworks).where(eq(growthFrameworks.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return presentFramework(row);
}

export async function listFrameworkVersions(ctx: { db: DbOrTx }, jurisdictionId: string) {
  const rows = await ctx.db
    .select()
    .from(growthFrameworks)
    .where(eq(growthFrameworks.jurisdictionId, jurisdictionId))
    .orderBy(desc(growthFrameworks.version));
  return { items: rows.map(presentFramework) };
}

/**
 * Whether the actor speaks for the whole jurisdiction: a bureau admin held jurisdiction-wide or at its
 * top (province-level) unit, or the node operator. A district bureau does not redefine the province's
 * evaluation.
 */
async function mayEditFramework(db: DbOrTx, actor: Actor, jurisdictionId: string): Promise<boolean> {
  const places = placesFor(actor, growthPolicy.editFramework).filter((p) => p.jurisdictionId === jurisdictionId && !p.schoolId);
  if (places.some((p) => !p.authorityUnitId)) return true;
  for (const p of places) {
    const [unit] = await db
      .select({ parentId: authorityUnits.parentId })
      .from(authorityUnits)
      .where(eq(authorityUnits.id, p.authorityUnitId!));
    if (unit && unit.parentId === null) return true;
  }
  return false;
}

/**
 * Saves an edited framework as a new version; terms opened before keep the version they were opened
 * under. `expectedVersion` is the version the editor loaded (412 when someone saved in between).
 */
export async function updateFramework(
  ctx: { db: Db; actor: Actor },
  jurisdictionId: string,
  expectedVersion: number,
  body: TUpdateFrameworkBody,
) {
  requireRole(ctx.actor, growthPolicy.editFramework);
  if (!(await mayEditFramework(ctx.db, ctx.actor, jurisdictionId))) throw new AppError('FORBIDDEN');
  const id = await ctx.db.transaction(async (tx) => {
    const current = await currentFrameworkRow(tx, jurisdictionId);
    await tx.execute(sql`select id from growth_frameworks where id = ${current.id} for update`);
    if (current.version !== expectedVersion) throw new AppError('VERSION_CONFLICT');
    const updated = await tx
      .update(growthFrameworks)
      .set({ isCurrent: false })
      .where(and(eq(growthFrameworks.id, current.id), eq(growthFrameworks.isCurrent, true)))
      .returning({ id: growthFrameworks.id });
    if (!updated.length) throw new AppError('VERSION_CONFLICT');
    const [row] = await tx
      .insert(growthFrameworks)
      .values({
        jurisdictionId,
        version: current.version + 1,
        isCurrent: true,
        names: body.names,
        dimensions: body.dimensions as GrowthDimension[],
        createdBy: ctx.actor.id,
      })
      .returning({ id: growthFrameworks.id });
    await recordAudit(tx, ctx.actor, {
      action: 'growth.framework.update',
      targetType: 'growth_framework',
      targetId: row.id,
      jurisdictionId,
      details: { version: current.version + 1, dimensions: body.dimensions.map((d) => d.key) },
    });
    return row.id;
  });
  return getFramework(ctx, id);
}

/** Checks a dimension (and indicator) against a framework; 400 GROWTH_DIMENSION_UNKNOWN otherwise. */
export function requireDimension(dimensions: GrowthDimension[], dimensionKey: string, indicatorKey: string | null | undefined): void {
  const dimension = dimensions.find((d) => d.key === dimensionKey);
  if (!dimension || (indicatorKey && !dimension.indicators.some((i) => i.key === indicatorKey))) {
    throw new AppError('GROWTH_DIMENSION_UNKNOWN');
  }
}
