/**
 * Building blocks shared by the statement validators: type checks that report null and wrong JSON
 * types (Data 2.2.s4.b1), unknown or wrongly cased keys (2.2.s4.b1.b5, b7), and the special data
 * types (language maps, extensions, IRIs, UUIDs, timestamps).
 *
 * Every check appends to an issue list and returns whether the value was usable, so one pass reports
 * every problem of a statement with its exact path.
 */
import { childPath, describeType, type XapiIssue } from './issues.ts';
import { isIri, isLanguageTag, isTimestamp, isUuid } from './formats.ts';

export type Issues = XapiIssue[];

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports `null` and wrong JSON types with one consistent message. */
export function wrongType(issues: Issues, path: string, expected: string, value: unknown): void {
  issues.push({
    path,
    message: value === null ? `must not be null (expected ${expected})` : `must be ${expected}, got ${describeType(value)}`,
  });
}

export function expectObject(issues: Issues, path: string, value: unknown, what: string): value is JsonObject {
  if (isPlainObject(value)) return true;
  wrongType(issues, path, what, value);
  return false;
}

/**
 * Refuses every key not in `allowed` (the spec lists all properties; LRSs reject extras, 2.2.s4.b8).
 * A key that differs only in case gets a hint, since keys are case-sensitive (2.2.s4.b1.b5).
 */
export function checkKeys(issues: Issues, path: string, object: JsonObject, allowed: ReadonlySet<string>, where: string): void {
  for (const key in object) {
    if (allowed.has(key)) continue;
    const lower = key.toLowerCase();
    let hint = '';
    for (const candidate of allowed) {
      if (candidate.toLowerCase() === lower) {
        hint = ` (keys are case-sensitive: did you mean "${candidate}"?)`;
        break;
      }
    }
    issues.push({ path: childPath(path, key), message: `is not a property of ${where}${hint}` });
  }
}

export function checkString(issues: Issues, path: string, value: unknown): value is string {
  if (typeof value === 'string') return true;
  wrongType(issues, path, 'a string', value);
  return false;
}

export function checkBoolean(issues: Issues, path: string, value: unknown): value is boolean {
  if (typeof value === 'boolean') return true;
  wrongType(issues, path, 'a boolean (true or false, not a string)', value);
  return false;
}

export function checkNumber(issues: Issues, path: string, value: unknown): value is number {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  wrongType(issues, path, 'a number (not a string)', value);
  return false;
}

export function checkIri(issues: Issues, path: string, value: unknown, kind = 'an IRI'): value is string {
  if (typeof value !== 'string') {
    wrongType(issues, path, `${kind} string`, value);
    return false;
  }
  if (isIri(value)) return true;
  issues.push({
    path,
    message: `must be ${kind} with a scheme, such as "http://example.com/path", got ${JSON.stringify(value)}`,
  });
  return false;
}

export function checkUuid(issues: Issues, path: string, value: unknown): value is string {
  if (typeof value !== 'string') {
    wrongType(issues, path, 'a UUID string', value);
    return false;
  }
  if (isUuid(value)) return true;
  issues.push({
    path,
    message: `must be a UUID in standard string form (8-4-4-4-12 hex digits), got ${JSON.stringify(value)}`,
  });
  return false;
}

export function checkTimestamp(issues: Issues, path: string, value: unknown): value is string {
  if (typeof value !== 'string') {
    wrongType(issues, path, 'an ISO 8601 timestamp string', value);
    return false;
  }
  if (isTimestamp(value)) return true;
  issues.push({
    path,
    message:
      'must be an ISO 8601 date and time with a time zone, such as "2024-09-01T08:30:00.000Z" ' +
      `or "2024-09-01T16:30:00+08:00" (the offset -00:00 is not allowed), got ${JSON.stringify(value)}`,
  });
  return false;
}

export function checkLanguageTag(issues: Issues, path: string, value: unknown): value is string {
  if (typeof value !== 'string') {
    wrongType(issues, path, 'an RFC 5646 language tag string', value);
    return false;
  }
  if (isLanguageTag(value)) return true;
  issues.push({
    path,
    message: `must be an RFC 5646 language tag such as "en-US" or "zh-Hant-HK", got ${JSON.stringify(value)}`,
  });
  return false;
}

/** A language map: RFC 5646 tags as keys, strings as values (Data 4.2). */
export function checkLanguageMap(issues: Issues, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    wrongType(issues, path, 'a language map (an object of language tag → text)', value);
    return;
  }
  for (const tag in value) {
    const entryPath = childPath(path, tag);
    if (!isLanguageTag(tag)) {
      issues.push({
        path: entryPath,
        message: `is not an RFC 5646 language tag (use keys such as "en-US" or "zh-Hans")`,
      });
    }
    checkString(issues, entryPath, value[tag]);
  }
}

/** Extensions: IRI keys (Data 4.1.s3.b1); values are never judged (4.1.s3.b2), null included. */
export function checkExtensions(issues: Issues, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    wrongType(issues, path, 'an extensions object (IRI → any value)', value);
    return;
  }
  for (const key in value) {
    if (!isIri(key)) {
      issues.push({
        path: childPath(path, key),
        message: 'extension keys must be IRIs with a scheme, such as "http://example.com/extensions/x"',
      });
    }
  }
}
