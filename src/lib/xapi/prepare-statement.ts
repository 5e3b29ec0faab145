/**
 * Normalisation of a validated statement before it is stored (Data 2.4.1, 2.4.6.2, 2.4.7–2.4.10):
 * the LRS assigns what the client left out and overwrites what only the LRS may set.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, Actor, Context, Statement, StoredStatement, SubStatement } from './statement.types.ts';

export interface PrepareOptions {
  /** When the LRS stores the statement; also the default timestamp (Data 2.4.7.s3.b2). */
  stored: Date;
  /** Who asserts the statement, from the request's credentials (Data 2.4.9.s3.b3–b4). */
  authority: Actor;
  /** Id source for statements sent without one; defaults to a random UUID v4. */
  newId?: () => string;
}

/**
 * Returns the statement as it will be stored: `id` assigned when missing, `stored` set (overwriting
 * any sent value, Data 2.4.8.s3.b2), `timestamp` defaulting to `stored` and rewritten in UTC with
 * millisecond precision (4.5.s1.b5–b7), `authority` set by the LRS, `version` defaulting to "1.0.0"
 * (2.4.10.s3.b3), and every contextActivities value turned into an array (2.4.6.2.s4.b3), in the
 * statement and in a SubStatement object. The input is not modified.
 *
 * @example
 * prepareStatementForStorage(validated, { stored: new Date(), authority: { mbox: 'mailto:lrs-client@example.edu' } })
 */
export function prepareStatementForStorage(statement: Statement, options: PrepareOptions): StoredStatement {
  const stored = options.stored.toISOString();
  const prepared: StoredStatement = {
    ...statement,
    id: statement.id ?? (options.newId ?? randomUUID)(),
    timestamp: statement.timestamp === undefined ? stored : toUtcTimestamp(statement.timestamp),
    stored,
    authority: options.authority,
    version: statement.version ?? '1.0.0',
  };
  if (statement.context) prepared.context = withArrayContextActivities(statement.context);
  if (statement.object.objectType === 'SubStatement' && statement.object.context) {
    const sub: SubStatement = { ...statement.object, context: withArrayContextActivities(statement.object.context) };
    prepared.object = sub;
  }
  return prepared;
}

/**
 * `2015-11-18T12:17:00+08:00` → `2015-11-18T04:17:00.000Z`: the same instant, in UTC (Data 4.5.s1.b6).
 * Precision beyond milliseconds is truncated, which the spec allows (4.5.s1.b7).
 */
export function toUtcTimestamp(timestamp: string): string {
  return new Date(Date.parse(timestamp)).toISOString();
}

/** A context whose contextActivities values are all arrays; the same object when they already are. */
export function withArrayContextActivities(context: Context): Context {
  const activities = context.contextActivities;
  if (!activities) return context;
  let changed = false;
  const normalised: Record<string, Activity[]> = {};
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const value = activities[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) normalised[key] = value;
    else {
      normalised[key] = [value];
      changed = true;
    }
  }
  return changed ? { ...context, contextActivities: normalised } : context;
}
