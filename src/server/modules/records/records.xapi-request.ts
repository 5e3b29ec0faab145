import type { Actor } from '../identity/identity.access.ts';
import { AppError } from '../../http/app-error.ts';
import type { XapiIssue } from '../../../lib/xapi/issues.ts';
import { parseXapiVersion } from '../../../lib/xapi/version-header.ts';

/**
 * One xAPI request, after the alternate request syntax (Communication 1.3) has been unfolded: the same
 * shape whether the client sent `PUT /xapi/statements?statementId=…` or `POST …?method=PUT` with a form.
 * Handlers take this and answer an XapiResponse; the plugin in records.routes.ts does the HTTP part.
 */
export interface XapiRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Query parameters as sent (names are case-sensitive in xAPI). */
  query: Record<string, string | string[] | undefined>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** The raw body, or undefined when none was sent. */
  body: Buffer | undefined;
  actor: Actor | null;
  /** Accept-Language etc. come through `headers`; `path` is for the `more` link. */
  path: string;
}

export interface XapiResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a Buffer or string as is (set content-type in `headers`). */
  body?: unknown;
}

export type XapiHandler = (request: XapiRequest) => Promise<XapiResponse>;

/**
 * 400 with every issue from a lib/xapi parser as a field problem, so the client sees what to fix.
 * @example if (!valid.ok) throw xapiInvalid(valid.issues);
 */
export function xapiInvalid(issues: readonly XapiIssue[], path = 'body'): AppError {
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('; ');
  return new AppError('XAPI_REQUEST_INVALID', {
    detail: issues.length > 3 ? `${summary}; and ${issues.length - 3} more` : summary,
    errors: issues.map((i) => ({
      path: i.path ? `${path}${i.path.startsWith('[') ? '' : '.'}${i.path}` : path,
      code: 'xapi',
      message: i.message,
    })),
  });
}

/** A 400 for one parameter, in the same shape. */
export function xapiBadParameter(name: string, message: string): AppError {
  return xapiInvalid([{ path: name, message }], 'query');
}

/** Checks X-Experience-API-Version (every resource but About); 400 when missing or unsupported. */
export function requireXapiVersion(request: XapiRequest): string {
  const version = parseXapiVersion(request.headers['x-experience-api-version']);
  if (!version.ok) throw xapiInvalid(version.issues, 'headers');
  return version.value;
}

/** One query parameter as a single string; 400 if repeated. */
export function single(request: XapiRequest, name: string): string | undefined {
  const value = request.query[name];
  if (value === undefined || typeof value === 'string') return value;
  if (value.length === 1) return value[0];
  throw xapiBadParameter(name, 'must be given once');
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The body parsed as JSON, or a 400 that says so. */
export function jsonBody(request: XapiRequest): unknown {
  if (!request.body || request.body.length === 0) throw xapiInvalid([{ path: '', message: 'a JSON body is required' }]);
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw xapiInvalid([{ path: '', message: 'is not valid JSON' }]);
  }
}

/** The authenticated caller, or 401 with the Basic challenge xAPI clients expect (Communication 4). */
export function xapiActor(request: XapiRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', { headers: { 'www-authenticate': 'Basic realm="EduBridge xAPI"' } });
  return request.actor;
}
