import { sql, type SQL } from 'drizzle-orm';
import { analyseCanonical } from '../../../lib/text/analyse.ts';
import { analyseQuery } from '../../../lib/text/analyse-query.ts';
import { rankQueryAll, type RankField, type RankKind } from './search.rank-vector.ts';
import { searchDocuments as d } from './search.schema.ts';
import { signatureBits } from './search.signature.ts';

/**
 * A user's query turned into what the index is matched and ranked with (lib/text README, "Combining the
 * signals"), and the SQL for both. Everything is on canonical keys, so the script and the region of the
 * query do not matter: 機械人編程 and 机器人编程 prepare to the same query.
 */
export interface PreparedQuery {
  /** Canonical form of the whole query (phrase matches). */
  canonical: string;
  /** Chinese words as typed (query cut), distinct. */
  terms: string[];
  /** English stems, distinct. */
  english: string[];
  /** One group per Han run: its bigrams and how many a document needs (one wrong character allowed). */
  groups: { bigrams: string[]; minimumShouldMatch: number }[];
  allBigrams: string[];
  /** Known words one character away from what was typed (机器学系 → 机器学习). */
  corrections: string[];
  /** For each correction, the corrected query's words: a document with all of them matches. */
  correctedTermSets: string[][];
  /** Words to highlight: terms, corrections and the Latin words as typed. */
  highlightTerms: string[];
}

const MAX_CORRECTIONS = 3;
const distinct = (xs: string[]) => [...new Set(xs)];

/**
 * How many of a run's n bigrams a document needs. lib/text's `max(1, n − 2)` lets a 4-character run match
 * on any one of its 3 bigrams (程序设计 would find every 设计); we ask for two of three, still one wrong
 * character at the end or start (机器学系 keeps 机器, 器学), and leave a wrong middle character to the
 * corrections, which name the intended word.
 */
export function minimumShouldMatch(n: number): number {
  if (n <= 2) return n;
  if (n === 3) return 2;
  return n - 2;
}

/**
 * Analyse a query once for matching, ranking and highlighting.
 *
 * @example prepareQuery('機械人編程').terms // ['机器人', '编程']
 */
export function prepareQuery(q: string): PreparedQuery {
  const a = analyseQuery(q, { maxCorrections: MAX_CORRECTIONS });
  const corrections = distinct(a.corrections.map((c) => c.to));
  const correctedTermSets = a.corrections.map((c) =>
    distinct(analyseCanonical(a.canonical.replace(c.from, c.to), 'query', undefined, {}).terms),
  );
  const groups = a.bigramGroups.map((g) => {
    const bigrams = distinct(g.bigrams);
    return { bigrams, minimumShouldMatch: minimumShouldMatch(bigrams.length) };
  });
  const latinWords = a.canonical.split(/\s+/).filter((w) => /[a-z0-9]/.test(w) && !/[\u3400-\u9fff]/.test(w));
  return {
    canonical: a.canonical,
    terms: distinct(a.terms),
    english: distinct(a.english),
    groups,
    allBigrams: distinct(groups.flatMap((g) => g.bigrams)),
    corrections,
    correctedTermSets,
    highlightTerms: distinct([...a.terms, ...corrections, ...latinWords]),
  };
}

export function isEmptyQuery(p: PreparedQuery): boolean {
  return !p.terms.length && !p.english.length && !p.groups.length;
}

