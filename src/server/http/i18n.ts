import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/languages.ts';

/**
 * Server-side lookup into the web app's catalogues, so an API error's `title` is in the caller's language
 * and the UI and API never disagree on wording. Loaded once.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/i18n');
type Catalogue = Record<string, unknown>;
const catalogues = new Map<UiLanguage, Catalogue>();

function catalogue(lang: UiLanguage): Catalogue {
  let c = catalogues.get(lang);
  if (!c) {
    try {
      c = JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Catalogue;
    } catch {
      c = {};
    }
    catalogues.set(lang, c);
  }
  return c;
}

export function translate(lang: UiLanguage, key: string): string | undefined {
  let node: unknown = catalogue(lang);
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** Picks the UI language from an Accept-Language header (zh-HK/zh-MO/zh-TW/zh-Hant → zh-Hant). */
export function languageFromHeader(header: string | undefined): UiLanguage {
  if (!header) return 'en';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (/^zh-(hant|hk|mo|tw)/.test(tag)) return 'zh-Hant';
    if (tag.startsWith('zh')) return 'zh-Hans';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

export const isUiLanguage = (v: unknown): v is UiLanguage => UI_LANGUAGES.includes(v as UiLanguage);
