import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { vocabularyWords } from './vocabulary-index.ts';

/**
 * The frequency given to a vocabulary word jieba does not know. A word in the dictionary, even a
 * rare one, is already cut as one word, so known words keep their own frequency: raising it would
 * change how the words around it are cut (a boosted 课时 turns 上课时 into 上 / 课时). Two-character
 * words get a low one for the same reason.
 */
function frequencyFor(word: string): number {
  return word.length <= 2 ? 100 : 1000;
}

let jieba: Jieba | undefined;

/**
 * The one jieba instance, with its default dictionary plus our vocabulary. Loading the dictionary
 * takes about a quarter of a second, so it happens on first use, not at import.
 */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(userDictionary()));
  }
  return jieba;
}

/**
 * Lines for jieba's user dictionary ("word frequency tag"): every canonical vocabulary term, every
 * regional form (in Simplified script) and every keep phrase, so they segment as words
 * (机器人编程 → 机器人 / 编程; 机械人编程 → 机械人 / 编程 before canonicalisation).
 */
function userDictionary(): string {
  const wanted = new Map<string, number>();
  for (const word of vocabularyWords()) if (!word.includes(' ')) wanted.set(word, 0);
  const text = new TextDecoder().decode(dict);
  for (let at = 0; at < text.length;) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const space = text.indexOf(' ', at);
    if (space !== -1 && space < end) {
      const word = text.slice(at, space);
      if (wanted.has(word)) wanted.set(word, Number.parseInt(text.slice(space + 1, end), 10) || 1);
    }
    at = end + 1;
  }
  const lines: string[] = [];
  for (const [word, frequency] of wanted) {
    if (frequency === 0) lines.push(`${word} ${frequencyFor(word)} n`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Cut a (canonical) text into words. `index` mode also emits the shorter words inside long ones
 * (机器学习 → 机器, 学习, 机器学习) so a document is found by a part of a compound; `query` mode cuts
 * only once, so a query's words are the whole words the user typed. The concatenation of `query`
 * words is the input text.
 *
 * @example cutWords('机器人编程', 'query') // ['机器人', '编程']
 */
export function cutWords(text: string, mode: 'index' | 'query'): string[] {
  if (text.length === 0) return [];
  return mode === 'index' ? segmenter().cutForSearch(text, true) : segmenter().cut(text, true);
}

/**
 * For each UTF-16 unit of a Simplified text, the offset where the jieba word containing it starts;
 * by jieba without its HMM guesser, which is all a word check needs and twice as fast.
 *
 * @example wordStarts('产品质量') // [0, 0, 2, 2]
 */
export function wordStarts(text: string): Int32Array {
  const starts = new Int32Array(text.length);
  let offset = 0;
  for (const word of text.length === 0 ? [] : segmenter().cut(text, false)) {
    starts.fill(offset, offset, offset + word.length);
    offset += word.length;
  }
  return starts;
}
