import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, type Actor } from '../identity/identity.access.ts';
import { currentFrameworkRow, requireDimension } from './growth.frameworks.service.ts';
import { growthPolicy } from './growth.policy.ts';
import { growthXapiRules } from './growth.schema.ts';

/** The xAPI mapping rules of a jurisdiction (public: they say how statements count, nothing personal). */
export async function listXapiRules(ctx: { db: DbOrTx }, jurisdictionId: string) {
  const rows = await ctx.db
    .select()
    .from(growthXapiRules)
    .where(eq(growthXapiRules.jurisdictionId, jurisdictionId))
    .orderBy(asc(growthXapiRules.verbId));
  return {
    items: rows.map((r) => ({
      id: r.id,
      verbId: r.verbId,
      activityType: r.activityType,
      dimensionKey: r.dimensionKey,
      indicatorKey: r.indicatorKey,
    })),
  };
}

/** Replaces a jurisdiction's rules as a whole (its bureau); each must name a dimension of the current framework. */
export async function replaceXapiRules(
  ctx: { db: Db; actor: Actor },
  jurisdictionId: string,
  rules: { verbId: string; activityType: string | null; dimensionKey: string; indicatorKey: string | null }[],
) {
  requireRole(ctx.actor, growthPolicy.editXapiRules);
  if (!placesFor(ctx.actor, growthPolicy.editXapiRules).some((p) => p.jurisdictionId === jurisdictionId && !p.schoolId))
    throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const framework = await currentFrameworkRow(tx, jurisdictionId);
    for (const r of rules) requireDimension(framework.dimensions, r.dimensionKey, r.indicatorKey);
    await tx.delete(growthXapiRules).where(eq(growthXapiRules.jurisdictionId, jurisdictionId));
    if (rules.length) await tx.insert(growthXapiRules).values(rules.map((r) => ({ ...r, jurisdictionId })));
    await recordAudit(tx, ctx.actor, {
      action: 'growth.xapi_rules.replace',
      targetType: 'jurisdiction',
      targetId: jurisdictionId,
      jurisdictionId,
      details: { rules: rules.length },
    });
  });
  return listXapiRules(ctx, jurisdictionId);
}
