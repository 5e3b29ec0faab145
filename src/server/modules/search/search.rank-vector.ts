/**
 * The ranking column: every analysed value of a document once, in one PostgreSQL `tsvector`, written as
 * its text literal (tsvector's input function only reads quoted lexemes and positions; no text-search
 * parser or dictionary touches the Chinese). A lexeme is a value with its kind as prefix — `w:` a
 * canonical word, `b:` a Han bigram, `e:` an English stem — so 机器 the word and 机器 the bigram stay
 * apart. Its positions say where it occurs, one fixed position per field, whose weight names the field:
 *
 * | field    | position | weight |
 * | -------- | -------- | ------ |
 * | title    | 1        | A      |
 * | keywords | 2        | B      |
 * | summary  | 3        | C      |
 * | anywhere | 4        | D      |
 *
 * "Anywhere" is the union over all fields, body included (the `terms`/`bigrams`/`english` arrays). A
 * tsvector is sorted, so `vector @@ 'w:机器人':A` is a binary search: the ranking tests a value per field
 * without scanning (or decompressing) the body's arrays again for each test.
 */

export type RankKind = 'w' | 'b' | 'e';
export type RankField = 'A' | 'B' | 'C' | 'D';

const POSITION: Record<RankField, string> = { A: '1A', B: '2B', C: '3C', D: '4' };

/** A value as a quoted lexeme of tsvector / tsquery input: quotes doubled, backslashes escaped. */
export function rankLexeme(kind: RankKind, value: string): string {
  return `'${`${kind}:${value}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface RankFields {
  titleTerms: string[];
  titleBigrams: string[];
  titleEnglish: string[];
  keywordTerms: string[];
  keywordBigrams: string[];
  keywordEnglish: string[];
  summaryTerms: string[];
  summaryBigrams: string[];
  summaryEnglish: string[];
  terms: string[];
  bigrams: string[];
  english: string[];
}

/**
 * The `tsvector` literal of a document's analysed values (see the table above). PostgreSQL merges the
 * repeated lexemes into one with several positions.
 *
 * @example rankVectorLiteral({ titleTerms: ['机器人'], terms: ['机器人'], … }) // "'w:机器人':1A 'w:机器人':4"
 */
export function rankVectorLiteral(f: RankFields): string {
  return vectorLiteral(f, true);
}

/**
 * The head vector: the entries of the ranking vector at weights A, B and C only (title, keywords,
 * summary). Small enough to stay in the heap row, so the first phase of the ranking (search.rank-page.ts)
 * scores every match from it with binary searches, without reading the TOASTed ranking vector.
 *
 * @example headVectorLiteral({ titleTerms: ['机器人'], terms: ['机器人', '编程'], … }) // "'w:机器人':1A"
 */
export function headVectorLiteral(f: RankFields): string {
  return vectorLiteral(f, false);
}

function vectorLiteral(f: RankFields, anywhere: boolean): string {
  const parts: string[] = [];
  const add = (kind: RankKind, values: readonly string[], field: RankField) => {
    for (const v of values) if (v) parts.push(`${rankLexeme(kind, v)}:${POSITION[field]}`);
  };
  add('w', f.titleTerms, 'A');
  add('b', f.titleBigrams, 'A');
  add('e', f.titleEnglish, 'A');
  add('w', f.keywordTerms, 'B');
  add('b', f.keywordBigrams, 'B');
  add('e', f.keywordEnglish, 'B');
  add('w', f.summaryTerms, 'C');
  add('b', f.summaryBigrams, 'C');
  add('e', f.summaryEnglish, 'C');
  if (anywhere) {
    add('w', f.terms, 'D');
    add('b', f.bigrams, 'D');
    add('e', f.english, 'D');
  }
  return parts.join(' ');
}

/**
 * A `tsquery` literal: every value (AND), each in the given field.
 *
 * @example rankQueryAll([{ kind: 'w', value: '机器人' }, { kind: 'w', value: '编程' }], 'A') // "'w:机器人':A & 'w:编程':A"
 */
export function rankQueryAll(values: readonly { kind: RankKind; value: string }[], field: RankField): string {
  return values.map((v) => `${rankLexeme(v.kind, v.value)}:${field}`).join(' & ');
}
