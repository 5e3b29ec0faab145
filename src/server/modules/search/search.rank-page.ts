import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SearchCursor } from './search.cursor.ts';
import {
  bodyBoundExpression,
  headScoreExpression,
  isEmptyQuery,
  matchNeedsVector,
  rankSource,
  scoreExpression,
  type PreparedQuery,
} from './search.query.ts';
import { searchDocuments as d } from './search.schema.ts';

/**
 * One page of hits in ranking order (score ↓, popularity ↓, id ↑), after the cursor if any: `limit` rows
 * (the caller asks one more to know whether a next page exists).
 */
export interface RankedRow {
  id: string;
  score: string;
  popularity: number;
}

export interface PageRequest {
  /** Visibility, filters and the match rule: one condition (the facets use the same). */
  where: SQL;
  prepared: PreparedQuery;
  cursor: SearchCursor | null;
  limit: number;
}

/** One count of the facets: exactly one of the four values is set (a grouping set of the matching rows). */
export interface FacetRow {
  subject: string | null;
  grade_band: string | null;
  language: string | null;
  licence: string | null;
  n: number;
}

/** A page and the facet counts of the whole matching set (not only the rows after the cursor). */
export interface PageWithFacets {
  rows: RankedRow[];
  facets: FacetRow[];
}

type Rows<T> = { rows: T[] };
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

function afterCursor(cursor: SearchCursor | null): SQL {
  return cursor
    ? sql`WHERE (score < ${cursor.score}::numeric
        OR (score = ${cursor.score}::numeric AND popularity < ${cursor.popularity})
        OR (score = ${cursor.score}::numeric AND popularity = ${cursor.popularity} AND id > ${cursor.id}::uuid))`
    : sql``;
}

/** The facet columns carried through the matching rows, so the counts come from the same scan. */
const FACET_COLUMNS = sql`${d.subject} AS subject, ${d.gradeBand} AS grade_band, ${d.language} AS language, ${d.licence} AS licence`;

/** Facet counts of the `all_matched` CTE, shaped like the hit rows (NULL id, score, popularity) for one UNION. */
const FACET_ROWS = sql`SELECT NULL::uuid AS id, NULL::numeric AS score, NULL::int AS popularity, subject, grade_band, language, licence, count(*) AS n
  FROM all_matched GROUP BY GROUPING SETS ((subject), (grade_band), (language), (licence))`;

/** Hit columns padded with NULL facet columns, to UNION with FACET_ROWS. */
const HIT_PADDING = sql`NULL::text AS subject, NULL::text AS grade_band, NULL::text AS language, NULL::text AS licence, NULL::bigint AS n`;

type MixedRow = RankedRow & Omit<FacetRow, 'n'> & { n: string | number | null };

/** Splits the rows of a statement that returned hits (n NULL) and facet counts, keeping the hits' order. */
function splitFacets(rows: MixedRow[]): PageWithFacets {
  const page: PageWithFacets = { rows: [], facets: [] };
  for (const r of rows) {
    if (r.n === null) page.rows.push({ id: r.id, score: r.score, popularity: r.popularity });
    else page.facets.push({ subject: r.subject, grade_band: r.grade_band, language: r.language, licence: r.licence, n: Number(r.n) });
  }
  return page;
}

/**
 * Every matching row scored in full (the ranking vector read for each). The reference the two-phase
 * ranking is tested against, and the page of an empty query (a browse, where every score is 0).
 */
export async function fullyScoredPage(db: Db, r: PageRequest): Promise<RankedRow[]> {
  const from = isEmptyQuery(r.prepared) ? sql`${d}` : sql`${d} ${rankSource}`;
  return rowsOf<RankedRow>(
    db,
    sql`SELECT id, score, popularity FROM (
          SELECT ${d.id} AS id, ${d.popularity} AS popularity, ${scoreExpression(r.prepared)} AS score FROM ${from} WHERE ${r.where}
        ) ranked ${afterCursor(r.cursor)}
        ORDER BY score DESC, popularity DESC, id
        LIMIT ${r.limit}`,
  );
}

/**
 * Rows (M) whose ranking vector phase 2 reads before it falls back to scoring every match: at least
 * `minimum`, `perHit` per row asked, and `shareOfMatches` of the matches — rows whose bound a false positive
 * of the signature inflates come first in phase 2's order, and among thousands of tied matches (a typo
 * query) they are about that share.
 */
export const PREFIX_ROWS = { minimum: 100, perHit: 4, shareOfMatches: 0.1 } as const;

/**
 * The same page, exactly, reading the ranking vector of few rows (docs/search.md, "Two-phase ranking").
 *
 * score = head + body, where head (title, keywords, summary, the phrase and whole-title bonuses) comes
 * from the small head vector stored in the row, and body (the "anywhere" counts and the every-word bonus)
 * needs the big ranking vector, which is TOASTed. 0 ≤ body ≤ b, the row's bound from its anywhere signature
 * (`bodyBoundExpression`; at most B = `bodyScoreBound`, known from the query alone), so each row's place in
 * the ranking order (score ↓, popularity ↓, id ↑) is at best (head + b, popularity, id) — its upper tuple —
 * and at worst (head, popularity, id).
 *
 * Phase 1 computes head for every match (heap rows only; rows certainly before the cursor — whose worst
 * place is ahead of it — are dropped) and sorts by upper tuple. Phase 2 scores the first M rows of that
 * order in full (the very same expression as the full ranking), keeps those after the cursor and takes
 * `limit`. The page is exact when all matches were scored, or when the `limit`-th kept row is ahead of the
 * (M+1)-th row's upper tuple: every row not scored is behind that upper tuple, so behind the page. This is
 * checked in the same statement, which otherwise scores every match found by phase 1 (as the full ranking
 * does, without a second pass over the heap). Rows without a ranking or head vector (not yet re-indexed)
 * also take that path, so they land where the full ranking puts them.
 */
