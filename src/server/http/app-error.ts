import { ERROR_STATUS, type ErrorCode, type FieldProblem } from '../../shared/errors.ts';

/**
 * The one error type services throw. The HTTP layer maps `code` to a status and a translated
 * problem+json answer (errors.plugin.ts); services never pick status codes themselves.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldProblem[];
  readonly detail?: string;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, opts: { detail?: string; errors?: FieldProblem[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(opts.detail ?? code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.errors = opts.errors;
    this.detail = opts.detail;
    this.headers = opts.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
