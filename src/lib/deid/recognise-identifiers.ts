/**
 * Recognisers for government and school identifiers: resident ID and residence permits, HKID, Macao BIR,
 * mainland travel permit for HK/Macao residents, passports (incl. MRZ), 全国学籍号 and bank cards.
 *
 * Scoring rule used throughout: the shape gives a base score; a valid check digit raises it, an invalid
 * one lowers it (never to zero: a mistyped ID is still somebody's ID); context words move it ±0.25.
 */
import { BANK_CUES, HMT_PERMIT_CUES, ID_CUES, MO_ID_CUES, PASSPORT_CUES, STUDENT_ID_CUES, contextDelta } from './context-cues.ts';
import { checkPassportMrz, isValidHkid, isValidLuhn, isValidResidentId } from './check-digits.ts';
import { clampScore, textFeatures, type Entity, type Recogniser, type TextFeatures } from './entity.ts';

const DATE8 = String.raw`(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const RESIDENT_ID = new RegExp(String.raw`(?<![0-9A-Za-z])[1-9]\d{5} ?${DATE8} ?\d{3}[\dXx](?![0-9A-Za-z])`, 'g');
const STUDENT_ID = new RegExp(String.raw`(?<![0-9A-Za-z])([GL])(\d{17}[\dX])(?![0-9A-Za-z])`, 'g');
const STUDENT_ID_LABELLED =
  /(?:学籍号|學籍號|学号|學號|学生编号|學生編號|考号|考號|Student (?:ID|No\.?|Number)|SID|N\.?º de aluno)\s*[:：]?\s*(?:是|為|为)?\s*([A-Z]{0,2}\d{6,14})(?![0-9A-Za-z])/gi;
const HKID = /(?<![0-9A-Za-z])[A-Z]{1,2}\d{6} ?(?:\( ?[0-9A] ?\)|（[0-9A]）|[0-9A])(?![0-9A-Za-z])/g;
const MO_ID = /(?<![0-9A-Za-z/])[157]\d{6} ?(?:\( ?\d ?\)|（\d）)(?![0-9A-Za-z])/g;
const MO_ID_BARE = /(?<![0-9A-Za-z/])[157][ -]?\d{6}[ -/]?\d(?![0-9A-Za-z])/g;
const HMT_PERMIT = /(?<![0-9A-Za-z])[HM]\d{8}(?:\d{2})?(?![0-9A-Za-z])/g;
const PASSPORT_PRC = /(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z]\d{7}|E\d{8}|G\d{8}|K\d{8}|MA\d{7})(?![0-9A-Za-z])/g;
const PASSPORT_GENERIC = /(?<![0-9A-Za-z])[A-Z]{1,2}\d{6,8}(?![0-9A-Za-z])/g;
const MRZ_TD3 = /^(P[A-Z<][A-Z<]{3}[A-Z<]{39})\r?\n([A-Z0-9<]{44})$/gm;
const CARD = /(?<![0-9A-Za-z-])(?:\d{4}[ -]){3}\d{4}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])|(?<![0-9A-Za-z-])\d{16,19}(?![0-9A-Za-z-])/g;

/** All matches of a global regex, as an array (a generator costs more than the regex on short texts). */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m);
  return out;
}

/**
 * The matches `matches(re, text)` would return, found by trying `re` only where a match can start: `back`
 * code units before the start of a digit run of at least `minRun` digits (every pattern below starts with
 * a digit or with one or two letters before its digits, and looks behind for no letter or digit). A global
 * search finds the leftmost match from where the last one ended; trying every possible start in increasing
 * order, from the same place, with a sticky copy of the pattern finds the same matches.
 */
function matchesAtRuns(
  sticky: RegExp,
  text: string,
  f: TextFeatures | undefined,
  minRun: number,
  back: readonly number[],
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const runs = (f ?? textFeatures(text)).digitRuns;
  let from = 0; // no match may start before the end of the previous one, nor where we have tried already
  for (let r = 0; r < runs.length; r += 2) {
    if (runs[r + 1] - runs[r] < minRun) continue;
    for (const b of back) {
      const at = runs[r] - b;
      if (at < from) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      from = at + 1;
      if (m) {
        out.push(m);
        from = at + Math.max(1, m[0].length);
      }
    }
  }
  return out;
}

/** A sticky copy: `exec` matches exactly at `lastIndex` or not at all. */
function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}

const RESIDENT_ID_AT = sticky(RESIDENT_ID);
const STUDENT_ID_AT = sticky(STUDENT_ID);
const HKID_AT = sticky(HKID);
const MO_ID_AT = sticky(MO_ID);
const MO_ID_BARE_AT = sticky(MO_ID_BARE);
const HMT_PERMIT_AT = sticky(HMT_PERMIT);
const PASSPORT_PRC_AT = sticky(PASSPORT_PRC);
const PASSPORT_GENERIC_AT = sticky(PASSPORT_GENERIC);
const CARD_AT = sticky(CARD);
const AT_RUN = [0];
const ONE_LETTER_BEFORE = [1];
const LETTERS_BEFORE = [2, 1];

/** Every label of STUDENT_ID_LABELLED contains one of these (a filter only: it may say yes wrongly). */
const STUDENT_LABEL_HINT = /[号號]|student|sid|aluno/i;
/** Every cue in MO_ID_CUES contains one of these. */
const MO_CUE_HINT = /身份|bir|maca[uo] id/i;

function entity(type: string, start: number, end: number, score: number, detector: string): Entity {
  return { type, start, end, score: clampScore(score), detector };
}

/** 居民身份证号 and 港澳台居民居住证号 (prefix 81/82/83), ISO 7064 MOD 11-2 check. */
export const residentIdRecogniser: Recogniser = {
  name: 'cn-resident-id',
  types: ['CN_RESIDENT_ID'],
  applies: (f) => f.maxDigitRun >= 6 && f.maxDigitCluster >= 17,
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(RESIDENT_ID_AT, text, f, 6, AT_RUN)) {
      const start = m.index;
      const end = start + m[0].length;
      const valid = isValidResidentId(m[0]);
      const base = valid ? 0.95 : 0.6;
      out.push(
        entity(
          'CN_RESIDENT_ID',
          start,
          end,
          base + contextDelta(text, start, end, ID_CUES),
          valid ? 'cn-resident-id' : 'cn-resident-id:bad-check',
        ),
      );
    }
    return out;
  },
};

/** 全国学籍号: G + resident ID (checked), L + 18 characters; or any number labelled 学号 / Student No. */
export const studentIdRecogniser: Recogniser = {
  name: 'student-id',
  types: ['STUDENT_ID'],
  applies: (f, text) => f.maxDigitRun >= 6 && (f.maxLetterDigitRun >= 17 || STUDENT_LABEL_HINT.test(text)),
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(STUDENT_ID_AT, text, f, 17, ONE_LETTER_BEFORE)) {
      const start = m.index;
      const end = start + m[0].length;
      let score = m[1] === 'G' ? (isValidResidentId(m[2]) ? 0.95 : 0.65) : 0.8;
      score += contextDelta(text, start, end, STUDENT_ID_CUES, { window: 20 });
      out.push(entity('STUDENT_ID', start, end, score, 'student-id:national'));
    }
    for (const m of matches(STUDENT_ID_LABELLED, text)) {
      const start = m.index + m[0].length - m[1].length;
      out.push(entity('STUDENT_ID', start, start + m[1].length, 0.8, 'student-id:labelled'));
    }
    return out;
  },
};

/** HKID: one or two letters, six digits, check digit (usually in brackets). */
export const hkidRecogniser: Recogniser = {
  name: 'hk-id',
  types: ['HK_ID'],
  applies: (f) => f.maxDigitRun >= 6 && f.hasUpperLatin && f.maxLetterDigitRun >= 6,
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(HKID_AT, text, f, 6, LETTERS_BEFORE)) {
      const start = m.index;
      const end = start + m[0].length;
      const bracketed = /[()（）]/.test(m[0]);
      const valid = isValidHkid(m[0].replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')));
      let score = valid ? (bracketed ? 0.95 : 0.8) : bracketed ? 0.6 : 0.3;
      score += contextDelta(text, start, end, ID_CUES);
      // 護照號碼 MA1234567 has the HKID shape, and one in eleven passes its check by chance.
      if (!bracketed && contextDelta(text, start, end, PASSPORT_CUES, { window: 12 }) > 0) score -= 0.4;
      out.push(entity('HK_ID', start, end, score, valid ? 'hk-id' : 'hk-id:bad-check'));
    }
    return out;
  },
};

/** Macao BIR: 1/5/7 + six digits + (check digit). No public check algorithm: shape and context. */
export const moIdRecogniser: Recogniser = {
  name: 'mo-id',
  types: ['MO_ID'],
  // The bracketed form needs a bracket; the bare form is reported only after a Macao-ID cue.
  applies: (f, text) => f.maxDigitRun >= 6 && (f.hasOpenBracket || MO_CUE_HINT.test(text)),
  find(text, f) {
    const out: Entity[] = [];
    const seen = new Set<number>();
    for (const m of matchesAtRuns(MO_ID_AT, text, f, 7, AT_RUN)) {
      seen.add(m.index);
      const end = m.index + m[0].length;
      out.push(entity('MO_ID', m.index, end, 0.8 + contextDelta(text, m.index, end, MO_ID_CUES, { boost: 0.15 }), 'mo-id'));
    }
    for (const m of matchesAtRuns(MO_ID_BARE_AT, text, f, 1, AT_RUN)) {
      if (seen.has(m.index)) continue;
      const end = m.index + m[0].length;
      const delta = contextDelta(text, m.index, end, MO_ID_CUES, { window: 14, boost: 0.4 });
      if (delta > 0) out.push(entity('MO_ID', m.index, end, 0.35 + delta, 'mo-id:labelled'));
    }
    return out;
  },
};

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits, old cards + 2-digit issue count. */
export const hmtPermitRecogniser: Recogniser = {
  name: 'hmt-permit',
  types: ['HMT_PERMIT'],
  applies: (f) => f.maxDigitRun >= 8 && f.hasUpperLatin && f.maxLetterDigitRun >= 8,
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(HMT_PERMIT_AT, text, f, 8, ONE_LETTER_BEFORE)) {
      const end = m.index + m[0].length;
      const passport = contextDelta(text, m.index, end, PASSPORT_CUES, { window: 12 }) > 0;
      const score = (passport ? 0.45 : 0.7) + contextDelta(text, m.index, end, HMT_PERMIT_CUES, { window: 20 });
      out.push(entity('HMT_PERMIT', m.index, end, score, 'hmt-permit'));
    }
    return out;
  },
};

/** Passports: PRC / HKSAR / MSAR number shapes, any number after "passport", and TD3 MRZ blocks. */
export const passportRecogniser: Recogniser = {
  name: 'passport',
  types: ['PASSPORT'],
  applies: (f, text) => f.maxDigitRun >= 6 && f.hasUpperLatin && (f.maxLetterDigitRun >= 6 || f.hasLessThan || text.length >= 89), // 89: two MRZ lines
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(PASSPORT_PRC_AT, text, f, 7, LETTERS_BEFORE)) {
      const end = m.index + m[0].length;
      out.push(
        entity('PASSPORT', m.index, end, 0.6 + contextDelta(text, m.index, end, PASSPORT_CUES, { window: 20, boost: 0.3 }), 'passport'),
      );
    }
    for (const m of matchesAtRuns(PASSPORT_GENERIC_AT, text, f, 6, LETTERS_BEFORE)) {
      const end = m.index + m[0].length;
      const delta = contextDelta(text, m.index, end, PASSPORT_CUES, { window: 14, boost: 0.5 });
      if (delta > 0) out.push(entity('PASSPORT', m.index, end, 0.35 + delta, 'passport:labelled'));
    }
    for (const m of matches(MRZ_TD3, text)) {
      const check = checkPassportMrz([m[1], m[2]]);
      if (!check) continue;
      const start = m.index;
      // The whole MRZ holds name, number and birth date: cover both lines.
      out.push(
        entity('PASSPORT', start, start + m[0].length, check.valid ? 0.97 : 0.7, check.valid ? 'passport:mrz' : 'passport:mrz-bad-check'),
      );
    }
    return out;
  },
};

const CARD_PREFIX = /^(?:62|4|5[1-5]|2[2-7]|3[47]|35|9)/;
/** Digits that start with a yyyymmdd date (built once: it was compiled per candidate before). */
const STARTS_WITH_DATE = new RegExp(`^${DATE8}`);
const CARD_SEPARATOR = /[\s-]/;
/** 16 digits in four groups of four (plus up to three more), one space or hyphen between groups. */
const PRINTED_IN_FOURS = /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$/;

/** Bank cards: 16–19 digits, Luhn-checked; UnionPay/Visa/Mastercard prefixes and context raise it. */
export const bankCardRecogniser: Recogniser = {
  name: 'bank-card',
  types: ['BANK_CARD'],
  applies: (f) => f.maxDigitRun >= 4 && f.digits >= 16 && f.maxDigitCluster >= 16,
  find(text, f) {
    const out: Entity[] = [];
    for (const m of matchesAtRuns(CARD_AT, text, f, 4, AT_RUN)) {
      const grouped = CARD_SEPARATOR.test(m[0]);
      const digits = grouped ? m[0].replace(/[\s-]/g, '') : m[0];
      if (digits.length < 16 || digits.length > 19) continue;
      if (!grouped && STARTS_WITH_DATE.test(digits)) {
        // Starts with a date: order / serial numbers like 2024091800123456 are far more common.
        if (contextDelta(text, m.index, m.index + m[0].length, BANK_CUES) <= 0) continue;
      }
      const luhn = isValidLuhn(digits);
      const prefixed = CARD_PREFIX.test(digits);
      let score = luhn ? (prefixed ? 0.85 : 0.55) : prefixed ? 0.4 : 0.2;
      if (grouped) score += 0.05;
      // Written in fours as printed on the card (6217 0000 1234 5678) with an issuer prefix: a mistyped card is
      // still a card (the rule for every checked identifier), so the failed check no longer hides it.
      if (!luhn && prefixed && PRINTED_IN_FOURS.test(m[0])) score += 0.05;
      score += contextDelta(text, m.index, m.index + m[0].length, BANK_CUES, { window: 20, boost: 0.3 });
      out.push(entity('BANK_CARD', m.index, m.index + m[0].length, score, luhn ? 'bank-card' : 'bank-card:bad-check'));
    }
    return out;
  },
};

export const identifierRecognisers: readonly Recogniser[] = [
  residentIdRecogniser,
  studentIdRecogniser,
  hkidRecogniser,
  moIdRecogniser,
  hmtPermitRecogniser,
  passportRecogniser,
  bankCardRecogniser,
];
