import en from './safety/en.json' with { type: 'json' };
import zhHans from './safety/zh-Hans.json' with { type: 'json' };
import zhHant from './safety/zh-Hant.json' with { type: 'json' };

/**
 * Content safety for the student tutor, on the way in and on the way out: word lists per language (data
 * files in ./safety, so a school's safeguarding lead can review them without reading code). A hit never
 * reaches the provider and never reaches the child; the category is kept for the message shown instead.
 */
export type SafetyCategory = 'self-harm' | 'violence' | 'sexual' | 'drugs' | 'bullying';

const LISTS: Record<string, string[]>[] = [zhHans, zhHant, en];

const chinese: [SafetyCategory, string][] = [];
const latin: [SafetyCategory, RegExp][] = [];
for (const list of LISTS) {
  for (const [category, words] of Object.entries(list)) {
    for (const word of words) {
      if (/^[\x20-\x7e]+$/.test(word))
        latin.push([category as SafetyCategory, new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')]);
      else chinese.push([category as SafetyCategory, word]);
    }
  }
}

/** @example unsafeCategory('我想自殺') // 'self-harm' */
export function unsafeCategory(text: string): SafetyCategory | null {
  const folded = text.normalize('NFKC');
  for (const [category, word] of chinese) if (folded.includes(word)) return category;
  for (const [category, pattern] of latin) if (pattern.test(folded)) return category;
  return null;
}
