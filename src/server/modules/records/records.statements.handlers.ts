import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { parseAcceptLanguage } from '../../../lib/xapi/accept-language.ts';
import { matchAttachmentParts, readMultipartStatementRequest, type AttachmentPart } from '../../../lib/xapi/attachment-parts.ts';
import { isUuid } from '../../../lib/xapi/formats.ts';
import { verifySignedStatements } from '../../../lib/xapi/signature.ts';
import { statementIndexKeys } from '../../../lib/xapi/statement-index.ts';
import { parseStatementQuery } from '../../../lib/xapi/statement-query.ts';
import type { Statement, StoredStatement } from '../../../lib/xapi/statement.types.ts';
import { validateStatement, validateStatements } from '../../../lib/xapi/validate-statement.ts';
import { consistentThrough } from './records.consistency.ts';
import { decodeCursor } from './records.cursor.ts';
import { recordsPolicy, requireLrsScope } from './records.policy.ts';
import { moreLink, presentStatement, statementsResponse } from './records.present.ts';
import { queryStatements } from './records.query.ts';
import { activityDefinitions, attachmentData, getStatement } from './records.statements.service.ts';
import { storeStatements } from './records.store.service.ts';
import {
  jsonBody,
  mediaType,
  requireXapiVersion,
  single,
  xapiBadParameter,
  xapiInvalid,
  type XapiHandler,
  type XapiRequest,
  xapiActor,
} from './records.xapi-request.ts';

export interface StatementHandlerDeps {
  db: Db;
  /** The node's public URL: the authority Agent's account.homePage. */
  homePage: string;
}

/**
 * The Statement Resource (Communication 2.1): PUT, POST and GET of /xapi/statements. Each handler
 * parses with lib/xapi, makes one service call and presents the answer.
 */
export function statementHandlers(deps: StatementHandlerDeps): { PUT: XapiHandler; POST: XapiHandler; GET: XapiHandler } {
  const { db, homePage } = deps;

  const PUT: XapiHandler = async (request) => {
    requireXapiVersion(request);
    const actor = xapiActor(request);
    onlyParameters(request, ['statementId']);
    const statementId = single(request, 'statementId');
    if (statementId === undefined) throw xapiBadParameter('statementId', 'is required on PUT (use POST to let the LRS assign ids)');
    if (!isUuid(statementId)) throw xapiBadParameter('statementId', `must be a UUID, got ${JSON.stringify(statementId)}`);
    const { json, parts } = readStatementBody(request);
    if (Array.isArray(json)) throw xapiInvalid([{ path: '', message: 'PUT takes one statement; POST an array' }]);
    const valid = validateStatement(json);
    if (!valid.ok) throw xapiInvalid(valid.issues);
    const statement = valid.value;
    if (statement.id !== undefined && statement.id.toLowerCase() !== statementId.toLowerCase()) {
      throw xapiInvalid([{ path: 'id', message: `differs from the statementId parameter (${statementId})` }]);
    }
    const withId: Statement = { ...statement, id: statement.id ?? statementId };
    const attachments = await checkAttachments([withId], parts);
    await storeStatements({ db, actor }, { statements: [withId], attachments, homePage });
    return { status: 204 };
  };

  const POST: XapiHandler = async (request) => {
    requireXapiVersion(request);
    const actor = xapiActor(request);
    onlyParameters(request, []);
    const { json, parts } = readStatementBody(request);
    const valid = validateStatements(json);
    if (!valid.ok) throw xapiInvalid(valid.issues);
    if (!valid.value.length) throw xapiInvalid([{ path: '', message: 'the array holds no statement' }]);
    const attachments = await checkAttachments(valid.value, parts);
    const ids = await storeStatements({ db, actor }, { statements: valid.value, attachments, homePage });
    return { status: 200, body: ids };
  };

  const GET: XapiHandler = async (request) => {
    requireXapiVersion(request);
    const actor = xapiActor(request);
    const tenant = requireLrsScope(actor, recordsPolicy.read);
    let params = request.query;
    let after: { stored: string; seq: number } | undefined;
    const more = single(request, 'more');
    if (more !== undefined) {
      if (Object.keys(request.query).length !== 1) throw xapiBadParameter('more', 'cannot be combined with other parameters');
      const cursor = decodeCursor(more);
      if (!cursor) throw xapiBadParameter('more', 'is not a link this LRS gave out');
      params = cursor.params;
      after = { stored: cursor.stored, seq: cursor.seq };
    }
    const parsed = parseStatementQuery(params);
    if (!parsed.ok) throw xapiInvalid(parsed.issues, 'query');
    const query = parsed.value;
    const languages = parseAcceptLanguage(request.headers['accept-language']);
    const headers: Record<string, string> = { 'x-experience-api-consistent-through': consistentThrough() };

    if (query.kind === 'single') {
      const found = await getStatement({ db, actor }, query.statementId);
      if (!found || found.voided !== query.voided) {
        throw new AppError('NOT_FOUND', { detail: query.voided ? 'no voided statement has this id' : 'no statement has this id' });
      }
      const definitions =
        query.format === 'canonical' ? await activityDefinitions(db, tenant, activityIdsOf([found.statement])) : new Map();
      const body = presentStatement(found.statement, query.format, languages, definitions);
      const parts = query.attachments ? await attachmentData(db, [found.statement]) : [];
      return statementsResponse(body, query.attachments, parts, { ...headers, 'last-modified': found.stored.toUTCString() });
    }

    const page = await queryStatements({ db, actor }, query, after);
    const definitions = query.format === 'canonical' ? await activityDefinitions(db, tenant, activityIdsOf(page.statements)) : new Map();
    const result = {
      statements: page.statements.map((s) => presentStatement(s, query.format, languages, definitions)),
      more: moreLink(request.path, stringParams(params), page.next),
    };
    const parts = query.attachments ? await attachmentData(db, page.statements) : [];
    return statementsResponse(result, query.attachments, parts, headers);
  };

  return { PUT, POST, GET };
}

