import { dict } from '@node-rs/jieba/dict';
import { VOCABULARY } from './vocabulary.ts';
import { formKey } from './vocabulary-index.ts';

/**
 * A set of known words that can answer "which words differ from this one in exactly one character?".
 * Words are kept in two sorted arrays (as written and reversed), so a lookup is a few binary
 * searches: a word with one wrong character shares its prefix before, and its suffix after, the
 * wrong one.
 */
export interface Lexicon {
  has(word: string): boolean;
  /** Known words of the same length that differ in exactly one character, most frequent first. */
  substitutions(word: string): string[];
}

/**
 * Build a lexicon from words, each optionally with a frequency used for ranking. The search module
 * can build one from the terms of its own index, so corrections point at words that will match.
 *
 * @example createLexicon(['机器学习']).substitutions('机器学系') // ['机器学习']
 */
export function createLexicon(words: Iterable<string | readonly [string, number]>): Lexicon {
  const frequency = new Map<string, number>();
  for (const item of words) {
    const [word, count] = typeof item === 'string' ? [item, 1] : item;
    if (word.length === 0) continue;
    frequency.set(word, Math.max(frequency.get(word) ?? 0, count));
  }
  const forward = [...frequency.keys()].sort();
  const backward = forward.map(reverse).sort();

  return {
    has: (word) => frequency.has(word),
    substitutions(word) {
      const chars = Array.from(word);
      if (chars.length < 2) return [];
      const found = new Set<string>();
      for (let i = 0; i < chars.length; i++) {
        const prefix = chars.slice(0, i).join('');
        const suffix = chars.slice(i + 1).join('');
        // Search by the longer known side; the other side is checked on each candidate.
        const candidates =
          prefix.length >= suffix.length ? withPrefix(forward, prefix) : withPrefix(backward, reverse(suffix)).map(reverse);
        for (const candidate of candidates) {
          const other = Array.from(candidate);
          if (other.length === chars.length && other[i] !== chars[i] && candidate.startsWith(prefix) && candidate.endsWith(suffix)) {
            found.add(candidate);
          }
        }
      }
      return [...found].sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || a.localeCompare(b));
    },
  };
}

/**
 * Reverse by UTF-16 unit: faster than by code point, and consistent, which is all the reversed index
 * needs (a reversed word is only ever compared with another reversed string and reversed back).
 */
function reverse(word: string): string {
  let out = '';
  for (let i = word.length - 1; i >= 0; i--) out += word[i];
  return out;
}

/** The slice of a sorted array whose strings start with `prefix`. */
function withPrefix(sorted: readonly string[], prefix: string): string[] {
  if (prefix.length === 0) return sorted as string[];
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
  return out;
}

let defaultLexiconInstance: Lexicon | undefined;

/**
 * The built-in lexicon: jieba's dictionary words of three to eight characters (with their corpus
 * frequencies) plus every canonical vocabulary term. Built on first use (about half a second).
 */
export function defaultLexicon(): Lexicon {
  if (defaultLexiconInstance) return defaultLexiconInstance;
  const words: [string, number][] = [];
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const space = line.indexOf(' ');
    if (space < 3 || space > 8) continue;
    words.push([line.slice(0, space), Number.parseInt(line.slice(space + 1), 10) || 1]);
  }
  for (const entry of VOCABULARY) words.push([formKey(entry.hans), 1_000_000]);
  defaultLexiconInstance = createLexicon(words);
  return defaultLexiconInstance;
}

/**
 * Known words one wrong character away from a term, most frequent first: the "did you mean" of a
 * Chinese query (机器学系 → 机器学习). Terms shorter than three characters have too many neighbours
 * to be useful and get none.
 *
 * @example fuzzyVariants('机器学系') // ['机器学习']
 */
export function fuzzyVariants(term: string, lexicon: Lexicon = defaultLexicon()): string[] {
  if (Array.from(term).length < 3 || lexicon.has(term)) return [];
  return lexicon.substitutions(term);
}
