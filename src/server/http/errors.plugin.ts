import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorCode, type FieldProblem, type ProblemDetails } from '../../shared/errors.ts';
import { AppError, isAppError } from './app-error.ts';
import { languageFromHeader, translate } from './i18n.ts';

/**
 * One place maps every failure to RFC 9457 problem+json with a stable code and a translated title.
 * Unknown failures are logged with the request id and answered as INTERNAL without internals.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else if (appError.status >= 500) request.log.warn({ err: error }, appError.code);
    return sendProblem(request, reply, appError);
  });
});

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = request.uiLanguage ?? languageFromHeader(request.headers['accept-language']);
  const body: ProblemDetails = {
    type: `https://edubridge.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: translate(lang, `errors.${error.code}`) ?? error.code,
    status: error.status,
    code: error.code,
    requestId: request.id,
  };
  if (error.detail) body.detail = error.detail;
  if (error.errors?.length) body.errors = error.errors;
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems: FieldProblem[] = error.validation.map((v) => ({
      path: [
        error.validationContext ?? 'body',
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      code: String(v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue ? v.params.issue.code : v.keyword),
      message: v.message ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', { errors: problems });
  }
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
    FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
    FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
    FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  };
  const mapped = error.code ? byFastifyCode[error.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', { cause: error });
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError('MALFORMED_REQUEST', { cause: error });
  }
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', { cause: error });
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
  // @fastify/static refuses dot-dot and double-slash paths with a bare 403/404 error: a refusal, not our fault.
  if (error.statusCode === 403) return new AppError('FORBIDDEN', { cause: error });
  if (error.statusCode === 404) return new AppError('ROUTE_NOT_FOUND', { cause: error });
  return new AppError('INTERNAL', { cause: error });
}

export { ERROR_STATUS };
