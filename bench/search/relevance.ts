import { randomUUID } from 'node:crypto';
import { detectScript } from '../../src/lib/text/detect-script.ts';
import type { ContentLanguage } from '../../src/shared/languages.ts';
import type { Db } from '../../src/server/db/client.ts';
import { indexDocument } from '../../src/server/modules/search/search.index.ts';
import { searchDocuments } from '../../src/server/modules/search/search.service.ts';
import type { SearchDocument } from '../../src/server/modules/search/search.types.ts';
import { BACKGROUND_TOPICS, TOPICS, type Locale } from './relevance-corpus.ts';
import { QUERIES, type JudgedQuery } from './relevance-queries.ts';

/**
 * nDCG@10 of the search module on the judged relevance set (relevance-corpus.ts, relevance-queries.ts).
 * Every document is public, so the ranking is the ranker's alone (no visibility effects).
 */

const LANGUAGE: Record<Locale, ContentLanguage> = { S: 'zh-Hans', H: 'zh-Hant-HK', M: 'zh-Hant-MO', E: 'en' };
const script = (l: Locale) => (l === 'S' ? 'simplified' : l === 'E' ? 'latin' : 'traditional');

interface JudgedDoc {
  id: string;
  topic: string;
  locale: Locale;
  title: string;
}

export function corpusDocuments(): { docs: JudgedDoc[]; search: SearchDocument[] } {
  const owner = { authorId: randomUUID(), schoolId: randomUUID(), jurisdictionId: randomUUID() };
  const docs: JudgedDoc[] = [];
  const search: SearchDocument[] = [];
  for (const topic of [...TOPICS, ...BACKGROUND_TOPICS]) {
    for (const [locale, title, summary, body] of topic.docs) {
      const id = randomUUID();
      docs.push({ id, topic: topic.id, locale, title });
      search.push({
        id,
        kind: 'resource',
        externalId: null,
        title,
        summary,
        body: body ?? '',
        keywords: [],
        language: LANGUAGE[locale],
        subject: topic.subject,
        gradeBand: topic.grade,
        licence: 'CC-BY-4.0',
        publishLevel: 'public',
        status: 'published',
        ...owner,
        anchorUnitId: null,
        popularity: 0,
        updatedAt: new Date('2026-03-01T00:00:00Z'),
      });
    }
  }
  return { docs, search };
}

/** The grade of a document for a query (see relevance-queries.ts): its topic's grade, at most 1 across languages. */
function grade(doc: JudgedDoc, q: JudgedQuery): number {
  const g = q.want[doc.topic] ?? 0;
  const queryIsEnglish = q.kind === 'english';
  const docIsEnglish = doc.locale === 'E';
  return queryIsEnglish === docIsEnglish ? g : Math.min(g, 1);
}

function dcg(grades: number[]): number {
  return grades.slice(0, 10).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@10 of a ranking over a pool of judged documents (null when nothing in the pool is relevant). */
function ndcg(ranking: JudgedDoc[], pool: JudgedDoc[], q: JudgedQuery): number | null {
  const ideal = dcg(pool.map((d) => grade(d, q)).sort((a, b) => b - a));
  return ideal === 0 ? null : dcg(ranking.map((d) => grade(d, q))) / ideal;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const round = (x: number) => Math.round(x * 1000) / 1000;
const queryScript = (q: string) => (detectScript(q).startsWith('zh-Hant') ? 'traditional' : 'simplified');

export interface RelevanceResult {
  documents: number;
  queries: number;
  ndcg10: Record<string, number>;
  perQuery: { q: string; kind: string; ndcg10: number; top3: string[] }[];
}

/** Indexes the corpus into `db` (fresh, migrated) and scores every judged query. */
export async function runRelevance(db: Db): Promise<RelevanceResult> {
  const { docs, search } = corpusDocuments();
  for (const doc of search) await indexDocument(db, doc);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const perKind: Record<string, number[]> = { chinese: [], variant: [], english: [], typo: [], 'same-script': [], 'cross-script': [] };
  const all: number[] = [];
  const perQuery: RelevanceResult['perQuery'] = [];
  for (const q of QUERIES) {
    const page = await searchDocuments({ db, actor: null }, { q: q.q, limit: 50 });
    const ranking = page.items.map((i) => byId.get(i.id)!);
    const score = ndcg(ranking, docs, q) ?? 0;
    all.push(score);
    perKind[q.kind].push(score);
    perQuery.push({ q: q.q, kind: q.kind, ndcg10: round(score), top3: ranking.slice(0, 3).map((d) => d.title) });
    if (q.kind === 'chinese') {
      // The same ranking, judged on the query's own script and on the other script separately.
      const own = queryScript(q.q);
      for (const [kind, keep] of [
        ['same-script', (d: JudgedDoc) => script(d.locale) === own],
        ['cross-script', (d: JudgedDoc) => script(d.locale) !== own && d.locale !== 'E'],
      ] as const) {
        const pool = docs.filter(keep);
        const s = ndcg(ranking.filter(keep), pool, q);
        if (s !== null) perKind[kind].push(s);
      }
    }
  }
  const ndcg10: Record<string, number> = { overall: round(mean(all)) };
  for (const [kind, xs] of Object.entries(perKind)) ndcg10[kind] = round(mean(xs));
  return { documents: docs.length, queries: QUERIES.length, ndcg10, perQuery };
}
