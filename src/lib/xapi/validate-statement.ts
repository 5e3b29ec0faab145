/**
 * Statement validation for an xAPI 1.0.3 LRS: every MUST the Data part places on statements,
 * reported as `{ path, message }` issues so the HTTP layer can answer 400 with all of them.
 *
 * Hand-written rather than a zod schema: the rules cross properties (exactly one IFI, component lists
 * by interactionType, revision only with an Activity object, SubStatement restrictions) and ingest
 * runs it on every statement, so one allocation-light pass with exact paths is the better fit.
 */
import { childPath, indexPath, type XapiIssue, type XapiResult } from './issues.ts';
import { isDuration, isMediaType, isSha2Hex, isStatementVersion } from './formats.ts';
import {
  checkBoolean,
  checkExtensions,
  checkIri,
  checkKeys,
  checkLanguageMap,
  checkLanguageTag,
  checkNumber,
  checkString,
  checkTimestamp,
  checkUuid,
  expectObject,
  isPlainObject,
  wrongType,
  type Issues,
  type JsonObject,
} from './validate-common.ts';
import { checkActor, checkAgent, checkAuthority, checkGroup } from './validate-actor.ts';
import { checkActivity } from './validate-activity.ts';
import { SIGNATURE_USAGE_TYPE, VOIDED_VERB_ID, type Statement } from './statement.types.ts';

