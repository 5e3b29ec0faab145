import { Trie } from 'opencc-js/core';

/** One stretch of a rewritten text: either a dictionary match or a gap between matches. */
export interface RewritePiece {
  /** Range in the input. */
  from: number;
  to: number;
  /** Range in the output. */
  outFrom: number;
  outTo: number;
  /** The dictionary key that matched, or undefined for a gap. */
  key?: string;
}

export interface Rewritten {
  text: string;
  pieces: RewritePiece[];
}

/** A longest-match dictionary: phrase → replacement. */
export interface PhraseDictionary {
  trie: Trie;
  /** The number of phrases, for tests and diagnostics. */
  size: number;
}

/**
 * Build a longest-match dictionary from phrase pairs (OpenCC's trie, the same matcher OpenCC uses
 * for its own phrase tables). A later pair with the same phrase replaces an earlier one.
 *
 * @example phraseDictionary([['程式', '程序']])
 */
export function phraseDictionary(pairs: Iterable<readonly [string, string]>): PhraseDictionary {
  const trie = new Trie();
  const keys = new Set<string>();
  for (const [phrase, replacement] of pairs) {
    if (phrase.length === 0) continue;
    trie.addWord(phrase, replacement);
    keys.add(phrase);
  }
  return { trie, size: keys.size };
}

/**
 * Replace dictionary phrases, longest match first from left to right, and pass the text between
 * matches through `convertGap` (an OpenCC script converter, or identity). `accept` may refuse a match
 * (one that straddles two words, see word-boundary-check.ts); the scan then moves on by one character.
 * The pieces say which input range became which output range, so callers can map offsets and report
 * vocabulary changes.
 *
 * @example rewrite('学程式', dict, (s) => s).text // '学程序' when dict maps 程式 → 程序
 */
export function rewrite(
  text: string,
  dictionary: PhraseDictionary,
  convertGap: (gap: string) => string,
  accept: (from: number, to: number, replacement: string) => boolean = () => true,
): Rewritten {
  const pieces: RewritePiece[] = [];
  let out = '';
  let gapStart = 0;
  const flushGap = (until: number): void => {
    if (until <= gapStart) return;
    const converted = convertGap(text.slice(gapStart, until));
    pieces.push({ from: gapStart, to: until, outFrom: out.length, outTo: out.length + converted.length });
    out += converted;
  };
  let i = 0;
  while (i < text.length) {
    const match = dictionary.trie.matchPrefix(text, i);
    if (match === null || !accept(i, match.end, match.value)) {
      const code = text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    flushGap(i);
    pieces.push({
      from: i,
      to: match.end,
      outFrom: out.length,
      outTo: out.length + match.value.length,
      key: text.slice(i, match.end),
    });
    out += match.value;
    i = match.end;
    gapStart = i;
  }
  flushGap(text.length);
  return { text: out, pieces };
}
