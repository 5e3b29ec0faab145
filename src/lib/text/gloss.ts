import { englishTerms } from './english.ts';
import { normaliseText } from './normalise.ts';
import { VOCABULARY, glossesOf } from './vocabulary.ts';
import { formKey } from './vocabulary-index.ts';

interface GlossIndex {
  /** canonical Chinese key → stemmed English gloss (preferred gloss) */
  english: Map<string, string[]>;
  /** stemmed English gloss, space-joined → canonical Chinese keys (program → 程序, 编程) */
  chinese: Map<string, string[]>;
  longest: number;
}

let index: GlossIndex | undefined;

function glossIndex(): GlossIndex {
  if (index) return index;
  const english = new Map<string, string[]>();
  const chinese = new Map<string, string[]>();
  let longest = 1;
  for (const entry of VOCABULARY) {
    const key = formKey(entry.hans);
    glossesOf(entry).forEach((gloss, i) => {
      const stems = englishTerms(normaliseText(gloss));
      if (stems.length === 0) return;
      if (i === 0) english.set(key, stems);
      const joined = stems.join(' ');
      const keys = chinese.get(joined) ?? [];
      if (!keys.includes(key)) chinese.set(joined, [...keys, key]);
      longest = Math.max(longest, stems.length);
    });
  }
  index = { english, chinese, longest };
  return index;
}

/**
 * The stemmed English glosses of the vocabulary concepts among Chinese terms (机器人 → robot), so an
 * English query term finds a Chinese lesson when cross-language matching is on.
 *
 * @example englishGlosses(['机器人', '编程']) // ['robot', 'program']
 */
export function englishGlosses(terms: readonly string[]): string[] {
  const { english } = glossIndex();
  return terms.flatMap((term) => english.get(term) ?? []);
}

/**
 * The canonical Chinese terms whose English gloss occurs in a sequence of stemmed English terms
 * (['machin', 'learn'] → 机器学习), longest gloss first; a gloss shared by several concepts gives
 * them all (program → 程序, 编程).
 *
 * @example chineseForEnglish(['robot']) // ['机器人']
 */
export function chineseForEnglish(stems: readonly string[]): string[] {
  const { chinese, longest } = glossIndex();
  const out: string[] = [];
  let i = 0;
  while (i < stems.length) {
    let matched = 0;
    for (let n = Math.min(longest, stems.length - i); n >= 1; n--) {
      const keys = chinese.get(stems.slice(i, i + n).join(' '));
      if (keys !== undefined) {
        out.push(...keys);
        matched = n;
        break;
      }
    }
    i += Math.max(matched, 1);
  }
  return out;
}
