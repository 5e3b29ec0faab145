/**
 * Shared vocabulary of the de-identification engine: entity types, spans and recognisers.
 */

/** The built-in entity types; custom recognisers may add their own names. */
export const BUILT_IN_ENTITY_TYPES = [
  'PERSON',
  'CN_RESIDENT_ID',
  'HK_ID',
  'MO_ID',
  'HMT_PERMIT',
  'PASSPORT',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'STUDENT_ID',
  'BANK_CARD',
  'IP_ADDRESS',
] as const;

export type BuiltInEntityType = (typeof BUILT_IN_ENTITY_TYPES)[number];

/** A built-in type or the name a custom recogniser gives (e.g. `SCHOOL_NAME`). */
export type EntityType = BuiltInEntityType | (string & {});

/**
 * A detected span of personal data. `start`/`end` are JavaScript string (UTF-16 code unit) offsets,
 * `end` exclusive, so `text.slice(start, end)` is the value. `score` is a confidence in [0, 1];
 * `detector` names the recogniser that produced it (useful when tuning or auditing).
 */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  score: number;
  detector: string;
}

/** Cheap facts about a text, computed once per `detect` call so recognisers that cannot match are skipped. */
export interface TextFeatures {
  /** Longest run of ASCII digits. */
  maxDigitRun: number;
  digits: number;
  hasHan: boolean;
  hasUpperLatin: boolean;
  hasAt: boolean;
  /**
   * Most digits in one stretch of digits, spaces, hyphens, brackets and plus signs ("+852 (2) 1234-5678":
   * 13). Every phone, card and resident-ID shape lies inside such a stretch, so fewer digits rule them out.
   */
  maxDigitCluster: number;
  /** Longest digit run right after an ASCII capital (HKID, passport, permit, 学籍号 shapes: "K12345678" → 8). */
  maxLetterDigitRun: number;
  /** Most digit groups joined by single full stops ("10.0.0.1" → 4); an IPv4 address needs 4. */
  maxDottedGroups: number;
  hasColon: boolean;
  /** '(' or '（' occurs (the bracketed check digit of a Macao ID). */
  hasOpenBracket: boolean;
  /** '<' occurs (passport MRZ lines). */
  hasLessThan: boolean;
  /**
   * The tokens of the shared pass: every run of ASCII digits as flat pairs `[start, end)`, in order. Identifier
   * recognisers try their patterns only where such a run can make a match start, instead of scanning the text.
   */
  digitRuns: number[];
  /**
   * Stretches of digits, spaces, hyphens, brackets and '+' holding at least 5 digits (every phone shape lies
   * inside one), flat, four numbers a zone: from, to (exclusive), digit count, 1 when a '+' occurs.
   */
  digitZones: number[];
}

/** A recogniser scans a whole text and returns candidate spans (not yet thresholded or merged). */
export interface Recogniser {
  name: string;
  /** Types this recogniser may emit; lets `detect` skip it when the caller asks for other types. */
  types: readonly EntityType[];
  /**
   * False when the text cannot hold a match (e.g. no digits for an ID recogniser). Absent: always run.
   * Must never be false for a text the recogniser would find something in: it is a filter, not a rule.
   */
  applies?(features: TextFeatures, text: string): boolean;
  /**
   * `features` is the shared pass over this text (`textFeatures`), given by `detect` so no recogniser has to
   * tokenise the text again; a recogniser called on its own computes it when it needs it.
   */
  find(text: string, features?: TextFeatures): Entity[];
}

/**
 * The one shared tokenising pass over the code units: flags, digit runs and phone zones for every recogniser;
 * far cheaper than letting fourteen regexes discover the same.
 *
 * @example textFeatures('電話 +852 9123 4567').maxDigitCluster // 11
 */
export function textFeatures(text: string): TextFeatures {
  let maxDigitRun = 0;
  let run = 0;
  let digits = 0;
  let hasHan = false;
  let hasUpperLatin = false;
  let hasAt = false;
  let cluster = 0;
  let maxDigitCluster = 0;
  let afterLetter = false; // the current digit run started right after an ASCII capital
  let maxLetterDigitRun = 0;
  let dotted = 0; // digit groups joined by single '.' so far, the current one included
  let maxDottedGroups = 0;
  let hasColon = false;
  let hasOpenBracket = false;
  let hasLessThan = false;
  let prev = -1;
  const digitRuns: number[] = [];
  const digitZones: number[] = [];
  let zoneStart = -1; // the open zone (digits and phone separators), see `digitZones`
  let zoneDigits = 0;
  let zonePlus = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (zoneStart < 0) zoneStart = i;
      zoneDigits++;
      if (run === 0) {
        digitRuns.push(i, i);
        afterLetter = prev >= 65 && prev <= 90;
        // A new group: it continues a dotted chain when the character before is a '.' preceded by a digit.
        dotted = prev === 46 && i >= 2 && isDigit(text.charCodeAt(i - 2)) ? dotted + 1 : 1;
        if (dotted > maxDottedGroups) maxDottedGroups = dotted;
      }
      if (++run > maxDigitRun) maxDigitRun = run;
      if (afterLetter && run > maxLetterDigitRun) maxLetterDigitRun = run;
      if (++cluster > maxDigitCluster) maxDigitCluster = cluster;
      digitRuns[digitRuns.length - 1] = i + 1;
      prev = c;
      continue;
    }
    run = 0;
    // Fast path for CJK text and full-width punctuation (most of a Chinese document): none of it is a digit,
    // a phone separator or a full stop, so it only closes the open zone and sets two flags.
    if (c >= 0x3000) {
      if (zoneStart >= 0 && zoneDigits >= 5) digitZones.push(zoneStart, i, zoneDigits, zonePlus);
      zoneStart = -1;
      zoneDigits = 0;
      zonePlus = 0;
      cluster = 0;
      dotted = 0;
      if (c >= 0x4e00 && c <= 0x9fff) hasHan = true;
      else if (c === 0xff08) hasOpenBracket = true;
      prev = c;
      continue;
    }
    if (c === 32 || c === 45 || c === 40 || c === 41 || c === 43) {
      if (zoneStart < 0) zoneStart = i;
      if (c === 43) zonePlus = 1;
    } else {
      if (zoneStart >= 0 && zoneDigits >= 5) digitZones.push(zoneStart, i, zoneDigits, zonePlus);
      zoneStart = -1;
      zoneDigits = 0;
      zonePlus = 0;
    }
    // Separators inside phone numbers, cards and IDs keep the cluster going; anything else ends it.
    if (c !== 32 && c !== 45 && c !== 40 && c !== 41 && c !== 43) cluster = 0;
    if (c !== 46) dotted = 0;
    if (c >= 0x4e00 && c <= 0x9fff) hasHan = true;
    else if (c >= 65 && c <= 90) hasUpperLatin = true;
    else if (c === 64) hasAt = true;
    else if (c === 58) hasColon = true;
    else if (c === 40 || c === 0xff08) hasOpenBracket = true;
    else if (c === 60) hasLessThan = true;
    prev = c;
  }
  if (zoneStart >= 0 && zoneDigits >= 5) digitZones.push(zoneStart, n, zoneDigits, zonePlus);
  return {
    maxDigitRun,
    digits,
    hasHan,
    hasUpperLatin,
    hasAt,
    maxDigitCluster,
    maxLetterDigitRun,
    maxDottedGroups,
    hasColon,
    hasOpenBracket,
    hasLessThan,
    digitRuns,
    digitZones,
  };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Clamps a score into [0, 1] and rounds it so results are stable across runs. */
export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
