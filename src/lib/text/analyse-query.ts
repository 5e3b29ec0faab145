import { analyseCanonical, type AnalyseOptions, type Analysis } from './analyse.ts';
import { HAN_RUN, hasHan, runBigrams } from './bigrams.ts';
import { canonicalise } from './canonicalise.ts';
import { defaultLexicon, fuzzyVariants, type Lexicon } from './fuzzy.ts';
import type { Language } from './language.ts';
import { cutWords } from './segment.ts';

/** The bigrams of one run of Chinese characters in a query, and how many must match. */
export interface BigramGroup {
  run: string;
  bigrams: string[];
  /**
   * The number of this run's bigrams a document must contain to count as matching it while allowing
   * one wrong character: a wrong character spoils at most two bigrams, so `max(1, n - 2)` of `n`.
   */
  minimumShouldMatch: number;
}

/** A known word one character away from a stretch of the query that is not itself a word. */
export interface Correction {
  from: string;
  to: string;
}

export interface QueryAnalysis extends Analysis {
  /** The canonical form of the query (see canonicalise). */
  canonical: string;
  bigramGroups: BigramGroup[];
  corrections: Correction[];
}

export interface AnalyseQueryOptions extends AnalyseOptions {
  /** The query's language if the user chose one; only changes Latin-script handling (`pt`). */
  language?: Language;
  /** Where corrections are looked up; defaults to jieba's dictionary plus our vocabulary. */
  lexicon?: Lexicon;
  /** At most this many corrections (default 5). */
  maxCorrections?: number;
}

/**
 * Analyse a search query. The result has the same fields as {@link analyse} (terms cut whole, in
 * query mode) plus what is needed to tolerate one wrong character in a Chinese word: the bigram groups
 * with their minimum match counts, and corrections such as 机器学系 → 机器学习 for the search module to
 * add as optional, lower-weighted terms. README.md says how to combine them.
 *
 * @example analyseQuery('机器学系').corrections // [{ from: '机器学系', to: '机器学习' }]
 */
export function analyseQuery(query: string, options: AnalyseQueryOptions = {}): QueryAnalysis {
  const canonical = canonicalise(query);
  const analysis = analyseCanonical(canonical, 'query', options.language, options);
  const bigramGroups = Array.from(canonical.matchAll(HAN_RUN), ([run]) => {
    const bigrams = runBigrams(run);
    return { run, bigrams, minimumShouldMatch: Math.max(1, bigrams.length - 2) };
  });
  const corrections = findCorrections(canonical, options.lexicon ?? defaultLexicon(), options.maxCorrections ?? 5);
  return { ...analysis, canonical, bigramGroups, corrections };
}

/**
 * Look for corrections in stretches of consecutive Chinese words of three to six characters that are
 * not themselves known words: a wrong character usually makes jieba split a word (机器学系 →
 * 机器 / 学系), so the stretch, not the single word, is what was meant. Longer stretches first.
 */
function findCorrections(canonical: string, lexicon: Lexicon, max: number): Correction[] {
  const words = cutWords(canonical, 'query');
  const found: Correction[] = [];
  const seen = new Set<string>();
  const stretches: string[] = [];
  for (let a = 0; a < words.length; a++) {
    let stretch = '';
    for (let b = a; b < words.length && hasHan(words[b]) && words[b].trim() === words[b]; b++) {
      stretch += words[b];
      const length = Array.from(stretch).length;
      if (length > 6) break;
      if (length >= 3) stretches.push(stretch);
    }
  }
  stretches.sort((x, y) => y.length - x.length);
  for (const stretch of stretches) {
    for (const to of fuzzyVariants(stretch, lexicon)) {
      const key = `${stretch}>${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ from: stretch, to });
      if (found.length >= max) return found;
    }
  }
  return found;
}
