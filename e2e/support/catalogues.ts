import en from '../../src/web/i18n/en.json';
import zhHans from '../../src/web/i18n/zh-Hans.json';
import zhHant from '../../src/web/i18n/zh-Hant.json';
import type { UiLanguage } from '../../src/shared/languages.ts';

const CATALOGUES: Record<UiLanguage, unknown> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** The text a user should read, from the same catalogues the app uses, so tests follow wording changes. */
export function text(language: UiLanguage, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no ${language} text for ${key}`);
  return node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name]));
}

/** The language switch shows each language in its own script. */
export const SWITCH_LABEL: Record<UiLanguage, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

/**
 * A button's accessible name as antd renders it: a two-character Chinese label gets a space between the
 * characters (「创 建」), so match the text with optional spaces between characters.
 */
export function buttonName(s: string): RegExp {
  const escaped = [...s].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${escaped.join('\\s?')}\\s*$`);
}
