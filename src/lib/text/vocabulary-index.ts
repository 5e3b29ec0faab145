import type { Region } from './language.ts';
import { normaliseText } from './normalise.ts';
import { scriptConverter, toSimplifiedScript } from './opencc.ts';
import { phraseDictionary, type PhraseDictionary } from './rewrite.ts';
import { KEEP_PHRASES, VOCABULARY, formsOf, preferredForm, type VocabularyEntry } from './vocabulary.ts';

/**
 * Lookup structures derived from vocabulary.json, each built once on first use. Kept apart from the
 * data types so that importing the vocabulary does not build tries.
 */

const REGIONS: readonly Region[] = ['hans', 'hk', 'mo', 'tw'];

/** The search key of a written form: normalised, in Simplified script. */
export function formKey(form: string): string {
  return normaliseText(toSimplifiedScript(form));
}

/** A vocabulary form that maps to two different concepts: a data error the tests report. */
export interface VocabularyConflict {
  key: string;
  concepts: string[];
}

interface CanonicalIndex {
  dictionary: PhraseDictionary;
  /** canonical key (normalised hans form) → entry */
  byCanonical: Map<string, VocabularyEntry>;
  conflicts: VocabularyConflict[];
}

let canonicalIndex: CanonicalIndex | undefined;

function buildCanonicalIndex(): CanonicalIndex {
  const target = new Map<string, string>();
  const owner = new Map<string, string>();
  const conflicts: VocabularyConflict[] = [];
  const byCanonical = new Map<string, VocabularyEntry>();
  const add = (key: string, value: string, concept: string): void => {
    if (key.length === 0) return;
    const previous = owner.get(key);
    if (previous !== undefined && target.get(key) !== value) {
      conflicts.push({ key, concepts: [previous, concept] });
      return;
    }
    target.set(key, value);
    owner.set(key, concept);
  };
  for (const entry of VOCABULARY) {
    const canonical = formKey(entry.hans);
    byCanonical.set(canonical, entry);
    for (const region of REGIONS) {
      if (entry.ambiguous?.includes(region)) continue;
      for (const form of formsOf(entry, region)) add(formKey(form), canonical, entry.id);
    }
  }
  // Keep phrases map to themselves, so the longest match protects them from the shorter form inside.
  for (const phrase of KEEP_PHRASES) add(formKey(phrase), formKey(phrase), `keep:${phrase}`);
  return { dictionary: phraseDictionary(target), byCanonical, conflicts };
}

function canonical(): CanonicalIndex {
  canonicalIndex ??= buildCanonicalIndex();
  return canonicalIndex;
}

/** The dictionary from every recognised form (search key) to its concept's canonical key. */
export function canonicalDictionary(): PhraseDictionary {
  return canonical().dictionary;
}

/** The concept whose canonical key this is, if any (机器人 → robot). */
export function conceptOfCanonical(key: string): VocabularyEntry | undefined {
  return canonical().byCanonical.get(key);
}

/** Forms that map to two concepts; empty when vocabulary.json is consistent. */
export function vocabularyConflicts(): readonly VocabularyConflict[] {
  return canonical().conflicts;
}

const displayDictionaries = new Map<string, { dictionary: PhraseDictionary; concept: Map<string, string> }>();

/**
 * The dictionary that rewrites a `from` region's vocabulary into the `to` region's, used by display
 * conversion. Keys are in the source script (the rewrite runs before OpenCC converts the gaps).
 */
export function displayDictionary(from: Region, to: Region): { dictionary: PhraseDictionary; concept: Map<string, string> } {
  const cacheKey = `${from}>${to}`;
  let built = displayDictionaries.get(cacheKey);
  if (built) return built;
  const pairs = new Map<string, string>();
  const concept = new Map<string, string>();
  for (const entry of VOCABULARY) {
    if (entry.display === 'none') continue;
    const replacement = preferredForm(entry, to);
    for (const form of formsOf(entry, from)) {
      // A restricted concept is only converted from forms that are not the Mainland word itself
      // (Macao's 質量 is as ambiguous as Mainland 质量, Hong Kong's 質素 is not).
      if (entry.display === 'toHans' && formKey(form) === formKey(entry.hans)) continue;
      if (pairs.has(form)) continue; // first concept wins; the tests keep the data free of such clashes
      pairs.set(form, replacement);
      concept.set(form, entry.id);
    }
  }
  const toFromScript = scriptConverter('hans', from);
  const toTargetScript = scriptConverter('hans', to);
  for (const phrase of KEEP_PHRASES) {
    const source = toFromScript(phrase);
    pairs.set(source, toTargetScript(phrase));
    concept.set(source, `keep:${phrase}`);
  }
  built = { dictionary: phraseDictionary(pairs), concept };
  displayDictionaries.set(cacheKey, built);
  return built;
}

/**
 * Every word jieba should know as a word: canonical terms, every regional form in Simplified script
 * and the keep phrases (see segment.ts).
 */
export function vocabularyWords(): Set<string> {
  const words = new Set<string>();
  for (const entry of VOCABULARY) {
    for (const region of REGIONS) for (const form of formsOf(entry, region)) words.add(formKey(form));
  }
  for (const phrase of KEEP_PHRASES) words.add(formKey(phrase));
  return words;
}
