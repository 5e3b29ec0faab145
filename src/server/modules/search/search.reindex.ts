import { and, asc, count, eq, gt, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { analyseDocument, ANALYSIS_VERSION } from './search.analyse.ts';
import { searchDocuments as d } from './search.schema.ts';

export interface ReindexOptions {
  /** Only rows analysed by another lib/text version (default), or every row. */
  onlyStale?: boolean;
  batchSize?: number;
  /** Resume after this id (a job's checkpoint). */
  afterId?: string | null;
  /** Called after each batch, in the batch's transaction. */
  onBatch?: (state: { lastId: string; done: number }, tx: Tx) => Promise<void> | void;
  /** Called after each batch has committed (progress reports on another connection). */
  onCommitted?: (state: { lastId: string; done: number }) => Promise<void> | void;
  signal?: AbortSignal;
}

/** Rows whose analysis is out of date, or that have no ranking vector yet (or all rows). */
function staleCondition(onlyStale: boolean): SQL | undefined {
  return onlyStale
    ? or(ne(d.analysisVersion, ANALYSIS_VERSION), isNull(d.rankVector), isNull(d.headVector), isNull(d.anywhereSignature))
    : undefined;
}

/** How many rows a re-index would touch. */
export async function countToReindex(db: Db, onlyStale = true): Promise<number> {
  const [row] = await db.select({ n: count() }).from(d).where(staleCondition(onlyStale));
  return Number(row.n);
}

/**
 * Re-analyses indexed documents from their stored fields, in id order and batches of one transaction each,
 * so it can stop and resume (the job keeps `lastId`). Needed when lib/text's ANALYSIS_VERSION changes (a
 * vocabulary entry added: a new regional form now maps to its concept). Returns how many rows it rewrote.
 *
 * @example await reindexAll(db) // after upgrading lib/text; or run the `search.reindex` job
 */
export async function reindexAll(db: Db, opts: ReindexOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 200;
  const onlyStale = opts.onlyStale ?? false;
  let lastId = opts.afterId ?? null;
  let done = 0;
  for (;;) {
    if (opts.signal?.aborted) break;
    const batch = await db
      .select({ id: d.id, title: d.title, summary: d.summary, body: d.body, keywords: d.keywords, language: d.language })
      .from(d)
      .where(and(staleCondition(onlyStale), lastId ? gt(d.id, lastId) : undefined))
      .orderBy(asc(d.id))
      .limit(batchSize);
    if (!batch.length) break;
    const analysed = batch.map((row) => ({ id: row.id, ...analyseDocument(row) }));
    lastId = batch[batch.length - 1].id;
    done += batch.length;
    const state = { lastId, done };
    await db.transaction(async (tx) => {
      // Only the analysed columns change; the contract fields stay as the library saved them.
      for (const row of analysed) {
        const { id, ...columns } = row;
        await tx
          .update(d)
          .set({ ...columns, indexedAt: new Date() })
          .where(eq(d.id, id));
      }
      await opts.onBatch?.(state, tx);
    });
    await opts.onCommitted?.(state);
  }
  return done;
}
