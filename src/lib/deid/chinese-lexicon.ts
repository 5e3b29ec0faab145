/**
 * The Chinese lexicon used by the name recogniser, built once on first use:
 * - surnames and given-name characters from `name-lexicon.ts`, plus their traditional forms (OpenCC);
 * - the common-word list of jieba's dictionary (`@node-rs/jieba/dict`, ~350k words with frequencies),
 *   also in traditional forms. Common words are the hard negatives of name detection: 周末, 陈述, 高明,
 *   文明, 方向, 周期, 黄金 start with a surname but are words; famous people (李白, 鲁迅) are in the
 *   dictionary tagged `nr` and so are known as "names of the public record", not students.
 */
import { dict } from '@node-rs/jieba/dict';
import { Converter } from 'opencc-js/cn2t';
import { PairSet } from './pair-set.ts';
import { CN_AFTER_NAME_CHARS, CN_COMPOUND_SURNAMES, CN_GIVEN_NAME_CHARS, CN_NON_NAME_CHARS, CN_SURNAMES } from './name-lexicon.ts';

export interface ChineseLexicon {
  surnames: Map<string, number>;
  compoundSurnames: Set<string>;
  givenNameChars: Set<string>;
  nonNameChars: Set<string>;
  /** 2–3 character words with frequency ≥ COMMON_FREQ that are not person names. */
  commonWords: Set<string>;
  /** Person names that are in the dictionary (public figures, or words that are also names). */
  dictionaryNames: Set<string>;
  /** The two-character common words, looked up by code units without allocating (see `pair-set.ts`). */
  commonPairs: PairSet;
  compoundPairs: PairSet;
  dictionaryNamePairs: PairSet;
  /** Surname weight by code unit (1 common, 0.5 rarer, 0 not a surname): an array read, not a hash lookup. */
  surnameWeights: Float32Array;
  /** Bit flags by code unit: `GIVEN_NAME`, `NON_NAME`, `AFTER_NAME`. */
  charFlags: Uint8Array;
}

/** `charFlags` bit: the character is common in given names. */
export const GIVEN_NAME = 1;
/** `charFlags` bit: the character (almost) never appears in a given name. */
export const NON_NAME = 2;
/** `charFlags` bit: the character usually follows a name (说, 的, 在 …). */
export const AFTER_NAME = 4;
/** `charFlags` bit: the character starts a compound surname (欧 of 欧阳): only then is the pair looked up. */
export const COMPOUND_FIRST = 8;

function flag(flags: Uint8Array, chars: Iterable<string>, bit: number): void {
  for (const c of chars) flags[c.charCodeAt(0)] |= bit;
}

const COMMON_FREQ = 20;

let cached: ChineseLexicon | undefined;

let converters: Array<(text: string) => string> | undefined;

/** The values plus their Hong Kong and Taiwan traditional forms. */
export function withTraditional(values: Iterable<string>): string[] {
  converters ??= [Converter({ from: 'cn', to: 'hk' }), Converter({ from: 'cn', to: 'tw' })];
  const list = [...values];
  const joined = list.join('\n');
  const out = new Set(list);
  for (const convert of converters) for (const v of convert(joined).split('\n')) out.add(v);
  return [...out];
}

function withTraditionalChar(s: string): string[] {
  return converters ? converters.map((c) => c(s)) : [s];
}

/**
 * School and notice vocabulary that jieba's dictionary lacks or lists as rare, starting with a surname
 * character (周测 of 高二的周测, 查收 of 请查收, 晨读, 练笔): without it such words read as surname + given name.
 */
const SCHOOL_WORDS = (
  '周测 周考 周记 周会 周练 月考 期考 段考 查收 班规 班务 高二 高三 晨读 晚修 晚读 早读 易错 温书 齐读 练笔 ' +
  '田字格 金句 童谣 黄页 宋体 夏令营 冬令营 林荫'
).split(' ');

/** Returns the (lazily built, then shared) lexicon. First call costs a few hundred milliseconds. */
export function chineseLexicon(): ChineseLexicon {
  if (cached) return cached;
  const surnameChars = [...CN_SURNAMES];
  const surnames = new Map<string, number>();
  const traditional = withTraditional(surnameChars);
  surnameChars.forEach((s, rank) => {
    if (!surnames.has(s)) surnames.set(s, rank < 60 ? 1 : 0.5);
  });
  for (const v of traditional) {
    if (surnames.has(v)) continue;
    const simplified = surnameChars.findIndex((s) => withTraditionalChar(s).includes(v));
    surnames.set(v, simplified >= 0 && simplified < 60 ? 1 : 0.5);
  }
  const common: string[] = [];
  const names: string[] = [];
  const text = new TextDecoder().decode(dict);
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const sp1 = text.indexOf(' ', lineStart);
    if (sp1 > lineStart && sp1 < lineEnd) {
      const word = text.slice(lineStart, sp1);
      if (word.length >= 2 && word.length <= 3) {
        const sp2 = text.indexOf(' ', sp1 + 1);
        const freq = Number(text.slice(sp1 + 1, sp2 > 0 && sp2 < lineEnd ? sp2 : lineEnd));
        const tag = sp2 > 0 && sp2 < lineEnd ? text.slice(sp2 + 1, lineEnd).trim() : '';
        if (tag.startsWith('nr')) {
          if (freq >= 500) common.push(word);
          else if (freq >= COMMON_FREQ) names.push(word);
        } else if (freq >= COMMON_FREQ) {
          common.push(word);
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  const commonWords = new Set(withTraditional([...common, ...SCHOOL_WORDS]));
  const dictionaryNames = new Set(withTraditional(names));
  const givenNameChars = new Set(withTraditional([...CN_GIVEN_NAME_CHARS]));
  const nonNameChars = new Set(withTraditional([...CN_NON_NAME_CHARS]));
  // Weights are 0.5 or 1, exact in 32 bits: half the cache footprint of a Float64Array.
  const surnameWeights = new Float32Array(65536);
  for (const [k, v] of surnames) surnameWeights[k.charCodeAt(0)] = v;
  const charFlags = new Uint8Array(65536);
  flag(charFlags, givenNameChars, GIVEN_NAME);
  flag(charFlags, nonNameChars, NON_NAME);
  flag(charFlags, withTraditional([...CN_AFTER_NAME_CHARS]), AFTER_NAME);
  flag(
    charFlags,
    withTraditional(CN_COMPOUND_SURNAMES).map((c) => c[0]),
    COMPOUND_FIRST,
  );
  cached = {
    surnames,
    compoundSurnames: new Set(withTraditional(CN_COMPOUND_SURNAMES)),
    compoundPairs: PairSet.from(withTraditional(CN_COMPOUND_SURNAMES)),
    givenNameChars,
    nonNameChars,
    commonWords,
    dictionaryNames,
    commonPairs: PairSet.from(commonWords),
    dictionaryNamePairs: PairSet.from(dictionaryNames),
    surnameWeights,
    charFlags,
  };
  return cached;
}
