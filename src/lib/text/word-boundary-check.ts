import { toSimplifiedScript } from './opencc.ts';
import { wordStarts } from './segment.ts';

/**
 * A check that a stretch of a text is one or more whole words of it, or the start or end of one word,
 * rather than pieces of two neighbouring words or the middle of one: 复原 inside 恢复原状 (恢复 / 原状),
 * 中一 inside 其中一个 and 品质 inside 产品质量 (one word) are refused, 程序 at the end of 编写程序 is
 * accepted. A form at the edge of a longer word with another meaning (课室 in 备课室) passes this
 * check; the vocabulary's keep list is for those. Only two-character forms are checked.
 *
 * Jieba cuts the text only when the first check is asked for, i.e. when the text contains a form
 * that would change, and cuts its Simplified script (jieba's dictionary is Simplified); when script
 * conversion changes the length, every stretch is accepted.
 *
 * @example boundaryCheck('产品质量')(1, 3) // false
 */
export function boundaryCheck(text: string): (from: number, to: number) => boolean {
  let starts: Int32Array | undefined;
  let usable = true;
  return (from, to) => {
    // Accidental matches are two-character forms (品质, 课时, 中一); a form of three or more
    // characters is accepted as is, which keeps canonical forms independent of how jieba cuts the
    // words around them (手提电脑 in 手提电脑程式 is cut 手提 / 电脑程式).
    if (!usable || Array.from(text.slice(from, to)).length > 2) return true;
    if (!starts) {
      const simplified = toSimplifiedScript(text);
      usable = simplified.length === text.length;
      if (!usable) return true;
      starts = wordStarts(simplified);
    }
    const startsWord = starts[from] === from;
    const endsWord = to === text.length || starts[to] === to;
    const insideOneWord = starts[from] === starts[to - 1];
    // Whole words, or the start or end of one word (程序 in 编写程序), never the middle of one
    // (品质 in 产品质量) nor pieces of two.
    return (startsWord && endsWord) || (insideOneWord && (startsWord || endsWord));
  };
}
