import { eng, por } from 'stopword';
import * as OpenCC from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import { HAN_RUN } from './bigrams.ts';
import type { Language } from './language.ts';
import { toSimplifiedScript } from './opencc.ts';

export interface DetectOptions {
  /** What a Traditional text is taken to be (default `zh-Hant-HK`; a Macao node passes `zh-Hant-MO`). */
  traditional?: 'zh-Hant-HK' | 'zh-Hant-MO';
  /** What a Chinese text whose characters are the same in both scripts is taken to be (default `zh-Hans`). */
  ambiguousChinese?: Language;
}

const LATIN_WORD = /\p{Script=Latin}+/gu;
const PORTUGUESE_LETTERS = /[ãõçâêôàáéíóú]/giu;
const ENGLISH_STOP = new Set(eng);
const PORTUGUESE_STOP = new Set(por);

let toTraditional: ((text: string) => string) | undefined;

/**
 * Guess the language of a text among the content languages. Chinese when it has at least as many Han
 * characters as Latin words; then Simplified or Traditional by an OpenCC round trip: characters that
 * change when converted to Simplified are Traditional-only, characters that change when converted to
 * Traditional are Simplified-only, and the larger count wins. Hong Kong and Macao write the same
 * script, so which of them is a caller's choice. Latin text is Portuguese when Portuguese stop words
 * and letters outnumber English stop words.
 *
 * @example detectScript('機械人編程課程') // 'zh-Hant-HK'
 */
export function detectScript(text: string, options: DetectOptions = {}): Language {
  const han = Array.from(text.matchAll(HAN_RUN), (m) => m[0]).join('');
  const words = text.toLowerCase().match(LATIN_WORD) ?? [];
  if (han.length > 0 && Array.from(han).length >= words.length) {
    const traditionalOnly = differing(han, toSimplifiedScript);
    toTraditional ??= OpenCC.ConverterFactory(Locale.from.cn);
    const simplifiedOnly = differing(han, toTraditional);
    if (traditionalOnly > simplifiedOnly) return options.traditional ?? 'zh-Hant-HK';
    if (simplifiedOnly > traditionalOnly) return 'zh-Hans';
    return options.ambiguousChinese ?? 'zh-Hans';
  }
  let portuguese = (text.match(PORTUGUESE_LETTERS) ?? []).length;
  let english = 0;
  for (const word of words) {
    if (PORTUGUESE_STOP.has(word) && !ENGLISH_STOP.has(word)) portuguese++;
    if (ENGLISH_STOP.has(word) && !PORTUGUESE_STOP.has(word)) english++;
  }
  return portuguese > english ? 'pt' : 'en';
}

/** How many characters a conversion changes (compared one by one when lengths allow). */
function differing(chars: string, convert: (text: string) => string): number {
  const converted = convert(chars);
  if (converted.length !== chars.length) {
    return Array.from(chars).filter((char) => convert(char) !== char).length;
  }
  let count = 0;
  for (let i = 0; i < chars.length; i++) if (converted[i] !== chars[i]) count++;
  return count;
}
