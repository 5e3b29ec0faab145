import { randomUUID } from 'node:crypto';
import { dict } from '@node-rs/jieba/dict';
import { sql } from 'drizzle-orm';
import { VOCABULARY } from '../../src/lib/text/vocabulary.ts';
import type { Db } from '../../src/server/db/client.ts';
import type { Actor } from '../../src/server/modules/identity/identity.access.ts';
import { analyseDocument } from '../../src/server/modules/search/search.analyse.ts';
import { indexDocument, indexRow, upsertRows } from '../../src/server/modules/search/search.index.ts';
import type { NewSearchDocumentRow } from '../../src/server/modules/search/search.schema.ts';
import { searchDocuments, suggestTitles } from '../../src/server/modules/search/search.service.ts';
import type { SearchDocument } from '../../src/server/modules/search/search.types.ts';
import { GRADE_BANDS, LICENCES, PUBLISH_LEVELS, SUBJECTS } from '../../src/shared/library.ts';
import { percentile } from '../support.ts';
import { QUERIES } from './relevance-queries.ts';

/**
 * Index size figures: analysis speed, indexDocument throughput, and query latency at N documents.
 * Documents are invented word salad with real word frequencies (see generateDocuments). Analysis is the slow
 * part, so a pool of analysed documents is cloned (new ids, audiences, popularity) up to N rows and bulk
 * inserted; the real indexDocument path is timed on its own sample.
 */

const ENGLISH = ['robot', 'learning', 'python', 'lesson', 'students', 'design', 'data', 'sensor', 'reading', 'project'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** Jieba's dictionary words of 2–4 characters with their corpus frequencies: a Zipf-like word source. */
let lexicon: { words: string[]; cumulative: Float64Array } | undefined;
function dictionaryWords() {
  if (lexicon) return lexicon;
  const entries: [string, number][] = [];
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && word.length >= 2 && word.length <= 4) entries.push([word, Number(freq) || 1]);
  }
  entries.sort((a, b) => b[1] - a[1]);
  const top = entries.slice(0, 60_000);
  const cumulative = new Float64Array(top.length);
  let sum = 0;
  top.forEach(([, f], i) => (cumulative[i] = sum += f));
  return (lexicon = { words: top.map(([w]) => w), cumulative });
}

function sampleWord(r: number): string {
  const { words, cumulative } = dictionaryWords();
  const target = r * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return words[lo];
}

/**
 * Lesson-like invented documents, deterministic: words drawn by corpus frequency from jieba's dictionary
 * (so common words are common and most words rare, as in real text), regional vocabulary forms of the
 * three regions, and some English.
 */
export function generateDocuments(count: number, seed = 7): SearchDocument[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const words = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = next();
      s += r < 0.88 ? sampleWord(next()) : r < 0.96 ? pick([pick(VOCABULARY).hans, pick(VOCABULARY).hk]) : ` ${pick(ENGLISH)} `;
      if (next() < 0.15) s += '，';
    }
    return s;
  };
  const owner = { authorId: randomUUID(), schoolId: randomUUID(), jurisdictionId: randomUUID() };
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    kind: 'resource' as const,
    externalId: null,
    title: words(3 + Math.floor(next() * 3)),
    summary: words(10),
    body: words(60 + Math.floor(next() * 60)),
    keywords: [sampleWord(next())],
    language: pick(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en'] as const),
    subject: pick(SUBJECTS),
    gradeBand: pick(GRADE_BANDS),
    licence: pick(LICENCES),
    publishLevel: 'public' as const,
    status: 'published' as const,
    ...owner,
    anchorUnitId: null,
    popularity: 0,
    updatedAt: new Date('2026-03-01T00:00:00Z'),
  }));
}

export interface ScaleOptions {
  documents: number;
  /** Size of the analysed pool that is cloned up to `documents`. */
  pool: number;
  /** Documents timed through indexDocument one by one. */
  indexSample: number;
  /** Timed runs of each query. */
  repeats: number;
}

