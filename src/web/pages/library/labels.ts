import type { ContentLanguage } from '../../../shared/languages.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import type { Role } from '../../../shared/roles.ts';
import type { DisplayLanguage } from '../../api/library.ts';

/** Who sees the review queue (library.policy.ts: researchers, principals and bureau admins review). */
export const REVIEWER_ROLES: readonly Role[] = ['researcher', 'principal', 'bureau_admin'];

/** Who may write resources (library.policy.ts `author`). */
export const AUTHOR_ROLES: readonly Role[] = ['teacher', 'researcher', 'principal', 'school_admin'];

/** Tag colours per content language, so a 繁體 lesson is told from a 简体 one at a glance. */
export const LANGUAGE_COLOURS: Record<ContentLanguage, string> = {
  'zh-Hans': 'red',
  'zh-Hant-HK': 'purple',
  'zh-Hant-MO': 'green',
  en: 'blue',
  pt: 'gold',
};

export const STATUS_COLOURS: Record<string, string> = { in_review: 'processing', published: 'success', withdrawn: 'error' };

/**
 * The other Chinese scripts a text can be read in (`?display=`). A Macao text is offered in 简体 and in
 * Hong Kong 繁體 vocabulary; English and Portuguese are never converted.
 * Example: `displayTargets('zh-Hant-HK')` → `['zh-Hans']`.
 */
export function displayTargets(language: ContentLanguage): DisplayLanguage[] {
  if (language === 'zh-Hans') return ['zh-Hant-HK'];
  if (language === 'zh-Hant-HK' || language === 'zh-Hant-MO') return ['zh-Hans'];
  return [];
}

/** Editions one can make from a text: the other scripts, never the same one. */
export function editionTargets(language: ContentLanguage): DisplayLanguage[] {
  if (language === 'zh-Hans') return ['zh-Hant-HK', 'zh-Hant-MO'];
  if (language === 'zh-Hant-HK') return ['zh-Hans', 'zh-Hant-MO'];
  if (language === 'zh-Hant-MO') return ['zh-Hans', 'zh-Hant-HK'];
  return [];
}

/** Reads `?display=` safely: anything but a known display language means "the original". */
export function parseDisplay(value: string | null): DisplayLanguage | undefined {
  return value === 'zh-Hans' || value === 'zh-Hant-HK' || value === 'zh-Hant-MO' ? value : undefined;
}

/** Levels a resource can be submitted to: wider than the current one and offered by its school's tree. */
export function widerLevels(
  available: readonly PublishLevel[] | null,
  current: PublishLevel,
  order: readonly PublishLevel[],
): Exclude<PublishLevel, 'private'>[] {
  const rank = order.indexOf(current);
  return (available ?? []).filter((l): l is Exclude<PublishLevel, 'private'> => l !== 'private' && order.indexOf(l) > rank);
}
