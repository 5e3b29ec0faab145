import { stemmer } from 'stemmer';
import { eng, por } from 'stopword';
import type { Language } from './language.ts';

/** A word in Latin script or digits, with C++/C#-style suffixes kept. */
const LATIN_TOKEN = /[\p{Script=Latin}\p{Nd}]+(?:[+#]+(?![\p{Script=Latin}\p{Nd}]))?/gu;
const LETTERS_ONLY = /^[a-z]+$/;

const ENGLISH_STOP = new Set(eng);
const PORTUGUESE_STOP = new Set(por);

/** A Latin-script token of a (normalised) text and where it is. */
export interface LatinToken {
  token: string;
  start: number;
  end: number;
}

/**
 * The Latin-script words and numbers of a normalised text.
 *
 * @example latinTokens('学 python 和 c++').map((t) => t.token) // ['python', 'c++']
 */
export function latinTokens(text: string): LatinToken[] {
  return Array.from(text.matchAll(LATIN_TOKEN), (m) => ({
    token: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The search form of one Latin-script token, or undefined for a stop word. English words are stemmed
 * with Porter (learning → learn); Portuguese words are only stop-worded (Porter is English-only);
 * numbers and tokens like c++ are kept as they are.
 *
 * @example englishTerm('learning') // 'learn'
 */
export function englishTerm(token: string, language?: Language): string | undefined {
  if (language === 'pt') return PORTUGUESE_STOP.has(token) ? undefined : token;
  if (ENGLISH_STOP.has(token)) return undefined;
  return LETTERS_ONLY.test(token) ? stemmer(token) : token;
}

/**
 * The search terms of a normalised text's Latin-script words, in order, duplicates kept.
 *
 * @example englishTerms('the teachers are learning python') // ['teacher', 'learn', 'python']
 */
export function englishTerms(text: string, language?: Language): string[] {
  const out: string[] = [];
  for (const { token } of latinTokens(text)) {
    const term = englishTerm(token, language);
    if (term !== undefined) out.push(term);
  }
  return out;
}
