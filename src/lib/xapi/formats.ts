/**
 * Format checks for the special xAPI data types (Data 2.2.s4, 4.2–4.6): UUID, IRI/IRL, mailto IRI,
 * SHA hex, RFC 5646 language tag, ISO 8601 timestamp and duration, statement version.
 *
 * Each is a pure predicate, cheap enough to run on every property of every statement at ingest.
 * IRI checking is best effort, as the spec allows (Data 2.2.s4.b6): a scheme is required
 * (2.2.s4.b1.b8) and characters that can never appear in an IRI are refused.
 */
import { parse as parseLanguageTag } from 'bcp-47';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * True for a UUID in standard string form (Data 4.4), any version, either case.
 * @example isUuid('fd41c918-b88b-4b20-a0a5-a4c32391aaa0') // true
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// RFC 3987: scheme ":" ihier-part; no whitespace, controls or the characters RFC 3987 excludes.
// eslint-disable-next-line no-control-regex -- excluding control characters is the point of this pattern
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/u;

/**
 * True for an absolute IRI (best effort). A value without a scheme is refused (Data 2.2.s4.b1.b8).
 * @example isIri('http://adlnet.gov/expapi/verbs/attended') // true
 * @example isIri('adlnet.gov/expapi/verbs/attended')        // false: no scheme
 */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && IRI.test(value);
}

/** IRLs (moreInfo, homePage, fileUrl) are IRIs meant to resolve; the same best-effort check applies. */
export const isIrl = isIri;

const MBOX = /^mailto:[^\s@<>"]+@[^\s@<>"]+$/;

/**
 * True for a `mailto:` IRI holding one e-mail address (Data 2.4.2.3, mbox).
 * @example isMbox('mailto:xiaoming@example.edu.hk') // true
 */
export function isMbox(value: unknown): value is string {
  return typeof value === 'string' && MBOX.test(value);
}

const SHA1_HEX = /^[0-9a-fA-F]{40}$/;

/** True for a hex SHA-1 (mbox_sha1sum). @example isSha1Hex('ebd31e95054c018b10727ccffd2ef2ec3a016ee9') */
export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA1_HEX.test(value);
}

const SHA2_HEX = /^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/;

/** True for a hex SHA-2 digest (224, 256, 384 or 512 bits): attachment sha2 and X-Experience-API-Hash. */
export function isSha2Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA2_HEX.test(value);
}

const languageTagCache = new Map<string, boolean>();

/**
 * True for a well-formed RFC 5646 language tag (Data 2.2.s4.b2, 4.2). Uses `bcp-47` for the token
 * grammar and adds the rule it leaves out: an extension singleton may occur once
 * (`zh-z-aaa-z-bbb` is refused). Results are memoised: real traffic uses a handful of tags.
 * @example isLanguageTag('zh-Hant-HK') // true
 * @example isLanguageTag('a12345')     // false
 */
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const known = languageTagCache.get(value);
  if (known !== undefined) return known;
  const ok = checkLanguageTag(value);
  if (languageTagCache.size < 10_000) languageTagCache.set(value, ok);
  return ok;
}

function checkLanguageTag(tag: string): boolean {
  if (tag.length === 0) return false;
  let warned = false;
  const parsed = parseLanguageTag(tag, {
    warning: () => {
      warned = true;
    },
  });
  if (warned) return false;
  if (!parsed.language && parsed.privateuse.length === 0 && !parsed.irregular && !parsed.regular) {
    return false;
  }
  const singletons = new Set<string>();
  for (const extension of parsed.extensions) {
    const singleton = extension.singleton.toLowerCase();
    if (singletons.has(singleton)) return false;
    singletons.add(singleton);
  }
  return true;
}

// RFC 3339 date-time (the profile of ISO 8601 the spec recommends, Data 4.5.s1.b2) with a required
// offset; ISO 8601's `+hh` and `+hhmm` offset forms are accepted as well.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for an ISO 8601 combined date and time with a time zone (Data 4.5). The "unknown local
 * offset" forms `-00`, `-0000`, `-00:00` are refused, as RFC 3339 §4.3 and the conformance suite
 * require.
 * @example isTimestamp('2024-09-01T08:30:00.000+08:00') // true
 * @example isTimestamp('2024-09-01T08:30:00')           // false: no time zone
 */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    return false;
  }
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[7] !== undefined) {
    const offsetHours = Number(m[8]);
    const offsetMinutes = m[9] === undefined ? 0 : Number(m[9]);
    if (offsetHours > 23 || offsetMinutes > 59) return false;
    if (m[7] === '-' && offsetHours === 0 && offsetMinutes === 0) return false;
  }
  return true;
}

// ISO 8601:2004 4.4.3.2: PnYnMnDTnHnMnS (any part may be absent, at least one present, a decimal
// fraction on the smallest unit) or PnW alone. The alternative format (P0003-01-29…) is refused.
const NUM = String.raw`\d+(?:[.,]\d+)?`;
const DURATION = new RegExp(
  `^P(?:${NUM}W|(?=[^T]*\\d|T\\d)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}D)?(?:T(?=\\d)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?)$`,
);

/**
 * True for an ISO 8601 duration in the format of section 4.4.3.2 (Data 4.6).
 * @example isDuration('PT4H35M59.14S') // true
 * @example isDuration('P4W1D')         // false: weeks stand alone
 */
export function isDuration(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DURATION.test(value) &&
    !value.endsWith('T') &&
    // Only the smallest unit given may have a decimal fraction (ISO 8601:2004 4.4.3.2).
    !/[.,]\d+[YMWDH]./.test(value)
  );
}

const STATEMENT_VERSION = /^1\.0(?:\.\d+)?$/;

/**
 * True for a statement `version` the LRS must accept: `1.0` or `1.0.x` (Data 2.4.10.s3).
 * @example isStatementVersion('1.0.0') // true
 * @example isStatementVersion('1.1.0') // false
 */
export function isStatementVersion(value: unknown): value is string {
  return typeof value === 'string' && STATEMENT_VERSION.test(value);
}

// RFC 2045 media type: type "/" subtype, then optional parameters.
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;\s*[^;=\s]+=(?:"[^"]*"|[^;\s]*))*\s*$/;

/** True for an Internet Media Type such as `text/plain; charset=utf-8` (attachment contentType). */
export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_TYPE.test(value);
}
