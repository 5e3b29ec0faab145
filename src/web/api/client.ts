import type { ErrorCode, FieldProblem, ProblemDetails } from '../../shared/errors.ts';
import { ERROR_STATUS } from '../../shared/errors.ts';

/**
 * An API answer that was not 2xx, carrying the stable `code` from the problem+json body so the UI can show
 * `errors.<code>` from its own catalogue (docs/api.md, "Errors"). Network failures become `NETWORK`.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(code: ErrorCode | 'NETWORK', status: number, problem: ProblemDetails | null) {
    super(problem?.title ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.problem = problem;
  }

  /** Field or row problems of a VALIDATION_FAILED answer (empty otherwise). */
  get fieldProblems(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

/** Reads a cookie that the server made readable on purpose (only `eb_csrf`; the session cookie is httpOnly). */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** When an answer has no problem body (a proxy error, a 429 from a limiter), guess the code from the status. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'AUTH_REQUIRED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 412:
      return 'VERSION_CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 428:
      return 'PRECONDITION_REQUIRED';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST';
  }
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

let acceptLanguage = 'zh-Hans';

/** The UI language, sent as Accept-Language so problem `title`s match what the user reads. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON-serialised unless it is FormData (multipart uploads). */
  body?: unknown;
  /** Query parameters; empty strings, null and undefined are left out. */
  query?: Record<string, string | number | null | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the EduBridge API with the session cookie. Writes carry `X-CSRF-Token` from the `eb_csrf` cookie
 * (double-submit, docs/api.md "CSRF"). Answers 204 as `undefined`.
 *
 * @example const me = await api<Me>('/api/v1/me');
 * @example await api('/api/v1/users/42/unlock', { method: 'POST' });
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage,
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const csrf = readCookie('eb_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }

  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK', 0, null);
  }

  if (!response.ok) {
    let problem: ProblemDetails | null = null;
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // not JSON (a proxy's HTML error page): the status alone decides the code
    }
    const code = isKnownCode(problem?.code) ? problem.code : codeForStatus(response.status);
    throw new ApiError(code, response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