const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
]);
const SUBSTATEMENT_KEYS: ReadonlySet<string> = new Set([
  'objectType',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'attachments',
]);
const SUBSTATEMENT_FORBIDDEN = ['id', 'stored', 'version', 'authority'] as const;
const VERB_KEYS: ReadonlySet<string> = new Set(['id', 'display']);
const STATEMENT_REF_KEYS: ReadonlySet<string> = new Set(['objectType', 'id']);
const RESULT_KEYS: ReadonlySet<string> = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const SCORE_KEYS: ReadonlySet<string> = new Set(['scaled', 'raw', 'min', 'max']);
const CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
]);
const CONTEXT_ACTIVITY_KEYS: ReadonlySet<string> = new Set(['parent', 'grouping', 'category', 'other']);
const ATTACHMENT_KEYS: ReadonlySet<string> = new Set(['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'SubStatement', 'StatementRef'];

/**
 * Validates one statement as received by PUT or POST /statements.
 *
 * Why: the LRS must refuse the whole request with 400 when any statement breaks a MUST
 * (Data 2.2.s4); collecting every issue lets a client fix its data in one round trip.
 *
 * @example
 * const r = validateStatement(JSON.parse(body));
 * if (!r.ok) return reply.code(400).send({ errors: r.issues });
 * store(r.value);
 */
export function validateStatement(input: unknown, path = ''): XapiResult<Statement> {
  const issues: XapiIssue[] = [];
  checkStatement(issues, path, input, false);
  return issues.length === 0 ? { ok: true, value: input as Statement } : { ok: false, issues };
}

/**
 * Validates the body of POST /statements: one statement or an array of them (Communication 2.1.2).
 * Paths of an array body start with the index: `[3].actor.mbox`.
 *
 * @example validateStatements([s1, s2]) // { ok: true, value: [s1, s2] }
 */
export function validateStatements(input: unknown): XapiResult<Statement[]> {
  if (!Array.isArray(input)) {
    const one = validateStatement(input);
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  const issues: XapiIssue[] = [];
  input.forEach((statement, i) => checkStatement(issues, indexPath('', i), statement, false));
  return issues.length === 0 ? { ok: true, value: input as Statement[] } : { ok: false, issues };
}

function checkStatement(issues: Issues, path: string, value: unknown, isSub: boolean): void {
  const what = isSub ? 'a SubStatement' : 'a Statement';
  if (!expectObject(issues, path, value, `${what} object`)) return;

  if (isSub) {
    for (const key of SUBSTATEMENT_FORBIDDEN) {
      if (value[key] !== undefined) {
        issues.push({ path: childPath(path, key), message: `is not allowed in a SubStatement (Data 2.4.4.3.s8.b3)` });
      }
    }
    const rest: JsonObject = {};
    for (const key in value) if (!(SUBSTATEMENT_FORBIDDEN as readonly string[]).includes(key)) rest[key] = value[key];
    checkKeys(issues, path, rest, SUBSTATEMENT_KEYS, what);
  } else {
    checkKeys(issues, path, value, STATEMENT_KEYS, what);
    if (value.id !== undefined) checkUuid(issues, childPath(path, 'id'), value.id);
    if (value.stored !== undefined) checkTimestamp(issues, childPath(path, 'stored'), value.stored);
    if (value.authority !== undefined) checkAuthority(issues, childPath(path, 'authority'), value.authority);
    if (value.version !== undefined) checkVersion(issues, childPath(path, 'version'), value.version);
  }

  for (const required of ['actor', 'verb', 'object'] as const) {
    if (value[required] === undefined) {
      issues.push({ path: childPath(path, required), message: `is required in ${what}` });
    }
  }
  if (value.actor !== undefined) checkActor(issues, childPath(path, 'actor'), value.actor);
  if (value.verb !== undefined) checkVerb(issues, childPath(path, 'verb'), value.verb);
  if (value.object !== undefined) {
    checkObject(issues, childPath(path, 'object'), value.object, isSub);
    if (isPlainObject(value.verb) && value.verb.id === VOIDED_VERB_ID && !isStatementRef(value.object)) {
      issues.push({
        path: childPath(childPath(path, 'object'), 'objectType'),
        message: 'a voiding statement (verb "http://adlnet.gov/expapi/verbs/voided") must have a StatementRef object (Data 2.3.2)',
      });
    }
  }
  if (value.result !== undefined) checkResult(issues, childPath(path, 'result'), value.result);
  if (value.context !== undefined) checkContext(issues, childPath(path, 'context'), value.context, value.object);
  if (value.timestamp !== undefined) checkTimestamp(issues, childPath(path, 'timestamp'), value.timestamp);
  if (value.attachments !== undefined) checkAttachments(issues, childPath(path, 'attachments'), value.attachments);
}

function isStatementRef(object: unknown): boolean {
  return isPlainObject(object) && object.objectType === 'StatementRef';
}

function checkVersion(issues: Issues, path: string, value: unknown): void {
  if (typeof value !== 'string') wrongType(issues, path, 'a version string such as "1.0.0"', value);
  else if (!isStatementVersion(value)) {
    issues.push({ path, message: `must be "1.0" or start with "1.0." (Data 2.4.10), got ${JSON.stringify(value)}` });
  }
}

function checkVerb(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a Verb object')) return;
  checkKeys(issues, path, value, VERB_KEYS, 'a Verb');
  if (value.id === undefined) issues.push({ path: childPath(path, 'id'), message: 'is required (the IRI of the Verb)' });
  else checkIri(issues, childPath(path, 'id'), value.id);
  if (value.display !== undefined) checkLanguageMap(issues, childPath(path, 'display'), value.display);
}

function checkObject(issues: Issues, path: string, value: unknown, insideSub: boolean): void {
  if (!expectObject(issues, path, value, 'an object (Activity, Agent, Group, SubStatement or StatementRef)')) return;
  switch (value.objectType) {
    case undefined:
    case 'Activity':
      checkActivity(issues, path, value);
      return;
    case 'Agent':
      checkAgent(issues, path, value, true);
      return;
    case 'Group':
      checkGroup(issues, path, value);
      return;
    case 'StatementRef':
      checkStatementRef(issues, path, value);
      return;
    case 'SubStatement':
      if (insideSub) {
        issues.push({
          path: childPath(path, 'objectType'),
          message: 'a SubStatement must not contain another SubStatement (Data 2.4.4.3.s8.b4)',
        });
        return;
      }
      checkStatement(issues, path, value, true);
      return;
    default:
      issues.push({
        path: childPath(path, 'objectType'),
        message: `must be one of ${OBJECT_TYPES.join(', ')} (exact case), got ${JSON.stringify(value.objectType)}`,
      });
  }
}

function checkStatementRef(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a StatementRef object')) return;
  checkKeys(issues, path, value, STATEMENT_REF_KEYS, 'a StatementRef');
  if (value.objectType !== 'StatementRef') {
    issues.push({ path: childPath(path, 'objectType'), message: 'must be "StatementRef"' });
  }
  if (value.id === undefined) issues.push({ path: childPath(path, 'id'), message: 'is required (the UUID of the referenced statement)' });
  else checkUuid(issues, childPath(path, 'id'), value.id);
}

function checkResult(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a Result object')) return;
  checkKeys(issues, path, value, RESULT_KEYS, 'a Result');
  if (value.score !== undefined) checkScore(issues, childPath(path, 'score'), value.score);
  if (value.success !== undefined) checkBoolean(issues, childPath(path, 'success'), value.success);
  if (value.completion !== undefined) checkBoolean(issues, childPath(path, 'completion'), value.completion);
  if (value.response !== undefined) checkString(issues, childPath(path, 'response'), value.response);
  if (value.duration !== undefined) {
    const durationPath = childPath(path, 'duration');
    if (typeof value.duration !== 'string') wrongType(issues, durationPath, 'an ISO 8601 duration string', value.duration);
    else if (!isDuration(value.duration)) {
      issues.push({
        path: durationPath,
        message: `must be an ISO 8601 duration such as "PT1H30M" or "P3DT4H" (Data 4.6), got ${JSON.stringify(value.duration)}`,
      });
    }
  }
  if (value.extensions !== undefined) checkExtensions(issues, childPath(path, 'extensions'), value.extensions);
}

function checkScore(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a Score object')) return;
  checkKeys(issues, path, value, SCORE_KEYS, 'a Score');
  const ok = (key: string) => value[key] !== undefined && checkNumber(issues, childPath(path, key), value[key]);
  const scaled = ok('scaled') ? (value.scaled as number) : undefined;
  const raw = ok('raw') ? (value.raw as number) : undefined;
  const min = ok('min') ? (value.min as number) : undefined;
  const max = ok('max') ? (value.max as number) : undefined;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    issues.push({ path: childPath(path, 'scaled'), message: `must be between -1 and 1 inclusive, got ${scaled}` });
  }
  if (min !== undefined && max !== undefined && min > max) {
    issues.push({ path: childPath(path, 'min'), message: `must not be greater than max (${min} > ${max})` });
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    issues.push({ path: childPath(path, 'raw'), message: `must not be less than min (${raw} < ${min})` });
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    issues.push({ path: childPath(path, 'raw'), message: `must not be greater than max (${raw} > ${max})` });
  }
}

function checkContext(issues: Issues, path: string, value: unknown, object: unknown): void {
  if (!expectObject(issues, path, value, 'a Context object')) return;
  checkKeys(issues, path, value, CONTEXT_KEYS, 'a Context');
  if (value.registration !== undefined) checkUuid(issues, childPath(path, 'registration'), value.registration);
  if (value.instructor !== undefined) checkActor(issues, childPath(path, 'instructor'), value.instructor);
  if (value.team !== undefined) {
    const teamPath = childPath(path, 'team');
    if (isPlainObject(value.team) && value.team.objectType !== 'Group') {
      issues.push({ path: childPath(teamPath, 'objectType'), message: 'must be "Group": a team is a Group (Data 2.4.6)' });
    } else checkGroup(issues, teamPath, value.team);
  }
  if (value.contextActivities !== undefined) {
    checkContextActivities(issues, childPath(path, 'contextActivities'), value.contextActivities);
  }
  const objectIsActivity = isPlainObject(object) && (object.objectType === undefined || object.objectType === 'Activity');
  for (const key of ['revision', 'platform'] as const) {
    if (value[key] === undefined) continue;
    checkString(issues, childPath(path, key), value[key]);
    if (!objectIsActivity) {
      issues.push({ path: childPath(path, key), message: `may only be used when the statement's object is an Activity (Data 2.4.6.s4)` });
    }
  }
  if (value.language !== undefined) checkLanguageTag(issues, childPath(path, 'language'), value.language);
  if (value.statement !== undefined) checkStatementRef(issues, childPath(path, 'statement'), value.statement);
  if (value.extensions !== undefined) checkExtensions(issues, childPath(path, 'extensions'), value.extensions);
}

function checkContextActivities(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'a contextActivities object (parent, grouping, category, other)')) return;
  checkKeys(issues, path, value, CONTEXT_ACTIVITY_KEYS, 'contextActivities');
  for (const key of CONTEXT_ACTIVITY_KEYS) {
    const entry = value[key];
    if (entry === undefined) continue;
    const entryPath = childPath(path, key);
    if (Array.isArray(entry)) entry.forEach((activity, i) => checkActivity(issues, indexPath(entryPath, i), activity));
    else if (isPlainObject(entry)) checkActivity(issues, entryPath, entry);
    else wrongType(issues, entryPath, 'an Activity or an array of Activities', entry);
  }
}

