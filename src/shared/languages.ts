/** Languages content is written in (DESIGN.md §5). Stored as written; converted at read time. */
export const CONTENT_LANGUAGES = ['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en', 'pt'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Languages the user interface speaks. */
export const UI_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The content language a new item starts in for a reader of `ui` (Traditional readers default to Hong Kong
 * usage; Macao teachers pick zh-Hant-MO themselves). Example: `defaultContentLanguage('zh-Hant') === 'zh-Hant-HK'`.
 */
export function defaultContentLanguage(ui: string): ContentLanguage {
  return ui === 'zh-Hant' ? 'zh-Hant-HK' : ui === 'en' ? 'en' : 'zh-Hans';
}

/** A name given in the three UI languages (jurisdictions, schools, frameworks…). */
export interface LocalisedName {
  'zh-Hans': string;
  'zh-Hant': string;
  en: string;
}
