import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { MAX_SEARCH_PAGE_SIZE, MAX_SUGGESTIONS, type SearchFacets } from '../../../shared/api/search.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { suggestKeyFor } from './search.analyse.ts';
import { decodeSearchCursor, encodeSearchCursor, queryFingerprint, type SearchCursor } from './search.cursor.ts';
import { presentHit } from './search.present.ts';
import { isEmptyQuery, matchCondition, prepareQuery } from './search.query.ts';
import { fullyScoredPage, twoPhasePageWithFacets, type FacetRow, type PageRequest, type PageWithFacets } from './search.rank-page.ts';
import { searchDocuments as d } from './search.schema.ts';
import type { SearchPage, SearchQuery } from './search.types.ts';
import { visibleWhere } from './search.visibility.ts';

export { indexDocument, removeDocument } from './search.index.ts';
export { reindexAll } from './search.reindex.ts';

export interface SearchContext {
  db: Db;
  /** null: an anonymous reader, who sees published public documents only. */
  actor: Actor | null;
}

type Rows<T> = { rows: T[] };
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

/** Filters of a search, as one condition (the facets use the same one). */
function filterCondition(q: SearchQuery): SQL | undefined {
  return and(
    q.subject ? eq(d.subject, q.subject) : undefined,
    q.gradeBand ? eq(d.gradeBand, q.gradeBand) : undefined,
    q.language ? eq(d.language, q.language) : undefined,
    q.licence ? eq(d.licence, q.licence) : undefined,
    q.level ? eq(d.publishLevel, q.level) : undefined,
  );
}

function cursorOf(token: string | undefined, fingerprint: string): SearchCursor | null {
  if (!token) return null;
  const cursor = decodeSearchCursor(token);
  if (!cursor || cursor.query !== fingerprint) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'querystring.cursor', code: 'invalid', message: 'cursor does not belong to this search' }],
    });
  }
  return cursor;
}

/**
 * Searches the documents the actor may see, in either script and either region's vocabulary, ranked by
 * relevance (title and keywords above summary above body; whole words above bigram-only matches; one wrong
 * character tolerated), with facet counts over exactly the matching set and an opaque cursor.
 *
 * Visibility, filters and the match rule form ONE condition used by both the page and the facet query, so
 * the counts are those of the hits and nothing the caller may not see is ever counted or returned.
 *
 * @example await searchDocuments({ db, actor: null }, { q: '機械人編程', limit: 20 })
 */
export async function searchDocuments(ctx: SearchContext, q: SearchQuery): Promise<SearchPage> {
  const limit = Math.min(Math.max(1, q.limit ?? 20), MAX_SEARCH_PAGE_SIZE);
  const text = (q.q ?? '').trim();
  const fingerprint = queryFingerprint({
    q: text,
    subject: q.subject,
    gradeBand: q.gradeBand,
    language: q.language,
    licence: q.licence,
    level: q.level,
  });
  const cursor = cursorOf(q.cursor, fingerprint);
  const prepared = prepareQuery(text);
  const where = and(visibleWhere(ctx.actor, d), filterCondition(q), matchCondition(prepared))!;
  const request = { where, prepared, cursor, limit: limit + 1 };
  const { rows: page, facets } = await rankedPageWithFacets(ctx.db, request);

  const shown = page.slice(0, limit);
  const docs = shown.length
    ? await ctx.db
        .select({
          id: d.id,
          externalId: d.externalId,
          title: d.title,
          summary: d.summary,
          body: d.body,
          language: d.language,
          subject: d.subject,
          gradeBand: d.gradeBand,
        })
        .from(d)
        .where(
          inArray(
            d.id,
            shown.map((r) => r.id),
          ),
        )
    : [];
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const items = shown.map((r) => presentHit(byId.get(r.id)!, Number(r.score), prepared));
  const last = shown.at(-1);
  const nextCursor =
    page.length > limit && last
      ? encodeSearchCursor({ query: fingerprint, score: String(last.score), popularity: Number(last.popularity), id: last.id })
      : null;
  return { items, facets: presentFacets(facets), nextCursor };
}

/**
 * The page and the facet counts over exactly the matching set, each way in ONE statement where it can. A
 * browse (empty query) neither matches nor ranks: its page comes from the popularity index and its counts
 * from one grouping-sets query. A query is ranked in two phases (docs/search.md, "Two-phase ranking"),
 * whose first phase reads every match anyway and counts them.
 */
async function rankedPageWithFacets(db: Db, request: PageRequest): Promise<PageWithFacets> {
  const { prepared, where } = request;
  if (isEmptyQuery(prepared)) {
    const rows = await fullyScoredPage(db, request);
    const facets = await rowsOf<FacetRow>(
      db,
      sql`SELECT ${d.subject} AS subject, ${d.gradeBand} AS grade_band, ${d.language} AS language, ${d.licence} AS licence, count(*) AS n
          FROM ${d} WHERE ${where}
          GROUP BY GROUPING SETS ((${d.subject}), (${d.gradeBand}), (${d.language}), (${d.licence}))`,
    );
    return { rows, facets: facets.map((f) => ({ ...f, n: Number(f.n) })) };
  }
  return twoPhasePageWithFacets(db, request);
}

/** The facet rows (one value set per grouping set) as the API's counts per facet. */
function presentFacets(rows: FacetRow[]): SearchFacets {
  const facets: SearchFacets = { subject: {}, gradeBand: {}, language: {}, licence: {} };
  for (const r of rows) {
    if (r.subject) (facets.subject as Record<string, number>)[r.subject] = r.n;
    else if (r.grade_band) (facets.gradeBand as Record<string, number>)[r.grade_band] = r.n;
    else if (r.language) (facets.language as Record<string, number>)[r.language] = r.n;
    else if (r.licence) (facets.licence as Record<string, number>)[r.licence] = r.n;
  }
  return facets;
}

/**
 * Title completions for what the user has typed so far, from the titles the actor may see: prefixes of
 * the canonical title from each word start, so either script and either region's words complete the same
 * titles. Titles starting with the prefix come first, then the popular ones.
 *
 * @example await suggestTitles({ db, actor }, '機械人', 8) // ['机器人编程入门', '機械人與人工智能', …]
 */
export async function suggestTitles(ctx: SearchContext, prefix: string, limit: number): Promise<string[]> {
  const key = suggestKeyFor(prefix);
  if (!key) return [];
  const n = Math.min(Math.max(1, limit), MAX_SUGGESTIONS);
  const rows = await rowsOf<{ title: string }>(
    ctx.db,
    sql`SELECT title FROM (
          SELECT DISTINCT ON (${d.title}) ${d.title} AS title, starts_with(${d.titleCanonical}, ${key}) AS at_start, ${d.popularity} AS popularity
          FROM ${d}
          WHERE ${d.suggestKeys} @> ARRAY[${key}]::text[] AND ${visibleWhere(ctx.actor, d)}
          ORDER BY ${d.title}, starts_with(${d.titleCanonical}, ${key}) DESC, ${d.popularity} DESC
        ) s
        ORDER BY at_start DESC, popularity DESC, title
        LIMIT ${n}`,
  );
  return rows.map((r) => r.title);
}
