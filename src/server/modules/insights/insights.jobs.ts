import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob, type JobDefinition } from '../../jobs/jobs.runner.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { ZTerm } from '../../../shared/api/insights.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { recomputeTerm } from './insights.recompute.ts';
import { currentTerm } from './insights.terms.ts';

/**
 * Indicators read module data (training, contests, growth, library, network) as it stands, so they go stale
 * as those modules change. Two kinds of run keep them fresh: a nightly run for the current term (at 02:00
 * Beijing/Hong Kong time, when bureaus are not reading), which schedules the next one, and a run soon after
 * a school saves or imports its inventory for the term that changed.
 */
type Payload = { term?: string; nightly?: boolean };

export const insightsRecomputeJob: JobDefinition<Payload> = {
  name: 'insights.recompute',
  payload: z.object({ term: ZTerm.optional(), nightly: z.boolean().optional() }).strict(),
  maxAttempts: 3,
  // A province-sized term takes seconds, not the default 30 s lease's worth, but leave room on a loaded node.
  leaseMs: 120_000,
  async handler({ db, payload }) {
    const term = payload.term ?? currentTerm();
    const result = await db.transaction(async (tx) => {
      const counts = await recomputeTerm(tx, term);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'insights.recompute',
        targetType: 'insights_term',
        details: { term, schools: counts.schools, values: counts.values, trigger: payload.nightly ? 'schedule' : 'data_change' },
      });
      return counts;
    });
    if (payload.nightly) await enqueueJob(db, insightsRecomputeJob, { nightly: true }, { runAfter: nextNightlyRun() });
    return { term, schools: result.schools, values: result.values };
  },
};

/** 02:00 at UTC+8 (18:00 UTC) after `now`. */
export function nextNightlyRun(now = new Date()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 18, 0, 0));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

const pending = inArray(jobs.status, ['queued', 'running']);

/**
 * Asks for a recompute of `term` after a data change (inventory save or import). Call inside the change's
 * transaction so both commit together; several changes before the run share one queued job.
 */
export async function requestRecompute(tx: DbOrTx, term: string): Promise<void> {
  const [queued] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, insightsRecomputeJob.name), eq(jobs.status, 'queued'), sql`${jobs.payload}->>'term' = ${term}`))
    .limit(1);
  if (!queued) await enqueueJob(tx, insightsRecomputeJob, { term });
  await ensureNightlyRecompute(tx);
}

/** Starts the nightly chain once; a no-op while one is pending. */
export async function ensureNightlyRecompute(tx: DbOrTx): Promise<void> {
  const [scheduled] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, insightsRecomputeJob.name), pending, sql`(${jobs.payload}->>'nightly')::boolean`))
    .limit(1);
  if (!scheduled) await enqueueJob(tx, insightsRecomputeJob, { nightly: true }, { runAfter: nextNightlyRun() });
}