export async function twoPhasePage(db: Db, r: PageRequest): Promise<RankedRow[]> {
  return rowsOf<RankedRow>(db, twoPhaseStatement(r, false));
}

/**
 * `twoPhasePage` and the facet counts in one statement: the first phase already reads every matching
 * row (heap only), so the counts come from that same scan instead of a second one.
 */
export async function twoPhasePageWithFacets(db: Db, r: PageRequest): Promise<PageWithFacets> {
  return splitFacets(await rowsOf<MixedRow>(db, twoPhaseStatement(r, true)));
}

function twoPhaseStatement(r: PageRequest, withFacets: boolean): SQL {
  const head = headScoreExpression(r.prepared);
  const bound = bodyBoundExpression(r.prepared);
  const fixedM = Math.max(PREFIX_ROWS.minimum, PREFIX_ROWS.perHit * r.limit);
  // M: a scalar of the statement (an init plan, computed once from the matches).
  const m = sql`(SELECT greatest(${sql.raw(String(fixedM))}, ceil(count(*) * ${sql.raw(String(PREFIX_ROWS.shareOfMatches))})::int) FROM matched)`;
  // The match rule reads the vector only for queries it cannot check on the GIN pre-filter alone.
  const matchFrom = matchNeedsVector(r.prepared) ? sql`${d} ${rankSource}` : sql`${d}`;
  const c = r.cursor;
  const notBefore = c
    ? sql`WHERE NOT (head > ${c.score}::numeric
        OR (head = ${c.score}::numeric AND popularity > ${c.popularity})
        OR (head = ${c.score}::numeric AND popularity = ${c.popularity} AND id <= ${c.id}::uuid))`
    : sql``;
  const score = scoreExpression(r.prepared);
  const scoredFrom = (rows: SQL) => sql`SELECT scored.* FROM ${rows} o CROSS JOIN LATERAL (
      SELECT ${d.id} AS id, ${d.popularity} AS popularity, ${score} AS score
      FROM ${d} ${rankSource} WHERE ${d.id} = o.id OFFSET 0
    ) scored`;
  const facetColumns = withFacets ? sql`, ${FACET_COLUMNS}` : sql``;
  const hitColumns = withFacets ? sql`id, score, popularity, ${HIT_PADDING}` : sql`id, score, popularity`;
  return sql`WITH all_matched AS MATERIALIZED (
          SELECT ${d.id} AS id, ${d.popularity} AS popularity, ${head} AS head, ${bound} AS bound, (${d.rankVector} IS NULL OR ${d.headVector} IS NULL) AS unranked ${facetColumns}
          FROM ${matchFrom} WHERE ${r.where}
        ),
        matched AS MATERIALIZED (
          SELECT id, popularity, head, bound, unranked FROM all_matched m ${notBefore}
        ),
        ordered AS MATERIALIZED (
          SELECT id, popularity, head + bound AS upper FROM matched ORDER BY upper DESC, popularity DESC, id LIMIT ${m} + 1
        ),
        page AS MATERIALIZED (
          SELECT * FROM (${scoredFrom(sql`(SELECT id FROM ordered ORDER BY upper DESC, popularity DESC, id LIMIT ${m})`)}) ranked
          ${afterCursor(r.cursor)}
          ORDER BY score DESC, popularity DESC, id
          LIMIT ${r.limit}
        ),
        settled AS MATERIALIZED (
          SELECT NOT EXISTS (SELECT 1 FROM matched WHERE unranked) AND (
            (SELECT count(*) FROM ordered) <= ${m}
            OR EXISTS (
              SELECT 1
              FROM (SELECT * FROM page ORDER BY score DESC, popularity DESC, id OFFSET ${r.limit - 1} LIMIT 1) kth,
                   (SELECT * FROM ordered ORDER BY upper DESC, popularity DESC, id OFFSET ${m} LIMIT 1) beyond
              WHERE beyond.upper < kth.score
                OR (beyond.upper = kth.score AND beyond.popularity < kth.popularity)
                OR (beyond.upper = kth.score AND beyond.popularity = kth.popularity AND beyond.id > kth.id)
            )
          ) AS ok
        )
        SELECT * FROM (
          SELECT ${hitColumns} FROM page WHERE (SELECT ok FROM settled)
          UNION ALL
          SELECT ${hitColumns} FROM (
            SELECT * FROM (${scoredFrom(sql`matched`)}) ranked
            ${afterCursor(r.cursor)}
            ORDER BY score DESC, popularity DESC, id
            LIMIT ${r.limit}
          ) everything WHERE NOT (SELECT ok FROM settled)
          ${withFacets ? sql`UNION ALL ${FACET_ROWS}` : sql``}
        ) chosen
        ORDER BY ${withFacets ? sql`n IS NOT NULL, ` : sql``}score DESC, popularity DESC, id`;
}
