import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { authenticateApiClient } from '../identity/identity.api-clients.ts';
import { XAPI_VERSION } from '../../../lib/xapi/version-header.ts';
import { consistentThrough } from './records.consistency.ts';
import { documentHandlers } from './records.documents.handlers.ts';
import { statementHandlers } from './records.statements.handlers.ts';
import { mediaType, xapiInvalid, type XapiHandler, type XapiRequest, type XapiResponse } from './records.xapi-request.ts';

export interface RecordsRoutesOptions {
  db: Db;
  /** The node's public URL (authority Agents' account.homePage). */
  publicUrl: string;
  /** Largest request body (statements with attachments). */
  bodyLimit?: number;
}

type Method = XapiRequest['method'];

/** Form fields that the alternate request syntax carries instead of headers (Communication 1.3.s3.b7). */
const HEADER_FIELDS = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);

/**
 * The learning record store at /xapi/ (xAPI 1.0.3). The resources answer through handlers that take an
 * XapiRequest; this plugin reads raw bodies (JSON, multipart/mixed, forms are all parsed by the
 * handlers), unfolds the alternate request syntax, puts X-Experience-API-Version on every answer and
 * sends the XapiResponse.
 */
export const recordsRoutes: FastifyPluginAsync<RecordsRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.bodyLimit ?? 32 * 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-experience-api-version', XAPI_VERSION);
    // Every answer of the Statement resource carries it, errors included (Communication 2.1.3.s2.b5).
    if (request.url.startsWith('/xapi/statements') && !reply.hasHeader('x-experience-api-consistent-through')) {
      reply.header('x-experience-api-consistent-through', consistentThrough());
    }
  });

  const statements = statementHandlers({ db, homePage: opts.publicUrl });
  const documents = documentHandlers({ db });
  const resources: Record<string, Partial<Record<Method, XapiHandler>>> = {
    '/xapi/statements': statements,
    '/xapi/activities/state': documents.state,
    '/xapi/activities/profile': documents.activityProfile,
    '/xapi/agents/profile': documents.agentProfile,
    '/xapi/activities': documents.activities,
    '/xapi/agents': documents.agents,
    '/xapi/about': documents.about,
  };

  for (const [url, handlers] of Object.entries(resources)) {
    const methods = Object.keys(handlers) as Method[];
    app.route({
      method: methods.includes('POST') ? methods : [...methods, 'POST'],
      url,
      schema: { hide: true },
      handler: async (request, reply) => {
        let xapiRequest = toXapiRequest(request);
        if (request.method === 'POST' && request.query && typeof (request.query as Record<string, unknown>).method === 'string') {
          xapiRequest = await unfoldAlternateSyntax(db, xapiRequest);
        } else if ('method' in (request.query as object)) {
          throw xapiInvalid([{ path: 'method', message: 'the alternate request syntax must be sent with POST' }], 'query');
        }
        const handler = handlers[xapiRequest.method === 'HEAD' ? 'GET' : xapiRequest.method];
        if (!handler) throw new AppError('ROUTE_NOT_FOUND', { detail: `${xapiRequest.method} is not supported on ${url}` });
        return send(reply, await handler(xapiRequest));
      },
    });
  }
};

function toXapiRequest(request: FastifyRequest): XapiRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return {
    method: request.method as Method,
    query: { ...(request.query as Record<string, string | string[]>) },
    headers,
    body: Buffer.isBuffer(request.body) ? request.body : undefined,
    actor: request.actor,
    path: request.url.split('?')[0],
  };
}

/**
 * `POST /xapi/statements?method=PUT` with an application/x-www-form-urlencoded body (Communication 1.3):
 * header fields and `content` come from the form, every other field is a parameter. Nothing else may be
 * in the query string. Credentials in the form are checked here, as the auth plugin only saw headers.
 */
async function unfoldAlternateSyntax(db: Db, request: XapiRequest): Promise<XapiRequest> {
  const method = String(request.query.method).toUpperCase();
  if (!['GET', 'PUT', 'POST', 'DELETE'].includes(method))
    throw xapiInvalid([{ path: 'method', message: 'must be GET, PUT, POST or DELETE' }], 'query');
  if (Object.keys(request.query).length !== 1) {
    throw xapiInvalid(
      [{ path: 'method', message: 'the alternate request syntax carries every other parameter in the form body' }],
      'query',
    );
  }
  if (mediaType(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    throw xapiInvalid(
      [{ path: 'Content-Type', message: 'the alternate request syntax needs an application/x-www-form-urlencoded body' }],
      'headers',
    );
  }
  const form = new URLSearchParams((request.body ?? Buffer.alloc(0)).toString('utf8'));
  const headers = { ...request.headers };
  const query: Record<string, string | string[]> = {};
  let content: string | undefined;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (HEADER_FIELDS.has(lower)) headers[lower] = value;
    else if (name === 'content') content = value;
    else if (query[name] === undefined) query[name] = value;
    else query[name] = [...[query[name]].flat(), value];
  }
  if ((method === 'PUT' || method === 'POST') && content === undefined) {
    throw xapiInvalid([{ path: 'content', message: 'the alternate request syntax sends the body as the form field "content"' }]);
  }
  if (content !== undefined && !form.has('Content-Type') && !form.has('content-type')) headers['content-type'] = 'application/json';
  if (content === undefined) delete headers['content-type'];
  let actor = request.actor;
  const basic = parseBasic(headers.authorization);
  if (basic && headers.authorization !== request.headers.authorization) {
    const client = await authenticateApiClient(db, basic.key, basic.secret);
    if (!client) throw new AppError('AUTH_REQUIRED', { headers: { 'www-authenticate': 'Basic realm="EduBridge"' } });
    actor = { ...client, requestId: request.actor?.requestId };
  }
  return {
    ...request,
    method: method as Method,
    query,
    headers,
    body: content === undefined ? undefined : Buffer.from(content, 'utf8'),
    actor,
  };
}

function parseBasic(header: string | undefined): { key: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i > 0 ? { key: decoded.slice(0, i), secret: decoded.slice(i + 1) } : null;
}

function send(reply: FastifyReply, response: XapiResponse) {
  reply.status(response.status);
  if (response.headers) reply.headers(response.headers);
  if (response.body === undefined) return reply.send();
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') return reply.send(response.body);
  if (!reply.hasHeader('content-type')) reply.header('content-type', 'application/json; charset=utf-8');
  return reply.send(JSON.stringify(response.body));
}
