/**
 * Check-digit validation for identifier formats, delegated to maintained validators.
 *
 * - Resident ID (居民身份证) and the HK/MO/TW residence permits (居住证, prefixes 81/82/83) share the 18-digit
 *   layout with an ISO 7064 MOD 11-2 check character, birth date included; HKID has a mod 11 check in
 *   brackets. Both are checked in a few lines here for ASCII input (`stdnum` `cn.ric` / `hk.hkid` take
 *   ~25 µs a call, more than a whole document's detection) and held to `stdnum`'s answers by the tests.
 * - Bank cards: Luhn, from `stdnum`'s checksum utilities.
 * - Passports: ICAO 9303 MRZ check digits, from `mrz`.
 * Macao BIR numbers and the mainland travel permit have no published check algorithm; they are scored by
 * shape and context only.
 */
import { stdnum } from 'stdnum';
import { luhnChecksumValidate } from 'stdnum/lib/esm/util/checksum.js';
import { parse as parseMrz } from 'mrz';

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * @example isValidResidentId('11010519491231002X') // true
 *
 * Plain ASCII input (all the detector ever passes) is checked here; anything else goes to `stdnum`.
 * Why: `stdnum`'s `cn.ric` costs ~25 µs per valid number (a `toLocaleUpperCase` and a local-time `Date` per
 * call), more than the rest of a document's detection. The rule is the same — 17 digits, a real birth date
 * not in the future, ISO 7064 MOD 11-2 check character — and `check-digits.test.ts` holds this function to
 * `stdnum`'s answers on thousands of generated numbers.
 */
export function isValidResidentId(value: string): boolean {
  if (!ASCII_ONLY.test(value)) return stdnum.CN.ric.validate(value.replace(/\s/g, '').toUpperCase()).isValid;
  const compact = value.replace(/ /g, '').toUpperCase();
  if (compact.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = compact.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * RIC_WEIGHTS[i];
  }
  return RIC_CHECK[sum % 11] === compact[17] && isPastCalendarDate(compact, 6);
}

const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RIC_CHECK = '10X98765432';
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether digits [at, at+8) are a real YYYYMMDD date, not after today (local time, as `stdnum` reads it). */
function isPastCalendarDate(digits: string, at: number): boolean {
  const year = Number(digits.slice(at, at + 4));
  const month = Number(digits.slice(at + 4, at + 6));
  const day = Number(digits.slice(at + 6, at + 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) return false;
  if (year < 100) return stdnumDateFallback(digits.slice(at, at + 8)); // stdnum maps 2-digit years; never in an ID
  const now = new Date();
  const today = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
  return year * 10000 + month * 100 + day <= today;
}

function stdnumDateFallback(yyyymmdd: string): boolean {
  return stdnum.CN.ric.validate(`110105${yyyymmdd}0000`).error?.name !== 'InvalidComponent';
}

/**
 * @example isValidHkid('A123456(3)') // true
 *
 * Same split as `isValidResidentId`: ASCII input is checked here (letters A–Z but O, six digits, check
 * 0–9/A; weights 9…2 with a space worth 36 before a single letter; mod 11), other input goes to `stdnum`.
 */
export function isValidHkid(value: string): boolean {
  if (!ASCII_ONLY.test(value)) return stdnum.HK.hkid.validate(value.toUpperCase()).isValid;
  const compact = value.toUpperCase().replace(/[ ()-]/g, '');
  if (!HKID_COMPACT.test(compact)) return false;
  const letters = compact.length === 8 ? 1 : 2;
  let sum = letters === 1 ? 36 * 9 : 0;
  for (let i = 0; i < letters; i++) sum += (letters === 1 ? 8 : 9 - i) * (compact.charCodeAt(i) - 55);
  for (let i = 0; i < 6; i++) sum += (7 - i) * (compact.charCodeAt(letters + i) - 48);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === compact[compact.length - 1];
}

const HKID_COMPACT = /^[A-NP-Z]{1,2}[0-9]{6}[0-9A]$/;

/** @example isValidLuhn('6222 0212 3456 7894') */
export function isValidLuhn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) && luhnChecksumValidate(digits);
}

export interface MrzCheck {
  valid: boolean;
  documentNumber: string | null;
  /** Raw document number field as printed in the MRZ (even when its check digit fails). */
  rawDocumentNumber: string;
}

/**
 * Checks a two-line TD3 (passport) MRZ. Returns null when the lines are not a TD3 MRZ at all.
 * @example checkPassportMrz(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'])
 */
export function checkPassportMrz(lines: [string, string]): MrzCheck | null {
  try {
    const result = parseMrz(lines);
    if (result.format !== 'TD3') return null;
    const docField = result.details.find((d) => d.field === 'documentNumber');
    const checkField = result.details.find((d) => d.field === 'documentNumberCheckDigit');
    return {
      valid: Boolean(docField?.valid && checkField?.valid),
      documentNumber: result.fields.documentNumber ?? null,
      rawDocumentNumber: lines[1].slice(0, 9).replace(/<+$/, ''),
    };
  } catch {
    return null;
  }
}
