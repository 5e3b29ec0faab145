import { analyseQuery } from './analyse-query.ts';
import { hasHan } from './bigrams.ts';
import { canonicalise, canonicaliseAligned } from './canonicalise.ts';
import { englishTerm, latinTokens } from './english.ts';
import type { Lexicon } from './fuzzy.ts';

/** A stretch of the original text, marked when it matches the query. */
export interface HighlightSegment {
  text: string;
  /** Offsets in the original text (UTF-16 units, as String.prototype.slice). */
  start: number;
  end: number;
  match: boolean;
}

export interface HighlightOptions {
  /** Lexicon for the corrections of a string query (see analyseQuery). */
  lexicon?: Lexicon;
}

/**
 * Split a text into segments, marking where it matches the query, whatever the script or regional
 * vocabulary of either: a query 机器人 marks 機械人 in a Hong Kong text, and 影片 marks 视频. Matching
 * runs on the canonical forms; offsets are those of the ORIGINAL text, including where a vocabulary
 * replacement changes length (手提電腦 ↔ 笔记本电脑 marks all of 手提電腦).
 *
 * `query` is either the user's query string (analysed like analyseQuery: its words, corrections and
 * English terms are marked) or a list of terms, each matched whole.
 *
 * @example highlight('學習機械人編程', '机器人').filter((s) => s.match) // [{ text: '機械人', start: 2, end: 5 }]
 */
export function highlight(text: string, query: string | readonly string[], options: HighlightOptions = {}): HighlightSegment[] {
  const { chinese, english } = needles(query, options);
  const aligned = canonicaliseAligned(text);
  const ranges: [number, number][] = [];
  const mark = (from: number, to: number): void => {
    if (to > from) ranges.push([aligned.start[from], aligned.end[to - 1]]);
  };
  for (const needle of chinese) {
    for (let at = aligned.text.indexOf(needle); at !== -1; at = aligned.text.indexOf(needle, at + 1)) {
      mark(at, at + needle.length);
    }
  }
  if (english.size > 0) {
    for (const token of latinTokens(aligned.text)) {
      const term = englishTerm(token.token);
      if (term !== undefined && english.has(term)) mark(token.start, token.end);
    }
  }
  return segments(text, merge(ranges));
}

function needles(query: string | readonly string[], options: HighlightOptions): { chinese: Set<string>; english: Set<string> } {
  const chinese = new Set<string>();
  const english = new Set<string>();
  if (typeof query === 'string') {
    const analysis = analyseQuery(query, { lexicon: options.lexicon });
    analysis.terms.forEach((term) => chinese.add(term));
    analysis.corrections.forEach((correction) => chinese.add(correction.to));
    analysis.english.forEach((term) => english.add(term));
  } else {
    for (const item of query) {
      const canonical = canonicalise(item);
      for (const token of latinTokens(canonical)) {
        const term = englishTerm(token.token);
        if (term !== undefined) english.add(term);
      }
      for (const part of canonical.split(' ')) if (hasHan(part)) chinese.add(part);
    }
  }
  return { chinese, english };
}

/** Sort and merge overlapping or touching ranges. */
function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}

function segments(text: string, marks: [number, number][]): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let at = 0;
  const push = (start: number, end: number, match: boolean): void => {
    if (end > start) out.push({ text: text.slice(start, end), start, end, match });
  };
  for (const [start, end] of marks) {
    push(at, start, false);
    push(start, end, true);
    at = end;
  }
  push(at, text.length, false);
  return out;
}
