import { and, sql } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client.ts';
import { matchCondition, prepareQuery } from '../../src/server/modules/search/search.query.ts';
import { fullyScoredPage, twoPhasePage, type PageRequest } from '../../src/server/modules/search/search.rank-page.ts';
import { searchDocuments as d } from '../../src/server/modules/search/search.schema.ts';
import { searchDocuments } from '../../src/server/modules/search/search.service.ts';
import { visibleWhere } from '../../src/server/modules/search/search.visibility.ts';
import { percentile } from '../support.ts';
import { QUERIES } from './relevance-queries.ts';

/**
 * Query latency on an index already loaded (a database kept by `SEARCH_BENCH_KEEP_DB=1`), without the
 * half-hour load: `node --import tsx bench/search/latency.ts <database url> [explain <query>]`. Times the
 * whole search (page, facets, highlights) and, interleaved so both see the same machine load, the page
 * query alone by full scoring and by the two-phase ranking.
 */
const [url, mode, query] = process.argv.slice(2);
const handle = await openDatabase({ url, poolSize: 2 });
const db = handle.db;

const request = (q: string): PageRequest => {
  const prepared = prepareQuery(q);
  return { where: and(visibleWhere(null, d), matchCondition(prepared))!, prepared, cursor: null, limit: 21 };
};

if (mode === 'explain') {
  const r = request(query);
  const capture = (f: (x: typeof db) => Promise<unknown>) => {
    let captured: unknown;
    const spy = new Proxy(db, {
      get: (t, k) => (k === 'execute' ? (s: unknown) => ((captured = s), Promise.resolve({ rows: [] })) : Reflect.get(t, k)),
    });
    return f(spy).then(() => captured as ReturnType<typeof sql>);
  };
  for (const [name, page] of [
    ['two-phase', twoPhasePage],
    ['full', fullyScoredPage],
  ] as const) {
    const statement = await capture((x) => page(x, r));
    const plan = (await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`)) as unknown as { rows: { 'QUERY PLAN': string }[] };
    console.log(`--- ${name}\n${plan.rows.map((p) => p['QUERY PLAN']).join('\n')}`);
  }
} else {
  const time = async (f: () => Promise<unknown>) => {
    const s = performance.now();
    await f();
    return performance.now() - s;
  };
  const qs = QUERIES.map((q) => q.q);
  const search: number[] = [];
  const full: number[] = [];
  const twoPhase: number[] = [];
  for (const q of qs.slice(0, 5)) await searchDocuments({ db, actor: null }, { q });
  for (let repeat = 0; repeat < Number(mode ?? 2); repeat++) {
    for (const q of qs) {
      search.push(await time(() => searchDocuments({ db, actor: null }, { q, limit: 20 })));
      full.push(await time(() => fullyScoredPage(db, request(q))));
      twoPhase.push(await time(() => twoPhasePage(db, request(q))));
      if (process.env.VERBOSE)
        console.log(`${q}\tsearch ${search.at(-1)!.toFixed(0)}\tfull ${full.at(-1)!.toFixed(0)}\ttwo-phase ${twoPhase.at(-1)!.toFixed(0)}`);
    }
  }
  const stats = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms (${xs.length})`;
  console.log(
    `search (anonymous, whole): ${stats(search)}\npage, full scoring:        ${stats(full)}\npage, two-phase:           ${stats(twoPhase)}`,
  );
}
await handle.close();
