import type { LocalisedName, UiLanguage } from '../../shared/languages.ts';
import { localeTag } from './language.ts';

/** The UI shows every time in UTC+8 (DESIGN.md §5); Shanghai, Hong Kong and Macao share it, without DST. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/**
 * Formats an ISO timestamp for the reader's language, in UTC+8.
 *
 * @example formatDateTime('2026-11-23T01:02:03.000Z', 'zh-Hans') // '2026年11月23日 09:02:03'
 */
export function formatDateTime(iso: string | null | undefined, language: UiLanguage): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(language), {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

/** Picks the name in the reader's language; falls back to any non-empty one. */
export function pickName(names: LocalisedName | null | undefined, language: UiLanguage): string {
  if (!names) return '';
  return names[language] || names['zh-Hans'] || names['zh-Hant'] || names.en || '';
}
