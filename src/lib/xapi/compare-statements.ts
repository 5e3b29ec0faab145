/**
 * Statement comparison (Data 2.3.1, "Statement Comparison Requirements"): differences that the
 * immutability exceptions could explain MUST be ignored, every other difference MUST count.
 *
 * Used for "same id, same content → 204, different → 409" (Communication 2.1.1) and for checking a
 * JWS payload against the statement it signs (Data 2.6.s5.b3).
 *
 * Ignored (exceptions 2.3.1.b1–b7):
 * - properties the LRS assigns: `stored`, `authority`, `version`; `id` and `timestamp` when only one
 *   side has them; a timestamp's serialisation (compared as an instant, to the millisecond);
 * - Activity definitions (only the Activity id counts) and the Verb's `display`;
 * - the order of Group members; `attachments`;
 * - case of case-insensitive values: UUIDs, mbox scheme and domain, mbox_sha1sum hex;
 * - a contextActivities value sent as one Activity instead of an array of one;
 * - an omitted `objectType` where it defaults (Agent actor, Activity object).
 * Result duration is compared as a string (2.3.1.b8), beyond 0.01 s precision ignored (4.6.s1.b5).
 */
import { normaliseMbox } from './agent-key.ts';
import type { Actor, Context, Result, Statement, StatementObject } from './statement.types.ts';

/**
 * True when two statements are the same statement under the comparison rules.
 * @example statementsEquivalent(storedCopy, resent) // true → 204 No Content; false → 409 Conflict
 */
export function statementsEquivalent(a: Statement, b: Statement): boolean {
  const left = comparableStatement(a);
  const right = comparableStatement(b);
  if (a.id !== undefined && b.id !== undefined && a.id.toLowerCase() !== b.id.toLowerCase()) return false;
  if (a.timestamp !== undefined && b.timestamp !== undefined && !sameInstant(a.timestamp, b.timestamp)) return false;
  return stableStringify(left) === stableStringify(right);
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

type Comparable = Record<string, unknown>;

function comparableStatement(s: Statement | Extract<StatementObject, { objectType: 'SubStatement' }>): Comparable {
  const out: Comparable = {
    actor: comparableActor(s.actor),
    verb: s.verb.id,
    object: comparableObject(s.object),
  };
  if (s.result) out.result = comparableResult(s.result);
  if (s.context) out.context = comparableContext(s.context);
  if ('objectType' in s) {
    // A SubStatement's timestamp is compared here; a statement's is compared by the caller.
    if (s.timestamp !== undefined) out.timestamp = Date.parse(s.timestamp);
  }
  return out;
}

function comparableActor(actor: Actor): Comparable {
  const out: Comparable = { objectType: actor.objectType ?? 'Agent' };
  if (actor.name !== undefined) out.name = actor.name;
  if (actor.mbox !== undefined) out.mbox = normaliseMbox(actor.mbox);
  if (actor.mbox_sha1sum !== undefined) out.mbox_sha1sum = actor.mbox_sha1sum.toLowerCase();
  if (actor.openid !== undefined) out.openid = actor.openid;
  if (actor.account !== undefined) out.account = { homePage: actor.account.homePage, name: actor.account.name };
  if (actor.objectType === 'Group' && actor.member !== undefined) {
    out.member = actor.member.map((m) => stableStringify(comparableActor(m))).sort();
  }
  return out;
}

function comparableObject(object: StatementObject): unknown {
  switch (object.objectType) {
    case 'Agent':
    case 'Group':
      return comparableActor(object);
    case 'StatementRef':
      return { objectType: 'StatementRef', id: object.id.toLowerCase() };
    case 'SubStatement':
      return { objectType: 'SubStatement', ...comparableStatement(object) };
    default:
      return { objectType: 'Activity', id: object.id };
  }
}

function comparableResult(result: Result): Comparable {
  const out: Comparable = { ...result };
  if (result.duration !== undefined) out.duration = truncateDuration(result.duration);
  return out;
}

/** `PT1.2345S` → `PT1.23S`: precision beyond 0.01 s is not compared (Data 4.6.s1.b5). */
function truncateDuration(duration: string): string {
  return duration.replace(/(\d+)[.,](\d+)S$/, (_, whole: string, fraction: string) => {
    const kept = fraction.slice(0, 2).replace(/0+$/, '');
    return kept ? `${whole}.${kept}S` : `${whole}S`;
  });
}

function comparableContext(context: Context): Comparable {
  const out: Comparable = { ...context };
  if (context.registration !== undefined) out.registration = context.registration.toLowerCase();
  if (context.instructor) out.instructor = comparableActor(context.instructor);
  if (context.team) out.team = comparableActor(context.team);
  if (context.statement) out.statement = { objectType: 'StatementRef', id: context.statement.id.toLowerCase() };
  if (context.contextActivities) {
    const groups: Comparable = {};
    for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
      const value = context.contextActivities[key];
      if (value === undefined) continue;
      groups[key] = (Array.isArray(value) ? value : [value]).map((activity) => activity.id);
    }
    out.contextActivities = groups;
  }
  return out;
}

/** JSON with object keys sorted, so key order never counts as a difference. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
