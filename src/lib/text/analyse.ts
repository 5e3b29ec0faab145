import { zho } from 'stopword';
import { cjkBigrams, hasHan } from './bigrams.ts';
import { canonicalise } from './canonicalise.ts';
import { englishTerms } from './english.ts';
import { chineseForEnglish, englishGlosses } from './gloss.ts';
import type { Language } from './language.ts';
import { cutWords } from './segment.ts';

/** What the search index stores for a text (and what a query is matched with). */
export interface Analysis {
  /** Chinese words of the canonical text (jieba), stop words removed, in order, duplicates kept. */
  terms: string[];
  /** Chinese character bigrams of the canonical text, in order, duplicates kept. */
  bigrams: string[];
  /** Latin-script words: English stemmed (Porter), stop words removed; Portuguese only stop-worded. */
  english: string[];
}

export interface AnalyseOptions {
  /**
   * Add the English gloss of every vocabulary concept found (机器人 → robot) and the Chinese term of
   * every English gloss found (robot → 机器人). Off by default: turn it on for queries, not for the
   * index, so a document's own words keep their weight (README.md, "Combining the signals").
   */
  crossLanguage?: boolean;
}

const CHINESE_STOP = new Set(zho);

/**
 * Analyse a text for the search index: canonicalise it (normalise, Simplified script, one key per
 * vocabulary concept), cut it into words in index mode (compounds and their parts), and take its
 * character bigrams and English terms. `language` is the text's stored language; it only changes how
 * Latin-script words are treated (`pt`: Portuguese stop words, no stemming).
 *
 * @example analyse('機械人編程 Learning').terms // ['机器人', '编程']; english: ['learn']
 */
export function analyse(text: string, language?: Language, options: AnalyseOptions = {}): Analysis {
  return analyseCanonical(canonicalise(text), 'index', language, options);
}

/** {@link analyse} of an already canonical text; shared with analyseQuery. */
export function analyseCanonical(
  canonical: string,
  mode: 'index' | 'query',
  language: Language | undefined,
  options: AnalyseOptions,
): Analysis {
  const terms = cutWords(canonical, mode).filter((word) => hasHan(word) && !CHINESE_STOP.has(word));
  const bigrams = cjkBigrams(canonical);
  const english = englishTerms(canonical, language);
  if (options.crossLanguage) {
    const glosses = englishGlosses(terms);
    const chinese = chineseForEnglish(english);
    english.push(...glosses);
    terms.push(...chinese);
  }
  return { terms, bigrams, english };
}
