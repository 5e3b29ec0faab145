/**
 * Normalisation shared by indexing and querying, so that both sides compare the same characters:
 * NFKC (full-width ＡＩ１２３ → AI123, ideographic space → space, compatibility ideographs → unified),
 * lower case, zero-width characters removed, apostrophes dropped (teacher's → teachers), all other
 * punctuation and symbols turned into a space (except `+` and `#`, so C++ and C# survive), runs of
 * whitespace collapsed to one space, and the ends trimmed.
 *
 * It works one grapheme-like cluster (a base character and its combining marks) at a time, which lets
 * {@link normaliseAligned} remember where every output character came from in the original text.
 */

/** A text derived from an original one, with, for each UTF-16 unit, the original range it came from. */
export interface AlignedText {
  text: string;
  /** start[i] = offset in the original text where text[i] starts. */
  start: number[];
  /** end[i] = offset in the original text (exclusive) where text[i] ends. */
  end: number[];
}

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/**
 * The clusters normaliseText has to look at: everything except a lone lower-case ASCII letter or
 * digit or a common CJK ideograph, which NFKC and lower-casing leave as they are. Skipping those makes
 * normalisation several times faster on Chinese text, with the same result as mapping every cluster.
 */
const CHANGING_CLUSTER = /[^a-z0-9\u4e00-\u9fff]\p{M}*|[a-z0-9\u4e00-\u9fff]\p{M}+/gu;
const DROPPED = /[\p{Cf}'’‘ʼ`´]/gu;
const SPACE = /[\s\p{P}\p{S}\p{Cc}]/gu;
const KEPT_SYMBOL = /[+#]/;

const clusterCache = new Map<string, string>();

function mapCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  const mapped = cluster
    .normalize('NFKC')
    .toLowerCase()
    .replace(DROPPED, '')
    .replace(SPACE, (c) => (KEPT_SYMBOL.test(c) ? c : ' '));
  // The cache only ever holds clusters seen in real text; cap it so a hostile input cannot grow it.
  if (clusterCache.size < 50_000) clusterCache.set(cluster, mapped);
  return mapped;
}

/**
 * Normalise a text for indexing or querying.
 *
 * @example normaliseText('  ＡＩ\u3000機械人，C++ 入門！ ') // 'ai 機械人 c++ 入門'
 */
export function normaliseText(text: string): string {
  return text.replace(CHANGING_CLUSTER, mapCluster).replace(/ {2,}/g, ' ').trim();
}

/**
 * {@link normaliseText} that also records where each output character came from, for highlighting
 * on the original text. Its `text` equals `normaliseText(text)`.
 *
 * @example normaliseAligned('Ａ，b').text // 'a b'; start = [0, 1, 2]
 */
export function normaliseAligned(text: string): AlignedText {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (const match of text.matchAll(CLUSTER)) {
    const from = match.index;
    const to = from + match[0].length;
    for (const char of mapCluster(match[0])) {
      // Collapse whitespace as normaliseText does: no leading space, never two in a row.
      if (char === ' ' && (out.length === 0 || out.endsWith(' '))) continue;
      out += char;
      for (let k = 0; k < char.length; k++) {
        start.push(from);
        end.push(to);
      }
    }
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    start.pop();
    end.pop();
  }
  return { text: out, start, end };
}
