/**
 * Document-level name propagation: a name found once with confidence (姓名：陈志明, Dear Mrs Chloe Ho) is the
 * same name wherever else it stands in the document, even where nothing around it says "name" (陈志明今天
 * …, "Chloe kept …"). Classic one-sense-per-discourse: every other occurrence of a confident PERSON value is
 * reported too, and so is the given-name part of a Chinese three-character name (陈志明 → 志明, the way
 * teachers refer to a pupil after the first mention) or the first word of a two-word Latin name (Chloe Ho →
 * Chloe), when that part is not a common word itself.
 *
 * Cost: a few `indexOf` calls per distinct confident name in documents that have one.
 */
import { chineseLexicon } from './chinese-lexicon.ts';
import type { Entity } from './entity.ts';
import { LATIN_NON_NAME_WORDS } from './name-lexicon.ts';

/** A PERSON at least this confident seeds propagation. */
const SEED_SCORE = 0.6;
/** Score of a repeated mention of a seed's full value. */
const REPEAT_SCORE = 0.7;
/** Score of a mention of a seed's given-name part. */
const PART_SCORE = 0.6;

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Extra PERSON candidates: other occurrences of the confident names among `entities` (already merged). An
 * occurrence is reported only on word boundaries (Latin) and only where it is not already covered.
 */
export function propagateNames(text: string, entities: readonly Entity[]): Entity[] {
  let seeds: Map<string, number> | undefined;
  for (const e of entities) {
    if (e.type !== 'PERSON' || e.score < SEED_SCORE) continue;
    const value = text.slice(e.start, e.end);
    // A bare surname (陈 of 陈老师) or a short Latin word says too little to be looked for elsewhere.
    if (value.length < (isHanCode(value.charCodeAt(0)) ? 2 : 3)) continue;
    seeds ??= new Map();
    addSeed(seeds, value, REPEAT_SCORE);
    for (const part of partsOf(value)) addSeed(seeds, part, PART_SCORE);
  }
  if (!seeds) return [];
  const out: Entity[] = [];
  for (const [value, score] of seeds) {
    const latin = !isHanCode(value.charCodeAt(0));
    let at = text.indexOf(value);
    while (at >= 0) {
      const end = at + value.length;
      const boundaryOk = latin ? !isLatinLetter(text.charCodeAt(at - 1)) && !isLatinLetter(text.charCodeAt(end)) : true;
      if (boundaryOk && !covered(entities, at, end)) {
        out.push({ type: 'PERSON', start: at, end, score, detector: 'person:propagated' });
      }
      at = text.indexOf(value, end);
    }
  }
  return out;
}

function addSeed(seeds: Map<string, number>, value: string, score: number): void {
  const had = seeds.get(value);
  if (had === undefined || had < score) seeds.set(value, score);
}

/** The parts of a name that are used on their own: a Chinese given name, a Latin first word. */
function partsOf(value: string): string[] {
  const first = value.charCodeAt(0);
  if (isHanCode(first)) {
    // Single surname + two-character given name only; the given name must not be a common word (建国, 海洋).
    if (value.length !== 3 || !isHanCode(value.charCodeAt(2))) return [];
    const lex = chineseLexicon();
    if (lex.compoundPairs.has(value.charCodeAt(0), value.charCodeAt(1))) return [];
    if (lex.commonPairs.has(value.charCodeAt(1), value.charCodeAt(2))) return [];
    return [value.slice(1)];
  }
  const space = value.indexOf(' ');
  if (space < 3) return [];
  const word = value.slice(0, space);
  if (!/^[A-Z][a-z]{2,}$/.test(word) || LATIN_NON_NAME_WORDS.has(word.toLowerCase())) return [];
  return [word];
}

function covered(entities: readonly Entity[], start: number, end: number): boolean {
  for (const e of entities) if (e.start < end && start < e.end) return true;
  return false;
}
