/**
 * Detection of personal data in free text: the public entry of the engine.
 *
 * `detect(text)` runs every built-in recogniser and returns merged, de-overlapped spans (see
 * `merge-entities.ts` for the rule). `createDetector(config)` adds custom regexes, word lists and rosters,
 * a different threshold or a subset of types, and is what long-running callers should keep and reuse.
 */
import { addressRecogniser } from './recognise-addresses.ts';
import { birthDateRecogniser } from './recognise-birth-dates.ts';
import { chineseNameRecogniser } from './recognise-chinese-names.ts';
import { contactRecognisers } from './recognise-contacts.ts';
import { identifierRecognisers } from './recognise-identifiers.ts';
import { latinNameRecogniser } from './recognise-latin-names.ts';
import {
  patternRecogniser,
  rosterRecogniser,
  wordListRecogniser,
  type PatternConfig,
  type RosterConfig,
  type WordListConfig,
} from './custom-recognisers.ts';
import { mergeEntities } from './merge-entities.ts';
import { propagateNames } from './propagate-names.ts';
import { completeNameLists } from './complete-name-lists.ts';
import { textFeatures, type Entity, type EntityType, type Recogniser } from './entity.ts';

export type { Entity, EntityType, Recogniser } from './entity.ts';
export { BUILT_IN_ENTITY_TYPES } from './entity.ts';

/** Default confidence threshold: spans scoring below it are not reported. */
export const DEFAULT_THRESHOLD = 0.5;

export interface DetectOptions {
  /** Report spans scoring at least this (default 0.5). Lower it to trade precision for recall. */
  threshold?: number;
  /** Report only these types. */
  types?: readonly EntityType[];
}

export interface DetectorConfig extends DetectOptions {
  patterns?: readonly PatternConfig[];
  wordLists?: readonly WordListConfig[];
  rosters?: readonly RosterConfig[];
  /** Names of built-in recognisers to switch off (e.g. `'person:latin'`). */
  disable?: readonly string[];
  /** Extra recognisers written in code. */
  recognisers?: readonly Recogniser[];
}

export interface Detector {
  detect(text: string, options?: DetectOptions): Entity[];
  readonly recognisers: readonly Recogniser[];
}

export const BUILT_IN_RECOGNISERS: readonly Recogniser[] = [
  ...identifierRecognisers,
  ...contactRecognisers,
  birthDateRecogniser,
  addressRecogniser,
  chineseNameRecogniser,
  latinNameRecogniser,
];

/**
 * Builds a detector with custom recognisers and defaults. Build once, reuse for every text.
 *
 * @example
 * const detector = createDetector({ rosters: [{ names: ['陳大文', 'Chan Tai Man'] }], threshold: 0.6 });
 * detector.detect('陳大文今日遲到'); // [{ type: 'PERSON', start: 0, end: 3, score: 0.99, detector: 'roster' }]
 */
export function createDetector(config: DetectorConfig = {}): Detector {
  const disabled = new Set(config.disable ?? []);
  const recognisers: Recogniser[] = [
    ...BUILT_IN_RECOGNISERS.filter((r) => !disabled.has(r.name)),
    ...(config.patterns ?? []).map(patternRecogniser),
    ...(config.wordLists ?? []).map(wordListRecogniser),
    ...(config.rosters ?? []).map(rosterRecogniser),
    ...(config.recognisers ?? []),
  ];
  return {
    recognisers,
    detect(text, options = {}) {
      const threshold = options.threshold ?? config.threshold ?? DEFAULT_THRESHOLD;
      const types = options.types ?? config.types;
      const wanted = types ? new Set<string>(types) : undefined;
      const candidates: Entity[] = [];
      const features = textFeatures(text);
      for (const r of recognisers) {
        if (wanted && !r.types.some((t) => wanted.has(t))) continue;
        if (r.applies && !r.applies(features, text)) continue;
        for (const e of r.find(text, features)) if (!wanted || wanted.has(e.type)) candidates.push(e);
      }
      const merged = mergeEntities(candidates, threshold);
      // A name found once with confidence is the same name wherever else it stands (see propagate-names.ts),
      // and a name-shaped item of a list of names is a name (complete-name-lists.ts).
      if (!wanted || wanted.has('PERSON')) {
        const more = [...propagateNames(text, merged), ...completeNameLists(text, merged)];
        if (more.length > 0) return mergeEntities([...merged, ...more], threshold);
      }
      return merged;
    },
  };
}

let defaultDetector: Detector | undefined;

/**
 * Finds personal data in `text` with the built-in recognisers. Offsets are UTF-16 (`text.slice(start, end)`).
 *
 * @example
 * detect('家長陳大文，電話 +852 9123 4567');
 * // [{ type: 'PERSON', start: 2, end: 5, … }, { type: 'PHONE', start: 9, end: 23, … }]
 */
export function detect(text: string, options: DetectOptions = {}): Entity[] {
  defaultDetector ??= createDetector();
  return defaultDetector.detect(text, options);
}
