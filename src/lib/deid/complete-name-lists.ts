/**
 * Lists of names: in an enumeration written with the enumeration comma (已交：王建设、张海洋、李国庆), an item
 * shaped like a name (surname + one or two characters, nothing else) is a name when at least two other items
 * of the same list were found to be names. This catches the given names that are also words (建设, 光明,
 * 海洋) exactly where the surrounding items say what the list holds, and only there: 高一、高二、高三 or
 * 语文、数学、英语 have no confident names in them, so nothing changes for them.
 *
 * Cost: one `indexOf('、')` scan; documents without an enumeration comma return at once.
 */
import { chineseLexicon } from './chinese-lexicon.ts';
import type { Entity } from './entity.ts';

/** Score of a list item completed by this rule (above the default threshold, below a cued name). */
const LIST_ITEM_SCORE = 0.65;
/** Names (other than the item itself) the list must already hold. */
const MIN_NAMED_ITEMS = 2;

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** An item of a list: a run of Han characters between the separators. */
interface Item {
  start: number;
  end: number;
}

/** The Han run ending at `end` (exclusive). */
function itemEndingAt(text: string, end: number): Item {
  let start = end;
  while (start > 0 && isHanCode(text.charCodeAt(start - 1))) start--;
  return { start, end };
}

/** The Han run starting at `start`. */
function itemStartingAt(text: string, start: number): Item {
  let end = start;
  while (end < text.length && isHanCode(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The enumerations of `text`: two or more Han items joined by 、, in order. */
function enumerations(text: string): Item[][] {
  const lists: Item[][] = [];
  let current: Item[] | undefined;
  let lastComma = -2;
  for (let at = text.indexOf('、'); at >= 0; at = text.indexOf('、', at + 1)) {
    const before = itemEndingAt(text, at);
    const after = itemStartingAt(text, at + 1);
    if (current && before.start === lastComma + 1 && before.end === at) {
      // The item before this comma is the item after the previous one: same list.
    } else {
      current = before.end > before.start ? [before] : [];
      lists.push(current);
    }
    if (after.end > after.start) current.push(after);
    lastComma = at;
  }
  return lists.filter((l) => l.length >= 2);
}

/**
 * Extra PERSON spans for name-shaped items of enumerations that already hold at least two names.
 * `entities` are the merged detections (above threshold).
 */
export function completeNameLists(text: string, entities: readonly Entity[]): Entity[] {
  if (!text.includes('、')) return [];
  const persons = entities.filter((e) => e.type === 'PERSON');
  if (persons.length < MIN_NAMED_ITEMS) return [];
  const lex = chineseLexicon();
  const out: Entity[] = [];
  for (const list of enumerations(text)) {
    const named = list.map((item) => persons.some((p) => p.start === item.start && p.end === item.end));
    const count = named.filter(Boolean).length;
    list.forEach((item, k) => {
      if (named[k] || count < MIN_NAMED_ITEMS) return;
      const length = item.end - item.start;
      const first = text.charCodeAt(item.start);
      const compound = lex.compoundPairs.has(first, text.charCodeAt(item.start + 1));
      const fits = compound ? length === 3 || length === 4 : length === 2 || length === 3;
      if (!fits || !(compound || lex.surnameWeights[first] > 0)) return;
      // A common word is a word even among names (…、方法、…).
      const value = text.slice(item.start, item.end);
      if (length === 2 ? lex.commonPairs.has(first, text.charCodeAt(item.start + 1)) : lex.commonWords.has(value)) return;
      // Another type there (an address, a school) is not overridden.
      if (entities.some((e) => e.type !== 'PERSON' && e.start < item.end && item.start < e.end)) return;
      out.push({ type: 'PERSON', start: item.start, end: item.end, score: LIST_ITEM_SCORE, detector: 'person:zh-list' });
    });
  }
  return out;
}
