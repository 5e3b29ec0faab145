import type { ContentLanguage } from '../../shared/languages.ts';

/** A language content is written in; the shared enum of DESIGN.md §5. */
export type Language = ContentLanguage;

/** The Chinese languages a text can be displayed or edited in. */
export type ChineseLanguage = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO';

/**
 * A region of the vocabulary map. `tw` has no content language of its own; its forms are only
 * recognised when searching (teachers paste Taiwanese material too).
 */
export type Region = 'hans' | 'hk' | 'mo' | 'tw';

/**
 * The vocabulary region of a content language, or undefined for languages written in Latin script.
 *
 * @example regionOf('zh-Hant-MO') // 'mo'
 */
export function regionOf(language: Language): Region | undefined {
  switch (language) {
    case 'zh-Hans':
      return 'hans';
    case 'zh-Hant-HK':
      return 'hk';
    case 'zh-Hant-MO':
      return 'mo';
    case 'en':
    case 'pt':
      return undefined;
  }
}

/** Whether a language is one of the Chinese ones (so script conversion applies). */
export function isChinese(language: Language): language is ChineseLanguage {
  return regionOf(language) !== undefined;
}
