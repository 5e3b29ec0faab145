import type { LanguageRange } from '../../../lib/xapi/accept-language.ts';
import { buildStatementsResponse, type AttachmentPart } from '../../../lib/xapi/attachment-parts.ts';
import { formatStatement, type StatementFormat } from '../../../lib/xapi/format-statement.ts';
import type { ActivityDefinition, Statement, StatementObject, StoredStatement, SubStatement } from '../../../lib/xapi/statement.types.ts';
import { encodeCursor } from './records.cursor.ts';
import type { XapiResponse } from './records.xapi-request.ts';

/**
 * Statements as the API answers them: a stored statement is already in its API shape (lib/xapi prepared
 * it), so presenting is applying `format` and choosing JSON or multipart/mixed.
 */
export function presentStatement(
  statement: StoredStatement,
  format: StatementFormat,
  languages: readonly LanguageRange[],
  definitions: ReadonlyMap<string, ActivityDefinition>,
): StoredStatement {
  if (format === 'exact') return statement;
  const formatted = formatStatement(statement, format, { languages, activityDefinition: (id) => definitions.get(id) });
  return format === 'ids' ? withoutDefaultActivityType(formatted) : formatted;
}

/**
 * `format=ids` keeps only the id of an Activity: `objectType: "Activity"` is the default and the ADL
 * conformance suite expects it left out (XAPI-00171), including inside a SubStatement.
 */
function withoutDefaultActivityType<T extends Statement | SubStatement>(statement: T): T {
  const strip = (o: StatementObject): StatementObject => {
    if (o.objectType === 'Activity') return { id: o.id };
    if (o.objectType === 'SubStatement') return withoutDefaultActivityType(o);
    return o;
  };
  return { ...statement, object: strip(statement.object) } as T;
}

/** The relative `more` IRL of a page (Data 2.5), or '' on the last page. */
export function moreLink(path: string, params: Record<string, string>, next: { stored: string; seq: number } | undefined): string {
  if (!next) return '';
  return `${path}?more=${encodeCursor({ params, stored: next.stored, seq: next.seq })}`;
}

/**
 * The response body: JSON, or — with `attachments=true` — multipart/mixed with the JSON first and each
 * attachment's data once (Communication 2.1.3.s2.b6).
 */
export function statementsResponse(
  json: unknown,
  attachments: boolean,
  parts: readonly AttachmentPart[],
  headers: Record<string, string>,
): XapiResponse {
  if (!attachments) return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: json };
  const { contentType, body } = buildStatementsResponse(json, parts);
  return { status: 200, headers: { ...headers, 'content-type': contentType }, body };
}
