import { and, eq } from 'drizzle-orm';
import { cacheKey } from '../../../lib/dp/cache-key.ts';
import { EpsilonBudget } from '../../../lib/dp/epsilon-budget.ts';
import { epsilonToNanos, nanosToEpsilon } from '../../../lib/dp/epsilon.ts';
import { dpCount, dpHistogram, dpMean, dpSum, type DpRelease } from '../../../lib/dp/queries.ts';
import { parseNumber } from '../../../lib/deid/tables/quasi-encoding.ts';
import { cellText } from '../../../lib/deid/tables/table-row.ts';
import type { TDpQueryBody } from '../../../shared/api/privacy.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { agreementInScope, isAgreementActive } from './privacy.agreements.service.ts';
import { getBlob } from './privacy.blobs.ts';
import { privacyAgreements, privacyDatasets, privacyDpAnswers } from './privacy.schema.ts';
import { rowsOf, type TableFormat } from './privacy.tables.ts';

type Ctx = { db: Db; actor: Actor };

export interface DpAnswer {
  kind: TDpQueryBody['kind'];
  value: number | Record<string, number>;
  noiseStdDev: number;
  mechanism: string;
  /** ε charged by this call: 0 when answered from the cache. */
  epsilonCharged: number;
  cached: boolean;
  epsilonRemaining: number;
}

/**
 * A differentially private count / sum / mean / histogram over a raw dataset an agreement covers, for a
 * party of the agreement. The ε budget lives on the agreement row: the row is locked (SELECT … FOR
 * UPDATE) for the whole check-spend-store, so concurrent queries queue and cannot overspend. A query
 * already answered returns the stored answer at no cost (lib/dp/cache-key.ts explains why that is safe);
 * a query the remaining budget cannot pay for is refused. The budget restarts each period of the policy.
 */
