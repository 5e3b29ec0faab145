/**
 * Validation issues: where (a JSON path into the request body) and what, in plain English.
 * The HTTP layer returns them as the body of a 400 Bad Request.
 */

/** One reason a statement or parameter was refused, e.g. `{ path: 'actor.mbox', message: '…' }`. */
export interface XapiIssue {
  path: string;
  message: string;
}

/** Outcome of a parse: the trusted value, or every issue found. */
export type XapiResult<T> = { ok: true; value: T } | { ok: false; issues: XapiIssue[] };

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Path of a property: `actor.mbox`, or `display["en-US"]` when the key is not an identifier.
 * @example childPath('result.extensions', 'http://example.com/x') // 'result.extensions["http://example.com/x"]'
 */
export function childPath(path: string, key: string): string {
  if (PLAIN_KEY.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Path of an array element: `member[2]`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A short English name for the JSON type of a value, for messages ("got a number"). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
