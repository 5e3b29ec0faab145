/**
 * Recognisers for contact data: phone numbers (mainland, Hong Kong, Macao, international), e-mail and
 * IP addresses. Phone candidates are validated with `libphonenumber-js` (numbering-plan metadata kept up
 * to date upstream); IP candidates with `node:net`.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { IP_CUES, PHONE_CUES, contextDelta } from './context-cues.ts';
import { clampScore, textFeatures, type Entity, type Recogniser } from './entity.ts';

const CN_MOBILE = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d])/g;
const CN_LANDLINE = /(?<![\d+])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?![\d])/g;
const HKMO_PREFIXED = /(?<![\d])(?:\+|00)?\(?(85[23])\)?[ -]?(\d{4}[ -]?\d{4})(?![\d])/g;
const BARE_8 = /(?<![\d.:/+-]|\d )[2-9]\d{3}[ -]?\d{4}(?!\d|[.:/-]\d| \d{4})/g;
const INTERNATIONAL = /(?<![\d\w])\+(?!8[56])\d{1,3}[ -]?(?:\(\d{1,4}\)[ -]?)?\d{2,4}(?:[ -]?\d{2,4}){1,4}(?![\d])/g;
const EMAIL = /(?<![\w.+-])[\w.+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w])/g;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{1,4}:|::?)(?:[0-9A-Fa-f]{0,4}:){1,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;
/** Every IPv6 match holds two colons with at most four hex digits between them ("::", ":db8:"). */
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;
const DATE8 = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

const validity = new Map<string, boolean>();

/** libphonenumber validation, memoised (bounded) because the same numbers recur across a dataset. */
function validPhone(number: string, region?: 'CN' | 'HK' | 'MO'): boolean {
  const key = `${region ?? ''}${number}`;
  let ok = validity.get(key);
  if (ok === undefined) {
    ok = region ? isValidPhoneNumber(number, region) : isValidPhoneNumber(number);
    if (validity.size > 50_000) validity.clear();
    validity.set(key, ok);
  }
  return ok;
}

/** All matches of a global regex, as an array (a generator costs more than the regex on short texts). */
function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m);
  return out;
}

function entity(type: string, start: number, end: number, score: number, detector: string): Entity {
  return { type, start, end, score: clampScore(score), detector };
}

/** Fewest digits a match of each pattern holds, and whether it needs a '+' (only INTERNATIONAL does). */
const MOBILE_DIGITS = 11;
const LANDLINE_DIGITS = 10;
const HKMO_DIGITS = 11;
const BARE_DIGITS = 8;
const INTERNATIONAL_DIGITS = 5;

/** Look-behind and look-ahead reach of the phone patterns (BARE_8 looks 2 back and 5 ahead). */
const BEHIND = 2;
const AHEAD = 5;

/**
 * The matches `matches(re, text)` would return, found by running `re` on each zone with a few characters of
 * real context either side rather than on the whole text (so look-arounds see what they would see there).
 * Only matches starting inside a zone are kept: a phone match consists of zone characters only.
 */
function matchesInZones(re: RegExp, text: string, zones: readonly number[], minDigits: number, needsPlus = false): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let z = 0; z < zones.length; z += 4) {
    if (zones[z + 2] < minDigits || (needsPlus && zones[z + 3] === 0)) continue; // too few digits for this shape
    const zoneStart = zones[z];
    const zoneEnd = zones[z + 1];
    const from = Math.max(0, zoneStart - BEHIND);
    const slice = text.slice(from, Math.min(text.length, zoneEnd + AHEAD));
    re.lastIndex = zoneStart - from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null && m.index + from < zoneEnd) {
      m.index += from;
      out.push(m);
    }
  }
  return out;
}

const PHONE_WINDOW = { window: 16 };

/** Adds a phone candidate, its score moved by the context words around it. */
function pushPhone(out: Entity[], text: string, start: number, end: number, score: number, detector: string): void {
  out.push(entity('PHONE', start, end, score + contextDelta(text, start, end, PHONE_CUES, PHONE_WINDOW), detector));
}

