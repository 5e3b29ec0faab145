import type { UiLanguage } from '../../shared/languages.ts';
import { UI_LANGUAGES } from '../../shared/languages.ts';

const STORAGE_KEY = 'edubridge.locale';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to show before anyone signs in: the last choice on this browser, else the browser's own
 * language (zh-HK / zh-MO / zh-TW and zh-Hant read Traditional, other Chinese reads Simplified).
 */
export function initialLanguage(): UiLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(saved)) return saved;
  } catch {
    // storage may be blocked; fall through to the browser language
  }
  const browser = (typeof navigator !== 'undefined' ? navigator.language : 'zh-CN').toLowerCase();
  if (/^zh-(hk|mo|tw|hant)/.test(browser)) return 'zh-Hant';
  if (browser.startsWith('zh')) return 'zh-Hans';
  return 'en';
}

export function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // nothing to do: the choice still holds for this page
  }
}

/** BCP 47 tag for `<html lang>` and Intl: picks Hong Kong glyph forms and date formats for zh-Hant. */
export function localeTag(language: UiLanguage): string {
  return language === 'zh-Hans' ? 'zh-CN' : language === 'zh-Hant' ? 'zh-HK' : 'en-GB';
}

/** Each language's own name, as the switch shows it. */
export const LANGUAGE_LABELS: Record<UiLanguage, string> = {
  'zh-Hans': '简体',
  'zh-Hant': '繁體',
  en: 'English',
};
