import { z } from 'zod';
import type { JobDefinition } from '../../jobs/jobs.runner.ts';
import { countToReindex, reindexAll } from './search.reindex.ts';

/**
 * `search.reindex`: re-analyses indexed documents whose analysisVersion is not lib/text's current
 * ANALYSIS_VERSION (or all of them with `all: true`), batch by batch, checkpointing the last id in each
 * batch's transaction so an interrupted run resumes where it stopped.
 *
 * Registered by jobs.registry.ts (`jobRegistry.define(reindexSearchJob)`), not here: a module that imports
 * the registry while the registry imports it would read `jobRegistry` before it exists (ES module cycle).
 */
export const reindexSearchJob: JobDefinition<{ all: boolean }, { lastId: string; done: number }> = {
  name: 'search.reindex',
  payload: z.object({ all: z.boolean().default(false) }),
  leaseMs: 120_000,
  async handler(ctx) {
    const onlyStale = !ctx.payload.all;
    const before = ctx.checkpoint?.done ?? 0;
    const total = onlyStale ? before + (await countToReindex(ctx.db, true)) : await countToReindex(ctx.db, false);
    const done = await reindexAll(ctx.db, {
      onlyStale,
      afterId: ctx.checkpoint?.lastId ?? null,
      signal: ctx.signal,
      onBatch: (state, tx) => ctx.saveCheckpoint({ lastId: state.lastId, done: before + state.done }, tx),
      onCommitted: (state) => ctx.progress(before + state.done, total),
    });
    return { reindexed: before + done };
  },
};
