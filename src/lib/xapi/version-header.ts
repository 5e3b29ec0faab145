/**
 * The X-Experience-API-Version header (Communication 3.3).
 */
import type { XapiResult } from './issues.ts';

/** The version this LRS implements; every response carries it (3.3.s3.b1–b2). */
export const XAPI_VERSION = '1.0.3';

/**
 * Checks a request's X-Experience-API-Version. Accepts `1.0` (read as `1.0.0`) and any `1.0.x`;
 * refuses a missing header, versions before 1.0.0 (0.9, 0.95), `1.1.0` and later, and anything that
 * is not a version (3.3.s3.b3–b8: answer 400 with a short description). The About resource is the
 * one exception to "header required" and should not call this.
 *
 * @example parseXapiVersion('1.0.3') // { ok: true, value: '1.0.3' }
 * @example parseXapiVersion('1.0')   // { ok: true, value: '1.0.0' }
 * @example parseXapiVersion('1.1.0') // { ok: false, issues: [...] }
 */
export function parseXapiVersion(header: string | readonly string[] | undefined): XapiResult<string> {
  const fail = (message: string): XapiResult<string> => ({
    ok: false,
    issues: [{ path: 'X-Experience-API-Version', message }],
  });
  if (header === undefined) return fail(`is required; this LRS speaks xAPI ${XAPI_VERSION}`);
  if (typeof header !== 'string') {
    if (header.length !== 1) return fail('must be given once');
    header = header[0];
  }
  const value = header.trim();
  if (value === '1.0') return { ok: true, value: '1.0.0' };
  if (/^1\.0\.\d+$/.test(value)) return { ok: true, value };
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return fail(`must be a version such as "${XAPI_VERSION}", got ${JSON.stringify(value)}`);
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < 1) return fail(`${value} is older than 1.0.0 and is not supported; use ${XAPI_VERSION}`);
  return fail(`${value} is not supported (${major}.${minor} is newer than 1.0); use ${XAPI_VERSION}`);
}