export async function runDpQuery(ctx: Ctx, agreementId: string, q: TDpQueryBody): Promise<DpAnswer> {
  const agreement = await agreementInScope(ctx.db, ctx.actor, agreementId);
  if (!isAgreementActive(agreement)) throw new AppError('PRIVACY_AGREEMENT_NOT_ACTIVE');
  if (!agreement.datasetIds.includes(q.datasetId)) throw new AppError('NOT_FOUND');
  const [dataset] = await ctx.db.select().from(privacyDatasets).where(eq(privacyDatasets.id, q.datasetId));
  if (!dataset) throw new AppError('NOT_FOUND');
  const column = q.kind === 'count' ? null : q.column;
  if (column && (!dataset.columns.includes(column) || (agreement.fields.length > 0 && !agreement.fields.includes(column)))) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.column', code: 'privacy_field_not_agreed', message: `"${column}" is not a column this agreement covers` }],
    });
  }
  if ((q.kind === 'sum' || q.kind === 'mean') && !(q.lower <= q.upper)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.lower', code: 'privacy_bounds', message: 'lower must not exceed upper' }],
    });
  }
  // The key covers everything that decides the answer, including the dataset's content hash.
  const key = cacheKey({ ...q, dataset: `${dataset.id}@${dataset.blobSha256}` });

  // Read the column before taking the lock: the lock is held only for check-spend-store.
  const values = await columnValues(ctx.db, dataset, q);
  const answered = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(privacyAgreements).where(eq(privacyAgreements.id, agreementId)).for('update');
    const [hit] = await tx
      .select()
      .from(privacyDpAnswers)
      .where(and(eq(privacyDpAnswers.agreementId, agreementId), eq(privacyDpAnswers.cacheKey, key)));
    const now = new Date();
    const newPeriod = row.periodStart.getTime() + row.periodDays * 86_400_000 <= now.getTime();
    const spentNanos = newPeriod ? 0 : row.epsilonSpentNanos;
    if (hit) {
      await recordAudit(tx, ctx.actor, {
        action: 'privacy.dp.query',
        targetType: 'privacy_agreement',
        targetId: agreementId,
        jurisdictionId: row.jurisdictionId,
        details: { kind: q.kind, column, epsilon: 0, cached: true },
      });
      return {
        ...(hit.answer as Omit<DpAnswer, 'epsilonCharged' | 'cached' | 'epsilonRemaining'>),
        epsilonCharged: 0,
        cached: true,
        epsilonRemaining: nanosToEpsilon(row.epsilonTotalNanos - spentNanos),
      } as DpAnswer;
    }
    const budget = EpsilonBudget.fromJSON({ totalNanos: row.epsilonTotalNanos, spentNanos, deltaTotal: 0, deltaSpent: 0 });
    const spend = budget.spend(q.epsilon);
    if (!spend.ok) return { refused: spend.remaining.epsilon };
    const release = compute(dataset, q, values);
    const charged = epsilonToNanos(release.epsilon);
    const stored = { kind: q.kind, value: release.value, noiseStdDev: release.noiseStdDev, mechanism: release.mechanism };
    await tx
      .insert(privacyDpAnswers)
      .values({ agreementId, cacheKey: key, query: { ...q }, answer: stored, epsilonNanos: charged, createdBy: ctx.actor.id });
    await tx
      .update(privacyAgreements)
      .set({ epsilonSpentNanos: spentNanos + charged, ...(newPeriod ? { periodStart: now } : {}), updatedAt: now })
      .where(eq(privacyAgreements.id, agreementId));
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.dp.query',
      targetType: 'privacy_agreement',
      targetId: agreementId,
      jurisdictionId: row.jurisdictionId,
      details: {
        kind: q.kind,
        column,
        epsilon: release.epsilon,
        cached: false,
        remaining: nanosToEpsilon(row.epsilonTotalNanos - spentNanos - charged),
      },
    });
    return {
      ...stored,
      epsilonCharged: release.epsilon,
      cached: false,
      epsilonRemaining: nanosToEpsilon(row.epsilonTotalNanos - spentNanos - charged),
    } as DpAnswer;
  });
  if ('refused' in answered) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx.actor, {
        action: 'privacy.dp.refused',
        targetType: 'privacy_agreement',
        targetId: agreementId,
        jurisdictionId: agreement.jurisdictionId,
        details: { kind: q.kind, column, epsilon: q.epsilon, remaining: answered.refused },
      }),
    );
    throw new AppError('DP_BUDGET_EXHAUSTED', { detail: `remaining ε ${answered.refused}` });
  }
  return answered;
}

/** The column's cells (histogram) or numbers (sum, mean); nothing for a count. */
async function columnValues(
  db: Db,
  dataset: typeof privacyDatasets.$inferSelect,
  q: TDpQueryBody,
): Promise<{ cells: string[]; numbers: number[] }> {
  const cells: string[] = [];
  const numbers: number[] = [];
  if (q.kind === 'count') return { cells, numbers };
  const bytes = await getBlob(db, dataset.blobSha256);
  if (!bytes) throw new AppError('NOT_FOUND');
  for await (const row of rowsOf(bytes, dataset.format as TableFormat)) {
    const v = row[q.column] ?? null;
    if (q.kind === 'histogram') cells.push(cellText(v).trim());
    else numbers.push(parseNumber(v));
  }
  return { cells, numbers };
}

/** Runs the mechanism (discrete Laplace, lib/dp). */
function compute(
  dataset: typeof privacyDatasets.$inferSelect,
  q: TDpQueryBody,
  values: { cells: string[]; numbers: number[] },
): DpRelease<number | Record<string, number>> {
  if (q.kind === 'count') return dpCount(dataset.rowCount, { epsilon: q.epsilon });
  if (q.kind === 'histogram') return dpHistogram(values.cells, q.bins, { epsilon: q.epsilon });
  const bounded = { epsilon: q.epsilon, lower: q.lower, upper: q.upper };
  return q.kind === 'sum' ? dpSum(values.numbers, bounded) : dpMean(values.numbers, bounded);
}
