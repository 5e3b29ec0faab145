import { normaliseAligned, normaliseText, type AlignedText } from './normalise.ts';
import { toSimplifiedScript } from './opencc.ts';
import { rewrite, type Rewritten } from './rewrite.ts';
import { boundaryCheck } from './word-boundary-check.ts';
import { canonicalDictionary } from './vocabulary-index.ts';

/**
 * The canonical search form of a text: normalised, in Simplified script, and with every regional
 * variant of a vocabulary concept replaced by the concept's one key (its Mainland form), where the
 * variant is a word of the text (jieba decides; see word-boundary-check.ts). Index and
 * query both go through it, so 機械人, 机器人 and 機器人 meet as 机器人, 程式設計 as 程序设计, 影片 as 视频.
 * The key is a search form, not a display form: show the original text (see convertForDisplay).
 *
 * @example canonicalise('機械人編程 ＡＩ') // '机器人编程 ai'
 */
export function canonicalise(text: string): string {
  return replaceVocabulary(toSimplifiedScript(normaliseText(text))).text;
}

/**
 * Replace every regional form by its concept's key, where the form is a word of the text (a form
 * straddling two words, like 品质 in 产品质量, stays). Keys that are already canonical need no check.
 */
function replaceVocabulary(simplified: string): Rewritten {
  const isWord = boundaryCheck(simplified);
  return rewrite(
    simplified,
    canonicalDictionary(),
    identity,
    (from, to, replacement) => replacement === simplified.slice(from, to) || isWord(from, to),
  );
}

/**
 * {@link canonicalise} that also records, for each character of the canonical text, the range of the
 * original text it came from, so search hits can be highlighted on what the author wrote. A
 * vocabulary replacement of a different length (影片 → 视频 is the same length, 手提電腦 → 笔记本电脑 is
 * not) maps every character of the replacement to the whole original word.
 *
 * @example canonicaliseAligned('手提電腦').text // '笔记本电脑', each char mapped to 0..4
 */
export function canonicaliseAligned(text: string): AlignedText {
  const normalised = normaliseAligned(text);
  const simplified = toSimplifiedAligned(normalised);
  const { text: out, pieces } = replaceVocabulary(simplified.text);
  const start: number[] = [];
  const end: number[] = [];
  for (const piece of pieces) {
    const sameLength = piece.to - piece.from === piece.outTo - piece.outFrom;
    for (let k = 0; k < piece.outTo - piece.outFrom; k++) {
      const first = sameLength ? piece.from + k : piece.from;
      const last = sameLength ? piece.from + k : piece.to - 1;
      start.push(simplified.start[first]);
      end.push(simplified.end[last]);
    }
  }
  return { text: out, start, end };
}

function identity(text: string): string {
  return text;
}

/**
 * OpenCC's Simplified script of an aligned text. OpenCC's Traditional→Simplified tables keep length
 * in practice; if a phrase ever changes length the text is converted one character at a time, which
 * keeps the alignment at the cost of phrase context.
 */
function toSimplifiedAligned(input: AlignedText): AlignedText {
  const whole = toSimplifiedScript(input.text);
  if (whole.length === input.text.length) return { ...input, text: whole };
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const char of input.text) {
    const converted = toSimplifiedScript(char);
    for (let k = 0; k < converted.length; k++) {
      start.push(input.start[offset]);
      end.push(input.end[offset + char.length - 1]);
    }
    out += converted;
    offset += char.length;
  }
  return { text: out, start, end };
}
