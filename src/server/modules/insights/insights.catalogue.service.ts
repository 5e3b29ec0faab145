import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import type { TIndicatorCreateBody, TIndicatorFields } from '../../../shared/api/insights.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { checkFormula, FormulaError } from './insights.formula.ts';
import { insightsPolicy } from './insights.policy.ts';
import { presentIndicator } from './insights.present.ts';
import { recomputeTerm } from './insights.recompute.ts';
import { insightsIndicators } from './insights.schema.ts';
import { currentTerm } from './insights.terms.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/**
 * Refuses formulas the recompute could not run, naming each field and why (the UI translates `code` under
 * `insights.formulaErrors`). The same checker the recompute compiles with, so what is saved always runs.
 */
function checkFormulas(body: Pick<TIndicatorFields, 'numerator' | 'denominator'>): void {
  const errors: FieldProblem[] = [];
  for (const field of ['numerator', 'denominator'] as const) {
    try {
      checkFormula(body[field]);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      errors.push({ path: `body.${field}`, code: e.reason, message: e.message });
    }
  }
  if (errors.length) throw new AppError('INSIGHTS_FORMULA_INVALID', { errors });
}

/**
 * A jurisdiction's catalogue is kept by its bureaus (at any level: a city bureau adds what it reports on) and
 * the node's platform admins there; the shared definitions, which apply everywhere without an override,
 * only by a platform admin. A school, its teachers and principal read the catalogue but never change it.
 */
export function mayEditCatalogue(actor: Actor, jurisdictionId: string | null): boolean {
  return placesFor(actor, insightsPolicy.editCatalogue).some(
    (p) => !p.schoolId && (jurisdictionId ? p.jurisdictionId === jurisdictionId : p.role === 'platform_admin'),
  );
}

async function jurisdictionIdOf(db: DbOrTx, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [j] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!j) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.jurisdiction', code: 'unknown', message: `no jurisdiction ${code}` }],
    });
  }
  return j.id;
}

/** After a definition changes, the current term is recomputed in the same transaction so dashboards agree. */
async function recomputeAfterEdit(tx: DbOrTx) {
  const term = currentTerm();
  await recomputeTerm(tx, term);
  return term;
}

/** Adds an indicator, or a jurisdiction's own definition of an existing code; audited, then recomputed. */
export async function createIndicator(ctx: Ctx, body: TIndicatorCreateBody) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.editCatalogue);
  const jurisdictionId = await jurisdictionIdOf(ctx.db, body.jurisdiction);
  if (!mayEditCatalogue(actor, jurisdictionId)) throw new AppError('FORBIDDEN');
  checkFormulas(body);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: insightsIndicators.id })
      .from(insightsIndicators)
      .where(
        and(
          eq(insightsIndicators.code, body.code),
          jurisdictionId ? eq(insightsIndicators.jurisdictionId, jurisdictionId) : isNull(insightsIndicators.jurisdictionId),
        ),
      );
    if (taken) throw new AppError('INSIGHTS_INDICATOR_EXISTS');
    // An override sorts with the definition it replaces; a new code goes to the end of the catalogue.
    const [order] = await tx
      .select({
        same: sql<number | null>`min(${insightsIndicators.sortOrder}) filter (where ${insightsIndicators.code} = ${body.code})`,
        last: sql<number | null>`max(${insightsIndicators.sortOrder})`,
      })
      .from(insightsIndicators);
    const [row] = await tx
      .insert(insightsIndicators)
      .values({
        code: body.code,
        jurisdictionId,
        names: body.names,
        definitions: body.definitions,
        numerator: body.numerator,
        denominator: body.denominator,
        scale: body.scale,
        unit: body.unit,
        target: body.target,
        active: body.active,
        sortOrder: order?.same ?? (order?.last ?? -1) + 1,
      })
      .returning();
    const term = await recomputeAfterEdit(tx);
    await recordAudit(tx, actor, {
      action: 'insights.indicator.create',
      targetType: 'insights_indicator',
      targetId: row.id,
      jurisdictionId,
      details: {
        code: row.code,
        jurisdiction: body.jurisdiction,
        numerator: row.numerator,
        denominator: row.denominator,
        recomputed: term,
      },
    });
    return presentIndicator(row, body.jurisdiction);
  });
}

/** Changes an indicator's names, notes, formula, unit, target or activity (If-Match version); audited, then recomputed. */
export async function updateIndicator(ctx: Ctx, id: string, version: number | undefined, body: TIndicatorFields) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.editCatalogue);
  const [found] = await ctx.db.select().from(insightsIndicators).where(eq(insightsIndicators.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  if (!mayEditCatalogue(actor, found.jurisdictionId)) throw new AppError('FORBIDDEN');
  if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
  checkFormulas(body);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(insightsIndicators)
      .set({
        names: body.names,
        definitions: body.definitions,
        numerator: body.numerator,
        denominator: body.denominator,
        scale: body.scale,
        unit: body.unit,
        target: body.target,
        active: body.active,
        version: sql`${insightsIndicators.version} + 1`,
      })
      .where(and(eq(insightsIndicators.id, id), eq(insightsIndicators.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    const term = await recomputeAfterEdit(tx);
    const [j] = found.jurisdictionId
      ? await tx.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.id, found.jurisdictionId))
      : [];
    await recordAudit(tx, actor, {
      action: 'insights.indicator.update',
      targetType: 'insights_indicator',
      targetId: row.id,
      jurisdictionId: found.jurisdictionId,
      details: {
        code: row.code,
        before: {
          numerator: found.numerator,
          denominator: found.denominator,
          scale: found.scale,
          target: found.target,
          active: found.active,
        },
        after: { numerator: row.numerator, denominator: row.denominator, scale: row.scale, target: row.target, active: row.active },
        recomputed: term,
      },
    });
    return presentIndicator(row, j?.code ?? null);
  });
}
