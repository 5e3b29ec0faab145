import { regionOf, type ChineseLanguage, type Language, type Region } from './language.ts';
import { scriptConverter } from './opencc.ts';
import { rewrite } from './rewrite.ts';
import { boundaryCheck } from './word-boundary-check.ts';
import { displayDictionary } from './vocabulary-index.ts';

/** A text as shown to a reader, labelled when it is a machine conversion of what was written. */
export interface DisplayText {
  text: string;
  /** True when the shown text differs from the stored one (DESIGN.md §5: label it as converted). */
  converted: boolean;
  from: Language;
  to: ChineseLanguage;
}

/** One vocabulary replacement made in an edition, for the author to review. */
export interface VocabularyChange {
  /** Range in the edition's text. */
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** The vocabulary concept id (vocabulary.json), e.g. "robot". */
  concept: string;
}

/** A draft of a text in another Chinese script/region, to be corrected by its author. */
export interface Edition {
  text: string;
  from: Language;
  to: ChineseLanguage;
  /** Every regional-vocabulary replacement (script-only changes are not listed). */
  vocabularyChanges: VocabularyChange[];
}

/**
 * Convert a text for a reader of another Chinese region: script (OpenCC, Hong Kong tables for Hong
 * Kong and Macao) AND vocabulary, so a Simplified lesson read in Hong Kong says 軟件、程式、機械人、影片
 * rather than a character-by-character 軟件、程序、機器人、視頻. A regional form is replaced only where
 * it is a word of the text, not a piece of two (see word-boundary-check.ts). Text in English or Portuguese, or
 * already in the target language, is returned unchanged with `converted: false`.
 *
 * @example convertForDisplay('机器人编程视频', 'zh-Hans', 'zh-Hant-HK').text // '機械人編程影片'
 */
export function convertForDisplay(text: string, from: Language, to: ChineseLanguage): DisplayText {
  const result = convertRegions(text, from, to);
  return { text: result.text, converted: result.text !== text, from, to };
}

/**
 * Make a first draft of a 繁體 or 简体 edition of a text ("make a 繁體/简体 edition"): the same
 * conversion as {@link convertForDisplay}, with the list of vocabulary replacements so the editor can
 * point the author at them. Machine conversion cannot tell every sense apart (a Mainland 程序 may be a
 * procedure, not a program), so the edition is a draft for the author to correct before publishing.
 *
 * @example makeEdition('学习编程', 'zh-Hans', 'zh-Hant-HK').vocabularyChanges[0].replacement // '編程'
 */
export function makeEdition(text: string, from: Language, to: ChineseLanguage): Edition {
  const result = convertRegions(text, from, to);
  return { text: result.text, from, to, vocabularyChanges: result.changes };
}

function convertRegions(text: string, from: Language, to: ChineseLanguage): { text: string; changes: VocabularyChange[] } {
  const source = regionOf(from);
  const target = regionOf(to) as Region;
  if (source === undefined || source === target) return { text, changes: [] };
  const { dictionary, concept } = displayDictionary(source, target);
  const script = scriptConverter(source, target);
  const isWord = boundaryCheck(text);
  // Only a real vocabulary change needs the word check; a script-only match (软件 → 軟件) does not.
  const rewritten = rewrite(
    text,
    dictionary,
    script,
    (from, to, replacement) => replacement === script(text.slice(from, to)) || isWord(from, to),
  );
  const changes: VocabularyChange[] = [];
  for (const piece of rewritten.pieces) {
    if (piece.key === undefined) continue;
    const id = concept.get(piece.key) ?? '';
    if (id.startsWith('keep:')) continue;
    const replacement = rewritten.text.slice(piece.outFrom, piece.outTo);
    if (replacement === script(piece.key)) continue;
    changes.push({ start: piece.outFrom, end: piece.outTo, original: piece.key, replacement, concept: id });
  }
  return { text: rewritten.text, changes };
}