export interface ScaleResult {
  documents: number;
  analyseDocsPerSecond: number;
  indexDocumentDocsPerSecond: number;
  bulkLoadSeconds: number;
  searchMs: { p50: number; p95: number; samples: number };
  searchSignedInMs: { p50: number; p95: number };
  suggestMs: { p50: number; p95: number };
}

/** Audiences for the clones: mostly public, the rest spread over the levels (drafts too). */
function audience(i: number, schools: string[], units: string[]) {
  const level = i % 4 === 0 ? PUBLISH_LEVELS[i % PUBLISH_LEVELS.length] : 'public';
  return {
    publishLevel: level,
    status: i % 23 === 0 ? ('draft' as const) : ('published' as const),
    schoolId: schools[i % schools.length],
    anchorUnitId: ['district', 'city', 'province'].includes(level) ? units[i % units.length] : null,
    popularity: (i * 7919) % 500,
  };
}

/** Fills `db` (fresh, migrated, tree seeded) and measures. `actor` is a signed-in teacher for the visibility cost. */
export async function runScale(db: Db, actor: Actor, schools: string[], units: string[], o: ScaleOptions): Promise<ScaleResult> {
  const pool = generateDocuments(o.pool);
  let t = performance.now();
  const analysed = pool.map((doc) => analyseDocument(doc));
  const analyseDocsPerSecond = o.pool / ((performance.now() - t) / 1000);

  const sample = generateDocuments(o.indexSample, 99);
  t = performance.now();
  for (const doc of sample) await indexDocument(db, doc);
  const indexDocumentDocsPerSecond = o.indexSample / ((performance.now() - t) / 1000);

  // Bulk load: GIN indexes off while loading (a scratch database), rebuilt after.
  t = performance.now();
  const ginIndexes = ['terms', 'bigrams', 'english', 'suggest'];
  for (const name of ginIndexes) await db.execute(sql.raw(`DROP INDEX IF EXISTS search_documents_${name}_gin`));
  const batch: NewSearchDocumentRow[] = [];
  for (let i = sample.length; i < o.documents; i++) {
    const k = i % o.pool;
    batch.push({ ...indexRow({ ...pool[k], id: randomUUID() }, analysed[k]), ...audience(i, schools, units) });
    if (batch.length === 400) await upsertRows(db, batch.splice(0));
  }
  await upsertRows(db, batch);
  for (const name of ginIndexes) {
    const column = name === 'suggest' ? 'suggest_keys' : name;
    await db.execute(sql.raw(`CREATE INDEX search_documents_${name}_gin ON search_documents USING gin (${column})`));
  }
  await db.execute(sql`VACUUM ANALYZE search_documents`);
  const bulkLoadSeconds = (performance.now() - t) / 1000;

  const time = async (f: () => Promise<unknown>) => {
    const s = performance.now();
    await f();
    return performance.now() - s;
  };
  const queries = QUERIES.map((q) => q.q);
  for (const q of queries.slice(0, 5)) await searchDocuments({ db, actor: null }, { q }); // warm-up
  const anonymous: number[] = [];
  const signedIn: number[] = [];
  const suggest: number[] = [];
  for (let r = 0; r < o.repeats; r++) {
    for (const q of queries) {
      anonymous.push(await time(() => searchDocuments({ db, actor: null }, { q, limit: 20 })));
      signedIn.push(await time(() => searchDocuments({ db, actor }, { q, limit: 20 })));
      suggest.push(await time(() => suggestTitles({ db, actor }, q.slice(0, 2), 8)));
    }
  }
  const stats = (xs: number[]) => ({ p50: Math.round(percentile(xs, 50) * 10) / 10, p95: Math.round(percentile(xs, 95) * 10) / 10 });
  return {
    documents: o.documents,
    analyseDocsPerSecond: Math.round(analyseDocsPerSecond),
    indexDocumentDocsPerSecond: Math.round(indexDocumentDocsPerSecond),
    bulkLoadSeconds: Math.round(bulkLoadSeconds * 10) / 10,
    searchMs: { ...stats(anonymous), samples: anonymous.length },
    searchSignedInMs: stats(signedIn),
    suggestMs: stats(suggest),
  };
}
