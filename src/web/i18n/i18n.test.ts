import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.ts';
import en from './en.json';
import zhHans from './zh-Hans.json';
import zhHant from './zh-Hant.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `dotted.key → value`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const catalogues = {
  'zh-Hans': flatten(zhHans as Tree),
  'zh-Hant': flatten(zhHant as Tree),
  en: flatten(en as Tree),
};

describe('UI catalogues', () => {
  it('zh-Hans, zh-Hant and en have exactly the same keys', () => {
    const reference = [...catalogues['zh-Hans'].keys()].sort();
    expect([...catalogues['zh-Hant'].keys()].sort()).toEqual(reference);
    expect([...catalogues.en.keys()].sort()).toEqual(reference);
  });

  it('no message is empty', () => {
    for (const [language, entries] of Object.entries(catalogues)) {
      const empty = [...entries].filter(([, v]) => v.trim() === '').map(([k]) => `${language}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('every API error code has a translation in every language', () => {
    for (const [language, entries] of Object.entries(catalogues)) {
      const missing = ERROR_CODES.filter((code) => !entries.has(`errors.${code}`)).map((c) => `${language}:${c}`);
      expect(missing).toEqual([]);
    }
  });

  it('a message keeps the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of catalogues['zh-Hans']) {
      expect(placeholders(catalogues['zh-Hant'].get(key)!), key).toEqual(placeholders(value));
      expect(placeholders(catalogues.en.get(key)!), key).toEqual(placeholders(value));
    }
  });

  it('zh-Hant is written in Traditional script, not a copy of zh-Hans', () => {
    // If converting the Simplified text to Hong Kong Traditional changes it, the text has characters that
    // differ between the scripts; then an identical zh-Hant value is an untranslated copy.
    const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const copies = [...catalogues['zh-Hans']]
      .filter(([key, hans]) => toHk(hans) !== hans && catalogues['zh-Hant'].get(key) === hans)
      .map(([key]) => key);
    expect(copies).toEqual([]);
  });

  it('every literal key the web code asks for exists', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(full);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // t('a.b'), t(cond ? 'a.b' : 'a.c'), labelKey: 'nav.x', labelKey: 'login.demo…' (keys built at run
      // time, like `errors.${code}`, are covered by the parity and error-code tests instead).
      const calls = [...source.matchAll(/\bt\(([^()]*?)[,)]/g)].map((m) => m[1]);
      const labels = [...source.matchAll(/labelKey:\s*(['"][^'"]+['"])/g)].map((m) => m[1]);
      for (const expression of [...calls, ...labels]) {
        for (const literal of expression.matchAll(/['"]([a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+)['"]/g)) {
          if (!catalogues['zh-Hans'].has(literal[1])) missing.push(`${path.relative(root, file)}: ${literal[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