function checkAttachments(issues: Issues, path: string, value: unknown): void {
  if (!Array.isArray(value)) {
    wrongType(issues, path, 'an array of Attachment objects', value);
    return;
  }
  value.forEach((attachment, i) => checkAttachment(issues, indexPath(path, i), attachment));
}

function checkAttachment(issues: Issues, path: string, value: unknown): void {
  if (!expectObject(issues, path, value, 'an Attachment object')) return;
  checkKeys(issues, path, value, ATTACHMENT_KEYS, 'an Attachment');
  for (const required of ['usageType', 'display', 'contentType', 'length', 'sha2'] as const) {
    if (value[required] === undefined) issues.push({ path: childPath(path, required), message: 'is required in an Attachment' });
  }
  if (value.usageType !== undefined) checkIri(issues, childPath(path, 'usageType'), value.usageType);
  if (value.display !== undefined) checkLanguageMap(issues, childPath(path, 'display'), value.display);
  if (value.description !== undefined) checkLanguageMap(issues, childPath(path, 'description'), value.description);
  if (value.contentType !== undefined) {
    const typePath = childPath(path, 'contentType');
    if (typeof value.contentType !== 'string') wrongType(issues, typePath, 'an Internet Media Type string', value.contentType);
    else if (!isMediaType(value.contentType)) {
      issues.push({
        path: typePath,
        message: `must be an Internet Media Type such as "image/png", got ${JSON.stringify(value.contentType)}`,
      });
    } else if (value.usageType === SIGNATURE_USAGE_TYPE && mediaTypeEssence(value.contentType) !== 'application/octet-stream') {
      issues.push({ path: typePath, message: 'a signature attachment must have contentType "application/octet-stream" (Data 2.6.s4.b1)' });
    }
  }
  if (value.length !== undefined) {
    const lengthPath = childPath(path, 'length');
    if (typeof value.length !== 'number' || !Number.isInteger(value.length)) {
      wrongType(issues, lengthPath, 'an integer number of octets', value.length);
    } else if (value.length < 0) issues.push({ path: lengthPath, message: 'must not be negative' });
  }
  if (value.sha2 !== undefined) {
    const shaPath = childPath(path, 'sha2');
    if (typeof value.sha2 !== 'string') wrongType(issues, shaPath, 'a hex SHA-2 string', value.sha2);
    else if (!isSha2Hex(value.sha2))
      issues.push({ path: shaPath, message: 'must be the hex SHA-2 (e.g. SHA-256: 64 hex digits) of the attachment data' });
  }
  if (value.fileUrl !== undefined) checkIri(issues, childPath(path, 'fileUrl'), value.fileUrl, 'an IRL');
}

/** `Text/Plain; charset=x` → `text/plain`. */
export function mediaTypeEssence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}
