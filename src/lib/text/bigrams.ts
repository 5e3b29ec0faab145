/** A run of Han characters (the ideographs of Chinese, both scripts). */
export const HAN_RUN = /[\p{Script=Han}〇]+/gu;
const HAN = /[\p{Script=Han}〇]/u;

/** Whether a word contains a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Overlapping two-character pieces of each run of Chinese characters (机器学习 → 机器, 器学, 学习).
 * They give recall where segmentation differs between index and query, and partial overlap for a
 * query with a wrong character. A one-character run is returned as itself, so it can still match.
 *
 * @example cjkBigrams('机器人 ai 编程') // ['机器', '器人', '编程']
 */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) out.push(...runBigrams(run));
  return out;
}

/** The bigrams of one run of Chinese characters. */
export function runBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}
