import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SearchCursor } from './search.cursor.ts';
import {
  bodyScoreBound,
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

/** A non-negative number of ours (a score, a bound) as a numeric literal. */
const numeric = (n: number): SQL => sql.raw(`${Number(n).toFixed(3)}::numeric`);

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

/** Rows (M) whose ranking vector phase 2 reads before it falls back to scoring every match. */
export const PREFIX_ROWS = { minimum: 100, perHit: 4 } as const;

/**
 * The same page, exactly, reading the ranking vector of few rows (docs/search.md, "Two-phase ranking").
 *
 * score = head + body, where head (title, keywords, summary, the phrase and whole-title bonuses) comes
 * from the small title/keyword/summary arrays stored in the row, and body (the "anywhere" counts and the
 * every-word bonus) needs the big ranking vector, which is TOASTed. 0 ≤ body ≤ B, a bound known from the
 * query alone (`bodyScoreBound`), so each row's place in the ranking order (score ↓, popularity ↓, id ↑)
 * is at best (head + B, popularity, id) — its upper tuple — and at worst (head, popularity, id).
 *
 * Phase 1 computes head for every match (heap rows only; rows certainly before the cursor — whose worst
 * place is ahead of it — are dropped) and sorts by upper tuple. Phase 2 scores the first M rows of that
 * order in full (the very same expression as the full ranking), keeps those after the cursor and takes
 * `limit`. The page is exact when all matches were scored, or when the `limit`-th kept row is ahead of the
 * (M+1)-th row's upper tuple: every row not scored is behind that upper tuple, so behind the page. This is
 * checked in the same statement, which otherwise scores every match found by phase 1 (as the full ranking
 * does, without a second pass over the heap): typically a query with a wrong character, whose matches
 * mostly differ only in the body. Rows without a ranking vector (not yet re-indexed) also take that path,
 * so they land where the full ranking puts them.
 */
export async function twoPhasePage(db: Db, r: PageRequest): Promise<RankedRow[]> {
  const head = headScoreExpression(r.prepared);
  const bound = numeric(bodyScoreBound(r.prepared));
  const m = Math.max(PREFIX_ROWS.minimum, PREFIX_ROWS.perHit * r.limit);
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
  return rowsOf<RankedRow>(
    db,
    sql`WITH matched AS MATERIALIZED (
          SELECT * FROM (
            SELECT ${d.id} AS id, ${d.popularity} AS popularity, ${head} AS head, ${d.rankVector} IS NULL AS unranked
            FROM ${matchFrom} WHERE ${r.where}
          ) m ${notBefore}
        ),
        ordered AS MATERIALIZED (
          SELECT id, popularity, head + ${bound} AS upper FROM matched ORDER BY upper DESC, popularity DESC, id LIMIT ${m + 1}
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
        SELECT id, score, popularity FROM (
          SELECT id, score, popularity FROM page WHERE (SELECT ok FROM settled)
          UNION ALL
          SELECT id, score, popularity FROM (
            SELECT * FROM (${scoredFrom(sql`matched`)}) ranked
            ${afterCursor(r.cursor)}
            ORDER BY score DESC, popularity DESC, id
            LIMIT ${r.limit}
          ) everything WHERE NOT (SELECT ok FROM settled)
        ) chosen
        ORDER BY score DESC, popularity DESC, id`,
  );
}
