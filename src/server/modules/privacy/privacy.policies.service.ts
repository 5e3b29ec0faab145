import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { DataCategory, TPolicyBody } from '../../../shared/api/privacy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { jurisdictionsOf, privacyPolicy } from './privacy.policy.ts';
import { presentPolicy } from './privacy.present.ts';
import { privacyPolicies } from './privacy.schema.ts';

type Ctx = { db: Db; actor: Actor };

/** Policies are rules, not personal data: stewards and bureau staff of any jurisdiction may read them all. */
export async function listPolicies(ctx: Ctx, q: { jurisdictionId?: string }) {
  requireRole(ctx.actor, privacyPolicy.readPolicies);
  const rows = await ctx.db
    .select({ policy: privacyPolicies, code: jurisdictions.code, regime: jurisdictions.regime })
    .from(privacyPolicies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, privacyPolicies.jurisdictionId))
    .where(q.jurisdictionId ? eq(privacyPolicies.jurisdictionId, q.jurisdictionId) : undefined)
    .orderBy(asc(jurisdictions.code), asc(privacyPolicies.category));
  const editable = new Set(jurisdictionsOf(ctx.actor, privacyPolicy.editPolicy));
  return { items: rows.map((r) => presentPolicy(r.policy, r.code, r.regime, editable.has(r.policy.jurisdictionId))) };
}

/** Only the data steward of the policy's own jurisdiction edits it; If-Match guards lost updates. */
export async function updatePolicy(ctx: Ctx, id: string, version: number, body: TPolicyBody) {
  requireRole(ctx.actor, privacyPolicy.editPolicy);
  const mine = jurisdictionsOf(ctx.actor, privacyPolicy.editPolicy);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(privacyPolicies)
      .where(and(eq(privacyPolicies.id, id), inArray(privacyPolicies.jurisdictionId, mine)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== version) throw new AppError('VERSION_CONFLICT');
    if (body.childMinK < body.minK || body.childEpsilonPerPeriod > body.epsilonPerPeriod) {
      // Children's records may never get weaker protection than everyone else's.
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'body.childMinK',
            code: 'privacy_child_weaker',
            message: 'the under-14 values must be at least as strict as the general ones',
          },
        ],
      });
    }
    const [updated] = await tx
      .update(privacyPolicies)
      .set({ ...body, updatedBy: ctx.actor.id, version: row.version + 1, updatedAt: new Date() })
      .where(eq(privacyPolicies.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.policy.update',
      targetType: 'privacy_policy',
      targetId: id,
      jurisdictionId: row.jurisdictionId,
      details: { category: row.category, before: pick(row), after: pick(updated) },
    });
    const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, row.jurisdictionId));
    return presentPolicy(updated, j.code, j.regime, true);
  });
}

function pick(p: typeof privacyPolicies.$inferSelect) {
  return {
    egress: p.egress,
    minK: p.minK,
    epsilonPerPeriod: p.epsilonPerPeriod,
    periodDays: p.periodDays,
    childMinK: p.childMinK,
    childEpsilonPerPeriod: p.childEpsilonPerPeriod,
    requiresPia: p.requiresPia,
    requiresFiling: p.requiresFiling,
  };
}

export interface EffectivePolicy {
  egress: TPolicyBody['egress'];
  minK: number;
  epsilonPerPeriod: number;
  periodDays: number;
  requiresPia: boolean;
  requiresFiling: boolean;
  children: boolean;
}

/** The rule that applies to one dataset: the category's policy, with the under-14 values when children are in it. */
export async function effectivePolicy(
  db: DbOrTx,
  jurisdictionId: string,
  category: DataCategory,
  children: boolean,
): Promise<EffectivePolicy> {
  const [p] = await db
    .select()
    .from(privacyPolicies)
    .where(and(eq(privacyPolicies.jurisdictionId, jurisdictionId), eq(privacyPolicies.category, category)));
  // No row (a jurisdiction added after start): the strictest answer.
  if (!p) return { egress: 'never', minK: 20, epsilonPerPeriod: 0.5, periodDays: 90, requiresPia: true, requiresFiling: true, children };
  return {
    egress: p.egress,
    minK: children ? p.childMinK : p.minK,
    epsilonPerPeriod: children ? p.childEpsilonPerPeriod : p.epsilonPerPeriod,
    periodDays: p.periodDays,
    requiresPia: p.requiresPia,
    requiresFiling: p.requiresFiling,
    children,
  };
}
