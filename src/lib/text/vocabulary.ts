import data from './vocabulary.json' with { type: 'json' };
import type { Region } from './language.ts';
import { scriptConverter } from './opencc.ts';

/**
 * One concept of the regional vocabulary map (vocabulary.json). The first form of each region is the
 * one produced when converting; `also` lists further forms that are recognised (read) but never
 * written. `hans` is also the canonical search key of the concept.
 */
export interface VocabularyEntry {
  /** Stable English slug, e.g. "software". */
  id: string;
  hans: string;
  hk: string;
  mo: string;
  /** Taiwan's form; when absent, OpenCC's Taiwan script of `hans`. */
  tw?: string;
  /** English gloss, used for cross-language matching (robot ↔ 机器人). */
  en: string;
  also?: Partial<Record<Region | 'en', string[]>>;
  /**
   * Limits display conversion for words whose Mainland form has a second meaning:
   * `toHans` = never convert FROM a form that is the Mainland word (a Simplified 信息 stays 信息 in
   * script, a Hong Kong 資訊 becomes 信息; Macao's 質量 stays, Hong Kong's 質素 becomes 質量 for Macao);
   * `none` = search only.
   */
  display?: 'toHans' | 'none';
  /** Regions whose form means something else on the Mainland, so it is not used for search. */
  ambiguous?: Region[];
  note?: string;
}

interface VocabularyFile {
  entries: VocabularyEntry[];
  keep: string[];
}

const file = data as VocabularyFile;

/** Every concept of the vocabulary map, in file order. */
export const VOCABULARY: readonly VocabularyEntry[] = file.entries;

/**
 * Simplified phrases that contain a vocabulary form but must only change script: 方程式 is not a
 * "program" (程式), 法律程序 is a legal procedure, not a computer program.
 */
export const KEEP_PHRASES: readonly string[] = file.keep;

/**
 * The form a region writes for a concept.
 *
 * @example preferredForm(robot, 'hk') // '機械人'
 */
export function preferredForm(entry: VocabularyEntry, region: Region): string {
  if (region === 'tw') return entry.tw ?? scriptConverter('hans', 'tw')(entry.hans);
  return entry[region];
}

/**
 * Every form of a concept a region's text may contain: the preferred form first, then `also`.
 *
 * @example formsOf(robot, 'hk') // ['機械人', '機器人']
 */
export function formsOf(entry: VocabularyEntry, region: Region): string[] {
  return [preferredForm(entry, region), ...(entry.also?.[region] ?? [])];
}

/** The English glosses of a concept, preferred first. */
export function glossesOf(entry: VocabularyEntry): string[] {
  return [entry.en, ...(entry.also?.en ?? [])];
}
