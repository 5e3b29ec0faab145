import { analyse } from '../../../lib/text/analyse.ts';
import { ANALYSIS_VERSION } from '../../../lib/text/analysis-version.ts';
import { canonicalise } from '../../../lib/text/canonicalise.ts';
import { cutWords } from '../../../lib/text/segment.ts';
import type { Language } from '../../../lib/text/language.ts';
import type { SearchDocument } from './search.types.ts';
import { headVectorLiteral, rankVectorLiteral } from './search.rank-vector.ts';
import { anywhereSignature } from './search.signature.ts';
import type { NewSearchDocumentRow } from './search.schema.ts';

/**
 * Bodies longer than this are cut before storing and analysing: a lesson's text is far shorter; an
 * appended file text past this adds little to matching and costs analysis time in the save transaction.
 */
export const MAX_BODY_CHARS = 50_000;
/** Typeahead keys: prefixes up to this many characters from each word start of the title. */
const MAX_PREFIX_CHARS = 12;

/** The analysed columns of a row, without the contract fields. */
export type AnalysedColumns = Pick<
  NewSearchDocumentRow,
  | 'analysisVersion'
  | 'titleCanonical'
  | 'summaryCanonical'
  | 'titleTerms'
  | 'titleBigrams'
  | 'titleEnglish'
  | 'keywordTerms'
  | 'keywordBigrams'
  | 'keywordEnglish'
  | 'summaryTerms'
  | 'summaryBigrams'
  | 'summaryEnglish'
  | 'terms'
  | 'bigrams'
  | 'english'
  | 'suggestKeys'
  | 'rankVector'
  | 'headVector'
  | 'anywhereSignature'
>;

const distinct = (...lists: string[][]) => [...new Set(lists.flat())];

/**
 * What lib/text makes of a document's fields, as the index stores it: distinct canonical terms,
 * bigrams and English stems per weighted field (title, keywords, summary), the union over all fields
 * (body included) for matching, title prefixes for typeahead, and all of them weighted by field in one
 * tsvector for ranking (search.rank-vector.ts). Pure: the slow part of indexing
 * (jieba, OpenCC), measured on its own in the bench.
 *
 * @example analyseDocument({ title: '機械人編程入門', … }).titleTerms // ['机器', '机器人', '编程', '入门']
 */
export function analyseDocument(doc: Pick<SearchDocument, 'title' | 'summary' | 'body' | 'keywords' | 'language'>): AnalysedColumns {
  const language = doc.language as Language;
  const title = analyse(doc.title, language);
  const keywords = analyse(doc.keywords.join(' , '), language);
  const summary = analyse(doc.summary, language);
  const body = analyse(doc.body.slice(0, MAX_BODY_CHARS), language);
  const titleCanonical = canonicalise(doc.title);
  const values = {
    titleTerms: distinct(title.terms),
    titleBigrams: distinct(title.bigrams),
    titleEnglish: distinct(title.english),
    keywordTerms: distinct(keywords.terms),
    keywordBigrams: distinct(keywords.bigrams),
    keywordEnglish: distinct(keywords.english),
    summaryTerms: distinct(summary.terms),
    summaryBigrams: distinct(summary.bigrams),
    summaryEnglish: distinct(summary.english),
    terms: distinct(title.terms, keywords.terms, summary.terms, body.terms),
    bigrams: distinct(title.bigrams, keywords.bigrams, summary.bigrams, body.bigrams),
    english: distinct(title.english, keywords.english, summary.english, body.english),
  };
  return {
    analysisVersion: ANALYSIS_VERSION,
    titleCanonical,
    summaryCanonical: canonicalise(doc.summary),
    ...values,
    suggestKeys: suggestKeys(titleCanonical),
    rankVector: rankVectorLiteral(values),
    headVector: headVectorLiteral(values),
    anywhereSignature: anywhereSignature(values),
  };
}

/**
 * Prefixes of the canonical title starting at each word (jieba's query cut, whose words concatenate to
 * the text), so 機械人 typed in Hong Kong completes a Mainland title 机器人编程入门 and 编程 completes it too.
 *
 * @example suggestKeys('机器人编程') // ['机', '机器', '机器人', …, '编', '编程']
 */
export function suggestKeys(canonicalTitle: string): string[] {
  const keys = new Set<string>();
  let at = 0;
  for (const word of cutWords(canonicalTitle, 'query')) {
    const start = at;
    at += word.length;
    if (!word.trim()) continue;
    const rest = canonicalTitle.slice(start);
    for (let n = 1; n <= Math.min(MAX_PREFIX_CHARS, rest.length); n++) {
      const key = rest.slice(0, n).trimEnd();
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

/** The prefix a user typed, in the form suggestKeys stores (canonical, at most MAX_PREFIX_CHARS). */
export function suggestKeyFor(prefix: string): string {
  return canonicalise(prefix).slice(0, MAX_PREFIX_CHARS).trimEnd();
}

export { ANALYSIS_VERSION };