/** Phone numbers. Bare 8-digit numbers (HK/Macao style) need a separator or a context word. */
export const phoneRecogniser: Recogniser = {
  name: 'phone',
  types: ['PHONE'],
  // Every shape below has 8+ digits in one digit stretch, except an international number (5+, after '+').
  applies: (f, text) => f.maxDigitRun >= 3 && f.digits >= 7 && (f.maxDigitCluster >= 8 || (f.maxDigitCluster >= 5 && text.includes('+'))),
  find(text, features) {
    const out: Entity[] = [];
    const zones = (features ?? textFeatures(text)).digitZones;
    for (const m of matchesInZones(CN_MOBILE, text, zones, MOBILE_DIGITS)) {
      const digits = m[0].replace(/\D/g, '').replace(/^(?:00)?86(?=1\d{10}$)/, '');
      if (!validPhone(digits, 'CN')) continue;
      pushPhone(out, text, m.index, m.index + m[0].length, 0.85, 'phone:cn-mobile');
    }
    for (const m of matchesInZones(CN_LANDLINE, text, zones, LANDLINE_DIGITS)) {
      const digits = m[0].replace(/\D/g, '');
      if (!validPhone(digits, 'CN')) continue;
      pushPhone(out, text, m.index, m.index + m[0].length, 0.7, 'phone:cn-landline');
    }
    for (const m of matchesInZones(HKMO_PREFIXED, text, zones, HKMO_DIGITS)) {
      const region = m[1] === '852' ? 'HK' : 'MO';
      const local = m[2].replace(/\D/g, '');
      const valid = validPhone(local, region);
      const explicitPlus = /^(?:\+|00|\(85)/.test(m[0]);
      pushPhone(out, text, m.index, m.index + m[0].length, valid ? (explicitPlus ? 0.92 : 0.8) : 0.5, `phone:${region.toLowerCase()}`);
    }
    for (const m of matchesInZones(BARE_8, text, zones, BARE_DIGITS)) {
      const local = m[0].replace(/\D/g, '');
      if (DATE8.test(local)) continue;
      const region = validPhone(local, 'HK') ? 'hk' : validPhone(local, 'MO') ? 'mo' : null;
      if (!region) continue;
      const separated = /[ -]/.test(m[0]);
      // A number alone in a table cell (rosters pasted as text) is most likely a phone.
      const cell =
        (m.index === 0 || text[m.index - 1] === '\t') &&
        /^(?:\t|\r?\n|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1));
      pushPhone(out, text, m.index, m.index + m[0].length, (separated ? 0.55 : 0.35) + (cell ? 0.2 : 0), `phone:${region}-local`);
    }
    for (const m of matchesInZones(INTERNATIONAL, text, zones, INTERNATIONAL_DIGITS, true)) {
      if (!validPhone(m[0])) continue;
      pushPhone(out, text, m.index, m.index + m[0].length, 0.85, 'phone:international');
    }
    return out;
  },
};

export const emailRecogniser: Recogniser = {
  name: 'email',
  types: ['EMAIL'],
  applies: (f) => f.hasAt,
  find(text) {
    const out: Entity[] = [];
    if (!text.includes('@')) return out;
    for (const m of matches(EMAIL, text)) {
      out.push(entity('EMAIL', m.index, m.index + m[0].length, 0.98, 'email'));
    }
    return out;
  },
};

/** IPv4 / IPv6; version strings and section numbers ("v1.2.3.4", "第1.2.3.4节") are pushed down. */
export const ipRecogniser: Recogniser = {
  name: 'ip-address',
  types: ['IP_ADDRESS'],
  applies: (f, text) => f.digits >= 2 && (f.maxDottedGroups >= 4 || (f.hasColon && IPV6_HINT.test(text))),
  find(text) {
    const out: Entity[] = [];
    for (const m of matches(IPV4, text)) {
      if (!isIPv4(m[0])) continue;
      const end = m.index + m[0].length;
      const before = text[m.index - 1] ?? '';
      const versionLike = /[vV]/.test(before);
      out.push(
        entity(
          'IP_ADDRESS',
          m.index,
          end,
          (versionLike ? 0.3 : 0.8) + contextDelta(text, m.index, end, IP_CUES, { boost: 0.15, penalty: 0.45 }),
          'ip:v4',
        ),
      );
    }
    if (!IPV6_HINT.test(text)) return out;
    for (const m of matches(IPV6, text)) {
      if (!isIPv6(m[0]) || !/[0-9a-f]{2}/i.test(m[0])) continue;
      const end = m.index + m[0].length;
      out.push(entity('IP_ADDRESS', m.index, end, 0.85 + contextDelta(text, m.index, end, IP_CUES, { boost: 0.1 }), 'ip:v6'));
    }
    return out;
  },
};

export const contactRecognisers: readonly Recogniser[] = [phoneRecogniser, emailRecogniser, ipRecogniser];
