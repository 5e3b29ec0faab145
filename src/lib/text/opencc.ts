import * as OpenCC from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';
import type { Region } from './language.ts';

/** A script converter: a pure function from one script to another. */
export type ScriptConverter = (text: string) => string;

const cache = new Map<string, ScriptConverter>();

function memo(key: string, make: () => ScriptConverter): ScriptConverter {
  let converter = cache.get(key);
  if (!converter) {
    converter = make();
    cache.set(key, converter);
  }
  return converter;
}

/**
 * OpenCC's locale for a region. Macao has no OpenCC table of its own: its script follows Hong Kong's
 * character standard, and its few vocabulary differences live in vocabulary.json.
 */
function localeOf(region: Region): 'cn' | 'hk' | 'tw' {
  return region === 'hans' ? 'cn' : region === 'tw' ? 'tw' : 'hk';
}

/**
 * The OpenCC converter between two regions' scripts (character and OpenCC phrase tables only; our
 * vocabulary is applied on top by convert-for-display.ts). Built once per pair, on first use, because
 * building the tables costs tens of milliseconds.
 *
 * @example scriptConverter('hk', 'hans')('機械人') // '机械人' (script only; vocabulary makes it 机器人)
 */
export function scriptConverter(from: Region, to: Region): ScriptConverter {
  const source = localeOf(from);
  const target = localeOf(to);
  if (source === target) return (text) => text;
  return memo(`${source}>${target}`, () => OpenCC.ConverterFactory(Locale.from[source], Locale.to[target]));
}

/**
 * Any Chinese text to Simplified script. Hong Kong's tables are used as the source because most
 * Traditional content here is from Hong Kong and Macao, and they also accept Taiwan's characters;
 * Simplified input passes through unchanged.
 *
 * @example toSimplifiedScript('軟件質素') // '软件质素'
 */
export function toSimplifiedScript(text: string): string {
  return scriptConverter('hk', 'hans')(text);
}