/** A text[] literal of bound parameters. */
export const textArray = (xs: readonly string[]): SQL =>
  xs.length
    ? sql`ARRAY[${sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/** Every way to choose k items of a list, in order (small n only). */
function choose<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [first, ...rest] = xs;
  return [...choose(rest, k - 1).map((c) => [first, ...c]), ...choose(rest, k)];
}

/** Beyond this many bigram combinations a group's pre-filter falls back to "any bigram". */
const MAX_COMBINATIONS = 12;

/**
 * The indexable part of the match rule, as exact as GIN allows, so the per-row recheck runs on few rows:
 * all query words (`terms @> …`), or for each Han run some `minimumShouldMatch` of its bigrams together
 * (`bigrams @> {a, b}` for each choice: GIN intersects the posting lists), or all words of a corrected
 * query. A group with too many choices uses `bigrams && …` (looser, still indexed).
 */
function candidateCondition(p: PreparedQuery): SQL {
  const ways: SQL[] = [];
  if (p.terms.length) ways.push(sql`${d.terms} @> ${textArray(p.terms)}`);
  const group = p.groups.reduce<PreparedQuery['groups'][number] | undefined>(
    (best, g) => (!best || g.minimumShouldMatch > best.minimumShouldMatch ? g : best),
    undefined,
  );
  if (group) {
    const combos = choose(group.bigrams, group.minimumShouldMatch);
    if (combos.length <= MAX_COMBINATIONS) for (const c of combos) ways.push(sql`${d.bigrams} @> ${textArray(c)}`);
    else ways.push(sql`${d.bigrams} && ${textArray(group.bigrams)}`);
  }
  for (const set of p.correctedTermSets) if (set.length) ways.push(sql`${d.terms} @> ${textArray(set)}`);
  return sql`(${sql.join(ways, sql` OR `)})`;
}

/**
 * Where the ranking column is read: a per-row copy of `rank_vector`, detoasted (and decompressed) once by
 * the `LATERAL … OFFSET 0` subquery, so the thirty-odd tests of the score and the match recheck each do a
 * binary search in memory instead of re-reading the stored value. Join it as `FROM search_documents
 * ${rankSource}` and refer to it as `rankVector`.
 */
export const rankSource: SQL = sql`CROSS JOIN LATERAL (SELECT ${d.rankVector} || ''::tsvector AS v OFFSET 0) rv`;
export const rankVector: SQL = sql.raw('rv.v');

/** The vector holds this tsquery (a literal from search.rank-vector.ts, bound as a parameter). */
const holds = (query: string): SQL => sql`(${rankVector} @@ ${query}::tsquery)`;
const holdsAll = (values: { kind: RankKind; value: string }[], field: RankField): SQL => holds(rankQueryAll(values, field));
const words = (xs: readonly string[]) => xs.map((value) => ({ kind: 'w' as const, value }));

/** How many of the values the vector holds in the field: a sum of one-value tests (no subquery per row). */
const count = (kind: RankKind, values: readonly string[], field: RankField): SQL =>
  values.length
    ? sql`(${sql.join(
        values.map((value) => sql`${holds(rankQueryAll([{ kind, value }], field))}::int`),
        sql` + `,
      )})`
    : sql`0`;

/**
 * Whether the exact match rule says more than the indexable pre-filter. It does not when the query has at
 * most one Han run whose bigram choices were all spelled out: "some choice of m bigrams all present" is
 * "at least m present". Then the rule needs no per-row test, and a query that only counts (the facets)
 * need not read the ranking vector at all.
 */
export function matchNeedsVector(p: PreparedQuery): boolean {
  if (isEmptyQuery(p) || p.groups.length === 0) return false;
  if (p.groups.length > 1) return true;
  const [g] = p.groups;
  return choose(g.bigrams, g.minimumShouldMatch).length > MAX_COMBINATIONS;
}

/**
 * The match rule, with an indexable pre-filter first (GIN on terms, bigrams, english), then, only where
 * the pre-filter is looser (`matchNeedsVector`), the exact rule on the ranking vector ("anywhere",
 * weight D): a document matches when it has every query word, or enough bigrams of every Han run, or every
 * word of a corrected query; and every English stem. Empty query → true (browse). When it needs the
 * vector, `rankSource` must be in the FROM clause.
 */
export function matchCondition(p: PreparedQuery): SQL {
  if (isEmptyQuery(p)) return sql`true`;
  const parts: SQL[] = [];
  const hasChinese = p.terms.length > 0 || p.groups.length > 0;
  if (hasChinese) {
    parts.push(candidateCondition(p));
    if (matchNeedsVector(p)) {
      const ways: SQL[] = [];
      if (p.terms.length) ways.push(holdsAll(words(p.terms), 'D'));
      const each = p.groups.map((g) =>
        g.minimumShouldMatch >= g.bigrams.length
          ? holdsAll(
              g.bigrams.map((value) => ({ kind: 'b' as const, value })),
              'D',
            )
          : sql`${count('b', g.bigrams, 'D')} >= ${sql.raw(String(g.minimumShouldMatch))}`,
      );
      ways.push(sql`(${sql.join(each, sql` AND `)})`);
      for (const set of p.correctedTermSets) if (set.length) ways.push(holdsAll(words(set), 'D'));
      parts.push(sql`(${sql.join(ways, sql` OR `)})`);
    }
  }
  // Every English stem: indexed (GIN) when the query is English only.
  if (p.english.length) parts.push(sql`${d.english} @> ${textArray(p.english)}`);
  return sql`(${sql.join(parts, sql` AND `)})`;
}

/** A weight as a numeric literal (our constants, never user input): a bound number would be typed bigint. */
const w = (n: number): SQL => sql.raw(`${Number(n).toFixed(3)}::numeric`);

/** Field weights: title and keywords above summary, summary above body. */
export const WEIGHTS = {
  title: { terms: 8, english: 8, bigrams: 2, corrections: 5, phrase: 6, complete: 4 },
  keywords: { terms: 6, english: 6, bigrams: 1.5, corrections: 4 },
  summary: { terms: 3, english: 3, bigrams: 0.75, corrections: 2, phrase: 2 },
  body: { terms: 1.5, english: 1.5, bigrams: 0.3, corrections: 1 },
  /** The document holds every query word as a word (not only its bigrams). */
  exactTerms: 3,
} as const;

/**
 * The relevance score: weighted counts of query words, English stems, bigrams and corrections found per
 * field (the body weight applies to the union over all fields), plus phrase and completeness bonuses.
 * Every count is a lookup in the ranking vector (one weight per field, search.rank-vector.ts). Rounded so
 * a cursor can compare it exactly. Needs `rankSource` in the FROM clause.
 */
export function scoreExpression(p: PreparedQuery): SQL {
  if (isEmptyQuery(p)) return sql`0::numeric`;
  const fields = [
    { wt: WEIGHTS.title, field: 'A' },
    { wt: WEIGHTS.keywords, field: 'B' },
    { wt: WEIGHTS.summary, field: 'C' },
    { wt: WEIGHTS.body, field: 'D' },
  ] as const;
  const parts: SQL[] = [];
  for (const f of fields) {
    if (p.terms.length) parts.push(sql`${w(f.wt.terms)} * ${count('w', p.terms, f.field)}`);
    if (p.english.length) parts.push(sql`${w(f.wt.english)} * ${count('e', p.english, f.field)}`);
    if (p.allBigrams.length) parts.push(sql`${w(f.wt.bigrams)} * ${count('b', p.allBigrams, f.field)}`);
    if (p.corrections.length) parts.push(sql`${w(f.wt.corrections)} * ${count('w', p.corrections, f.field)}`);
  }
  if (p.canonical.length >= 2) {
    parts.push(sql`(CASE WHEN strpos(${d.titleCanonical}, ${p.canonical}) > 0 THEN ${w(WEIGHTS.title.phrase)} ELSE 0::numeric END)`);
    parts.push(sql`(CASE WHEN strpos(${d.summaryCanonical}, ${p.canonical}) > 0 THEN ${w(WEIGHTS.summary.phrase)} ELSE 0::numeric END)`);
  }
  if (p.terms.length) parts.push(sql`(CASE WHEN ${holdsAll(words(p.terms), 'D')} THEN ${w(WEIGHTS.exactTerms)} ELSE 0::numeric END)`);
  const all = [...words(p.terms), ...p.english.map((value) => ({ kind: 'e' as const, value }))];
  if (all.length) parts.push(sql`(CASE WHEN ${holdsAll(all, 'A')} THEN ${w(WEIGHTS.title.complete)} ELSE 0::numeric END)`);
  return sql`round((${sql.join(parts, sql` + `)})::numeric, 3)`;
}

/** A test on the head vector (weights A, B, C of the ranking vector, stored in the heap row). */
const headHolds = (query: string): SQL => sql`(${d.headVector} @@ ${query}::tsquery)`;
const headCount = (kind: RankKind, values: readonly string[], field: RankField): SQL =>
  values.length
    ? sql`(${sql.join(
        values.map((value) => sql`${headHolds(rankQueryAll([{ kind, value }], field))}::int`),
        sql` + `,
      )})`
    : sql`0`;

/**
 * The head of the score: every part of `scoreExpression` but the "anywhere" (weight D) counts and the
 * every-word bonus, computed from the head vector and the canonical texts, which are small and stored in
 * the row, instead of the ranking vector, which is usually TOASTed. The head vector holds exactly the
 * ranking vector's entries at weights A, B and C (search.rank-vector.ts), and each test here is the same
 * binary search as there, so for every row head ≤ score ≤ head + bodyScoreBound (search.rank-page.ts uses
 * this to read few ranking vectors).
 */
export function headScoreExpression(p: PreparedQuery): SQL {
  if (isEmptyQuery(p)) return sql`0::numeric`;
  const fields = [
    { wt: WEIGHTS.title, field: 'A' },
    { wt: WEIGHTS.keywords, field: 'B' },
    { wt: WEIGHTS.summary, field: 'C' },
  ] as const;
  const parts: SQL[] = [];
  for (const f of fields) {
    if (p.terms.length) parts.push(sql`${w(f.wt.terms)} * ${headCount('w', p.terms, f.field)}`);
    if (p.english.length) parts.push(sql`${w(f.wt.english)} * ${headCount('e', p.english, f.field)}`);
    if (p.allBigrams.length) parts.push(sql`${w(f.wt.bigrams)} * ${headCount('b', p.allBigrams, f.field)}`);
    if (p.corrections.length) parts.push(sql`${w(f.wt.corrections)} * ${headCount('w', p.corrections, f.field)}`);
  }
  if (p.canonical.length >= 2) {
    parts.push(sql`(CASE WHEN strpos(${d.titleCanonical}, ${p.canonical}) > 0 THEN ${w(WEIGHTS.title.phrase)} ELSE 0::numeric END)`);
    parts.push(sql`(CASE WHEN strpos(${d.summaryCanonical}, ${p.canonical}) > 0 THEN ${w(WEIGHTS.summary.phrase)} ELSE 0::numeric END)`);
  }
  const all = [...words(p.terms), ...p.english.map((value) => ({ kind: 'e' as const, value }))];
  if (all.length) parts.push(sql`(CASE WHEN ${headHolds(rankQueryAll(all, 'A'))} THEN ${w(WEIGHTS.title.complete)} ELSE 0::numeric END)`);
  return sql`round((${sql.join(parts, sql` + `)})::numeric, 3)`;
}

/** The signature may hold the value: all of its bits are set (search.signature.ts). */
const mayHold = (kind: RankKind, value: string): SQL =>
  sql`(${sql.join(
    signatureBits(kind, value).map((bit) => sql`get_bit(${d.anywhereSignature}, ${sql.raw(String(bit))})`),
    sql` & `,
  )})`;

/**
 * A per-row bound of the body part of the score (score − head), tighter than `bodyScoreBound`: the same
 * sum, counting only the query values the row's anywhere signature may hold (a Bloom filter: it never
 * misses a value the row holds, so this is still ≥ the body part). The global bound for rows without a
 * signature.
 */
export function bodyBoundExpression(p: PreparedQuery): SQL {
  if (isEmptyQuery(p)) return sql`0::numeric`;
  const b = WEIGHTS.body;
  const parts: SQL[] = [];
  const sum = (kind: RankKind, values: readonly string[], weight: number) => {
    if (values.length)
      parts.push(
        sql`${w(weight)} * (${sql.join(
          values.map((v) => mayHold(kind, v)),
          sql` + `,
        )})`,
      );
  };
  sum('w', p.terms, b.terms);
  sum('e', p.english, b.english);
  sum('b', p.allBigrams, b.bigrams);
  sum('w', p.corrections, b.corrections);
  if (p.terms.length) {
    const all = sql.join(
      p.terms.map((v) => mayHold('w', v)),
      sql` & `,
    );
    parts.push(sql`${w(WEIGHTS.exactTerms)} * (${all})`);
  }
  const global = sql.raw(`${bodyScoreBound(p).toFixed(3)}::numeric`);
  return sql`(CASE WHEN ${d.anywhereSignature} IS NULL THEN ${global} ELSE (${sql.join(parts, sql` + `)})::numeric END)`;
}

/**
 * The most the rest of the score (score − head) can add: every query value found anywhere, and the
 * every-word bonus. A number from the query alone.
 */
export function bodyScoreBound(p: PreparedQuery): number {
  if (isEmptyQuery(p)) return 0;
  const b = WEIGHTS.body;
  return (
    b.terms * p.terms.length +
    b.english * p.english.length +
    b.bigrams * p.allBigrams.length +
    b.corrections * p.corrections.length +
    (p.terms.length ? WEIGHTS.exactTerms : 0)
  );
}
