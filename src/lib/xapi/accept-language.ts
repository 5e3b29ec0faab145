/**
 * Accept-Language handling for `format=canonical` (Communication 2.1.3.s4): the header is applied to
 * each language map on its own, to keep one entry.
 */

export interface LanguageRange {
  range: string;
  quality: number;
}

/**
 * Parses an Accept-Language header (RFC 2616 §14.4) into ranges, best first; q=0 ranges are dropped.
 * @example parseAcceptLanguage('zh-Hant-HK, zh;q=0.8, en;q=0.5') // [{range:'zh-Hant-HK',quality:1}, …]
 */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: (LanguageRange & { order: number })[] = [];
  header.split(',').forEach((item, order) => {
    const [rangePart, ...params] = item.split(';');
    const range = rangePart.trim();
    if (!/^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/.test(range)) return;
    let quality = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      if (m) quality = Math.min(1, Number(m[1]));
    }
    if (quality > 0) ranges.push({ range, quality, order });
  });
  ranges.sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranges.map(({ range, quality }) => ({ range, quality }));
}

/**
 * Picks the one entry of a language map that best fits the ranges, best range first: an exact or
 * prefix match (`zh` matches `zh-Hant-HK`), else the range shortened (RFC 4647 lookup:
 * `zh-Hant-HK` → `zh-Hant` → `zh`); when no range fits (or only `*`), the map's first entry.
 * Returns undefined only for an empty map.
 * @example pickLanguage({ en: 'attended', 'zh-Hans': '参加了' }, parseAcceptLanguage('zh')) // ['zh-Hans', '参加了']
 */
export function pickLanguage(map: Record<string, string>, ranges: readonly LanguageRange[]): [string, string] | undefined {
  const tags = Object.keys(map);
  if (tags.length === 0) return undefined;
  const lowerTags = tags.map((tag) => tag.toLowerCase());
  for (const { range } of ranges) {
    if (range === '*') continue;
    const subtags = range.toLowerCase().split('-');
    const lower = subtags.join('-');
    let i = lowerTags.findIndex((tag) => tag === lower || tag.startsWith(`${lower}-`));
    while (i === -1 && subtags.length > 1) {
      subtags.pop();
      i = lowerTags.indexOf(subtags.join('-'));
    }
    if (i !== -1) return [tags[i], map[tags[i]]];
  }
  return [tags[0], map[tags[0]]];
}

/** The language map reduced to its best entry (a new object; the empty map stays empty). */
export function reduceLanguageMap(map: Record<string, string>, ranges: readonly LanguageRange[]): Record<string, string> {
  const best = pickLanguage(map, ranges);
  return best ? { [best[0]]: best[1] } : {};
}