/** Refuses parameters a write does not take (Communication 3.2: unknown parameters are a 400). */
function onlyParameters(request: XapiRequest, allowed: readonly string[]) {
  for (const name of Object.keys(request.query)) {
    if (!allowed.includes(name)) throw xapiBadParameter(name, 'is not a parameter of this request');
  }
}

/**
 * The statements JSON and attachment parts of a PUT/POST body: application/json, or multipart/mixed
 * with the statements first (Communication 1.5.2). Anything else is a 400.
 */
function readStatementBody(request: XapiRequest): { json: unknown; parts: AttachmentPart[] } {
  const type = mediaType(request.headers['content-type']);
  if (type === 'multipart/mixed') {
    const read = readMultipartStatementRequest(request.body ?? Buffer.alloc(0), request.headers['content-type']);
    if (!read.ok) throw xapiInvalid(read.issues);
    return { json: read.value.statements, parts: read.value.attachments };
  }
  if (type !== 'application/json' && type !== '') {
    throw xapiInvalid(
      [{ path: 'Content-Type', message: `must be application/json or multipart/mixed, got ${JSON.stringify(type)}` }],
      'headers',
    );
  }
  return { json: jsonBody(request), parts: [] };
}

/** Pairs parts with Attachment objects by sha2 and checks JWS signatures; 400 on any mismatch. */
async function checkAttachments(statements: Statement[], parts: AttachmentPart[]) {
  const matched = matchAttachmentParts(statements, parts);
  if (!matched.ok) throw xapiInvalid(matched.issues);
  const signatures = await verifySignedStatements(statements, matched.value);
  if (!signatures.ok) throw xapiInvalid(signatures.issues);
  return matched.value;
}

function activityIdsOf(statements: readonly StoredStatement[]): string[] {
  return [...new Set(statements.flatMap((s) => statementIndexKeys(s).relatedActivities))];
}

function stringParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string') out[k] = v;
  return out;
}
