/**
 * Parameters of GET /statements (Communication 2.1.3) parsed into a typed filter, validated to the
 * same standards as statement values (Data 2.2.s4.b4). Unknown or wrongly cased parameters are
 * refused (Communication 3.2.s2.b1, 3.2.s3.b8).
 */
import { agentKey } from './agent-key.ts';
import { isIri, isTimestamp, isUuid } from './formats.ts';
import type { XapiIssue, XapiResult } from './issues.ts';
import type { StatementFormat } from './format-statement.ts';
import type { Agent, Group } from './statement.types.ts';
import { checkActor } from './validate-actor.ts';
import { isPlainObject } from './validate-common.ts';

export type StatementQuery = SingleStatementQuery | StatementListQuery;

/** statementId or voidedStatementId: one statement, or 404. */
export interface SingleStatementQuery {
  kind: 'single';
  statementId: string;
  /** True for voidedStatementId: the statement must be voided; for statementId it must not be. */
  voided: boolean;
  format: StatementFormat;
  attachments: boolean;
}

export interface StatementListQuery {
  kind: 'list';
  agent?: Agent | Group;
  /** `agentKey(agent)`, ready for the index lookup. */
  agentKey?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedActivities: boolean;
  relatedAgents: boolean;
  /** Exclusive lower bound on `stored`, as given (ISO 8601). */
  since?: string;
  /** Inclusive upper bound on `stored`. */
  until?: string;
  /** 0 means "the server's maximum". */
  limit: number;
  format: StatementFormat;
  attachments: boolean;
  ascending: boolean;
}

export type QueryParams = Record<string, string | readonly string[] | undefined>;

const KNOWN = [
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
] as const;

export interface QueryOptions {
  /** Parameters the HTTP layer owns (e.g. a `more` cursor); accepted and otherwise ignored. */
  extraParameters?: readonly string[];
}

/**
 * Parses the query of GET /statements.
 *
 * Why: the LRS must answer 400 for contradictory or malformed parameters before touching the
 * database (Communication 2.1.3.s2.b1–b2, Data 2.2.s4.b4).
 *
 * @example
 * parseStatementQuery({ verb: 'http://adlnet.gov/expapi/verbs/completed', limit: '50' })
 * // { ok: true, value: { kind: 'list', verb: '…', limit: 50, format: 'exact', … } }
 */
export function parseStatementQuery(params: QueryParams, options: QueryOptions = {}): XapiResult<StatementQuery> {
  const issues: XapiIssue[] = [];
  const values: Record<string, string> = {};
  const known: ReadonlySet<string> = new Set<string>([...KNOWN, ...(options.extraParameters ?? [])]);

  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    if (!known.has(name)) {
      const match = KNOWN.find((k) => k.toLowerCase() === name.toLowerCase());
      issues.push({
        path: name,
        message: match
          ? `is not a parameter of GET /statements (names are case-sensitive: did you mean "${match}"?)`
          : 'is not a parameter of GET /statements',
      });
      continue;
    }
    if (typeof raw !== 'string') {
      if (raw.length !== 1) {
        issues.push({ path: name, message: 'must be given once' });
        continue;
      }
      values[name] = raw[0];
    } else values[name] = raw;
  }

  const format = parseFormat(issues, values.format);
  const attachments = parseBoolean(issues, 'attachments', values.attachments);

  const single =
    values.statementId !== undefined ? 'statementId' : values.voidedStatementId !== undefined ? 'voidedStatementId' : undefined;
  if (single) {
    if (values.statementId !== undefined && values.voidedStatementId !== undefined) {
      issues.push({ path: 'voidedStatementId', message: 'cannot be combined with statementId' });
    }
    for (const name of Object.keys(values)) {
      if (
        name !== 'statementId' &&
        name !== 'voidedStatementId' &&
        name !== 'format' &&
        name !== 'attachments' &&
        !(options.extraParameters ?? []).includes(name)
      ) {
        issues.push({ path: name, message: `cannot be combined with ${single} (only "format" and "attachments" can)` });
      }
    }
    const id = values[single];
    if (!isUuid(id)) issues.push({ path: single, message: `must be a UUID, got ${JSON.stringify(id)}` });
    if (issues.length) return { ok: false, issues };
    return { ok: true, value: { kind: 'single', statementId: id, voided: single === 'voidedStatementId', format, attachments } };
  }

  const query: StatementListQuery = {
    kind: 'list',
    relatedActivities: parseBoolean(issues, 'related_activities', values.related_activities),
    relatedAgents: parseBoolean(issues, 'related_agents', values.related_agents),
    limit: 0,
    format,
    attachments,
    ascending: parseBoolean(issues, 'ascending', values.ascending),
  };
  if (values.agent !== undefined) {
    const agent = parseAgentParameter(issues, 'agent', values.agent);
    if (agent) {
      query.agent = agent;
      query.agentKey = agentKey(agent);
    }
  }
  for (const name of ['verb', 'activity'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (isIri(value)) query[name] = value;
    else issues.push({ path: name, message: `must be an IRI with a scheme, got ${JSON.stringify(value)}` });
  }
  if (values.registration !== undefined) {
    if (isUuid(values.registration)) query.registration = values.registration;
    else issues.push({ path: 'registration', message: `must be a UUID, got ${JSON.stringify(values.registration)}` });
  }
  for (const name of ['since', 'until'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (isTimestamp(value)) query[name] = value;
    else issues.push({ path: name, message: `must be an ISO 8601 timestamp with a time zone, got ${JSON.stringify(value)}` });
  }
  if (values.limit !== undefined) {
    if (/^\d{1,9}$/.test(values.limit)) query.limit = Number(values.limit);
    else issues.push({ path: 'limit', message: `must be a non-negative integer, got ${JSON.stringify(values.limit)}` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: query };
}

function parseFormat(issues: XapiIssue[], value: string | undefined): StatementFormat {
  if (value === undefined) return 'exact';
  if (value === 'exact' || value === 'ids' || value === 'canonical') return value;
  issues.push({ path: 'format', message: `must be "exact", "ids" or "canonical", got ${JSON.stringify(value)}` });
  return 'exact';
}

function parseBoolean(issues: XapiIssue[], name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  issues.push({ path: name, message: `must be true or false, got ${JSON.stringify(value)}` });
  return false;
}

/**
 * Parses an `agent` parameter (JSON): an Agent or an identified Group, never an anonymous Group,
 * since an anonymous Group identifies nobody (Communication 2.1.3, 2.3, 2.4).
 * @example parseAgentParameter([], 'agent', '{"mbox":"mailto:xm@example.edu"}') // { mbox: … }
 */
export function parseAgentParameter(issues: XapiIssue[], name: string, raw: string): Agent | Group | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    issues.push({ path: name, message: 'must be an Agent as JSON, such as {"mbox":"mailto:name@example.com"}' });
    return undefined;
  }
  const before = issues.length;
  checkActor(issues, name, value);
  if (issues.length !== before) return undefined;
  const actor = value as Agent | Group;
  if (agentKey(actor) === undefined) {
    issues.push({ path: name, message: 'must identify one Agent or an identified Group (an anonymous Group identifies nobody)' });
    return undefined;
  }
  return isPlainObject(value) ? actor : undefined;
}
