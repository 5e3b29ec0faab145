/**
 * Recognisers built from configuration: regular expressions, word lists and — the strongest signal there
 * is — a school's roster. Word lists and rosters compile into one Aho–Corasick automaton each
 * (`modern-ahocorasick`), so a roster of 5,000 names costs one pass over the text, not 5,000.
 */
import AhoCorasick from 'modern-ahocorasick';
import { withTraditional } from './chinese-lexicon.ts';
import { clampScore, type Entity, type EntityType, type Recogniser } from './entity.ts';

export interface PatternConfig {
  type: EntityType;
  /** A RegExp (the `g` flag is added) or its source. */
  pattern: RegExp | string;
  score?: number;
  /** Report only this capture group (e.g. the number after a label). */
  group?: number;
  name?: string;
}

export interface WordListConfig {
  type: EntityType;
  words: readonly string[];
  score?: number;
  /** Latin words match case-insensitively unless this is true. */
  caseSensitive?: boolean;
  name?: string;
}

export interface RosterConfig {
  /** Exact names as the school registers them (陳大文, Chan Tai Man); 简/繁 variants are added. */
  names: readonly string[];
  type?: EntityType;
  score?: number;
}

/** @example patternRecogniser({ type: 'CASE_NO', pattern: /CASE-\d{6}/ }) */
export function patternRecogniser(config: PatternConfig): Recogniser {
  const source = typeof config.pattern === 'string' ? config.pattern : config.pattern.source;
  const flags = typeof config.pattern === 'string' ? 'gu' : config.pattern.flags.replace('g', '') + 'g';
  const re = new RegExp(source, flags);
  const name = config.name ?? `pattern:${config.type}`;
  return {
    name,
    types: [config.type],
    find(text) {
      const out: Entity[] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let start = m.index;
        let value = m[0];
        if (config.group !== undefined && m[config.group] !== undefined) {
          value = m[config.group];
          start = m.index + m[0].indexOf(value);
        }
        out.push({ type: config.type, start, end: start + value.length, score: clampScore(config.score ?? 0.85), detector: name });
      }
      return out;
    },
  };
}

const LATIN_EDGE = /[A-Za-z0-9À-ÿ]/;

function automatonRecogniser(name: string, type: EntityType, words: readonly string[], score: number, foldCase: boolean): Recogniser {
  const variants = new Set<string>();
  for (const w of words) {
    const trimmed = w.trim();
    if (!trimmed) continue;
    for (const v of /[\u4e00-\u9fff]/.test(trimmed) ? withTraditional([trimmed]) : [trimmed]) {
      variants.add(foldCase ? v.toLowerCase() : v);
    }
  }
  const matcher = new AhoCorasick([...variants]);
  return {
    name,
    types: [type],
    find(text) {
      if (variants.size === 0) return [];
      const haystack = foldCase ? text.toLowerCase() : text;
      // toLowerCase keeps UTF-16 length for the scripts we serve (İ is the exception; we accept it).
      const out: Entity[] = [];
      for (const hit of matcher.search(haystack, { strategy: 'leftmost-longest' })) {
        const before = text[hit.start - 1] ?? '';
        const after = text[hit.end] ?? '';
        const latinEdges = LATIN_EDGE.test(text[hit.start]) || LATIN_EDGE.test(text[hit.end - 1]);
        if (latinEdges && (LATIN_EDGE.test(before) || LATIN_EDGE.test(after))) continue;
        out.push({ type, start: hit.start, end: hit.end, score: clampScore(score), detector: name });
      }
      return out;
    },
  };
}

/** Exact-match word list (e.g. the names of partner schools, project code names). */
export function wordListRecogniser(config: WordListConfig): Recogniser {
  return automatonRecogniser(config.name ?? `words:${config.type}`, config.type, config.words, config.score ?? 0.85, !config.caseSensitive);
}

/** A roster of names: exact matches score 0.99 and win over every heuristic. */
export function rosterRecogniser(config: RosterConfig): Recogniser {
  return automatonRecogniser('roster', config.type ?? 'PERSON', config.names, config.score ?? 0.99, true);
}
