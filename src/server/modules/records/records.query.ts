import { and, arrayContains, asc, desc, eq, gt, isNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { StatementListQuery } from '../../../lib/xapi/statement-query.ts';
import type { StoredStatement } from '../../../lib/xapi/statement.types.ts';
import { inTenant, recordsPolicy, requireLrsScope, type LrsTenant } from './records.policy.ts';
import { STATEMENT_KEY_KIND, xapiStatementKeys, xapiStatements, type StatementKeyKind } from './records.schema.ts';
import type { RecordsContext } from './records.statements.service.ts';

/** The most statements one page holds, whatever `limit` says (`limit=0` means this). */
export const XAPI_PAGE_MAX = 200;

export interface StatementPage {
  statements: StoredStatement[];
  /** Position of the last statement, when more follow. */
  next?: { stored: string; seq: number };
}

/**
 * GET /statements with filters (Communication 2.1.3): the caller's store only, voided statements left
 * out, ordered by `stored` (newest first unless `ascending`), at most `limit` (≤ XAPI_PAGE_MAX) after
 * the cursor. Statements that target a matching statement through a StatementRef are included too,
 * however deep the chain ("Filter Conditions for StatementRefs"); `since`/`until` apply to the
 * targeting statement, not to its target.
 *
 * @example
 * const page = await queryStatements({ db, actor }, parsed.value, cursor);
 */
export async function queryStatements(
  ctx: RecordsContext,
  query: StatementListQuery,
  after?: { stored: string; seq: number },
): Promise<StatementPage> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.read);
  const limit = query.limit === 0 ? XAPI_PAGE_MAX : Math.min(query.limit, XAPI_PAGE_MAX);
  const t = xapiStatements;
  const conditions = filterConditions(query);
  const filter = Object.values(conditions);
  const lookup = keyLookup(query);

  // The same window on stored order, on the table that drives the scan (the key table when a key filters).
  const window = (col: { stored: AnyColumn; seq: AnyColumn }): (SQL | undefined)[] => {
    const out: (SQL | undefined)[] = [];
    if (query.since) out.push(gt(col.stored, new Date(query.since)));
    if (query.until) out.push(lte(col.stored, new Date(query.until)));
    if (after) {
      const position = sql`(${col.stored}, ${col.seq})`;
      const cursor = sql`(${new Date(after.stored)}::timestamptz, ${after.seq}::bigint)`;
      out.push(query.ascending ? sql`${position} > ${cursor}` : sql`${position} < ${cursor}`);
    }
    return out;
  };
  const order = (col: { stored: AnyColumn; seq: AnyColumn }) =>
    query.ascending ? [asc(col.stored), asc(col.seq)] : [desc(col.stored), desc(col.seq)];
  const visible = [inTenant(t, tenant), eq(t.voided, false)];

  let rows: Row[];
  if (lookup) {
    // One ordered scan of the key table, stopping after a page however many statements share the key.
    const k = xapiStatementKeys;
    rows = await ctx.db
      .select({ seq: t.seq, stored: t.stored, statement: t.statement })
      .from(k)
      .innerJoin(t, eq(t.seq, k.seq))
      .where(
        and(
          ...keyOf(tenant, lookup.kind, lookup.key),
          ...window(k),
          ...visible,
          ...filter.filter((c) => c !== conditions[lookup.replaces]),
        ),
      )
      .orderBy(...order(k))
      .limit(limit + 1);
  } else {
    rows = await ctx.db
      .select({ seq: t.seq, stored: t.stored, statement: t.statement })
      .from(t)
      .where(and(...visible, ...window(t), ...filter))
      .orderBy(...order(t))
      .limit(limit + 1);
  }
  if (filter.length) {
    const targeting = await targetingStatements(ctx.db, tenant, and(...filter)!);
    if (targeting.length) {
      // Statements reaching a match through StatementRefs (few): a second page, merged in stored order.
      const extra = await ctx.db
        .select({ seq: t.seq, stored: t.stored, statement: t.statement })
        .from(t)
        .where(and(...visible, ...window(t), sql`${t.seq} = ANY(${sql.raw(`'{${targeting.join(',')}}'`)}::bigint[])`))
        .orderBy(...order(t))
        .limit(limit + 1);
      rows = mergePages(rows, extra, query.ascending).slice(0, limit + 1);
    }
  }

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    statements: page.map((r) => r.statement),
    next: rows.length > limit && last ? { stored: last.stored.toISOString(), seq: Number(last.seq) } : undefined,
  };
}

interface Row {
  seq: number;
  stored: Date;
  statement: StoredStatement;
}

/** Two pages in stored order merged into one, each statement once. */
function mergePages(a: Row[], b: Row[], ascending: boolean): Row[] {
  const bySeq = new Map<number, Row>();
  for (const r of [...a, ...b]) bySeq.set(Number(r.seq), r);
  const sign = ascending ? 1 : -1;
  return [...bySeq.values()].sort((x, y) => sign * (x.stored.getTime() - y.stored.getTime() || Number(x.seq) - Number(y.seq)));
}

/** The key-table conditions for one key of the caller's school (the join with statements applies the jurisdiction). */
export function keyOf(tenant: LrsTenant, kind: StatementKeyKind, key: string): SQL[] {
  const k = xapiStatementKeys;
  return [tenant.schoolId ? eq(k.schoolId, tenant.schoolId) : isNull(k.schoolId), eq(k.kind, kind), eq(k.key, key)];
}

/**
 * The key that drives the scan, when the query filters on one: the agent (usually the narrower) or else
 * the activity. `replaces` names the array condition the key table already applies.
 */
function keyLookup(query: StatementListQuery): { kind: StatementKeyKind; key: string; replaces: 'agent' | 'activity' } | undefined {
  if (query.agentKey) {
    const kind = query.relatedAgents ? STATEMENT_KEY_KIND.relatedAgent : STATEMENT_KEY_KIND.agent;
    return { kind, key: query.agentKey, replaces: 'agent' };
  }
  if (query.activity) {
    const kind = query.relatedActivities ? STATEMENT_KEY_KIND.relatedActivity : STATEMENT_KEY_KIND.activity;
    return { kind, key: query.activity, replaces: 'activity' };
  }
  return undefined;
}

/** The agent/verb/activity/registration filters, as conditions on a statement row. */
function filterConditions(query: StatementListQuery): Partial<Record<'agent' | 'verb' | 'activity' | 'registration', SQL>> {
  const t = xapiStatements;
  const out: Partial<Record<'agent' | 'verb' | 'activity' | 'registration', SQL>> = {};
  if (query.agentKey) out.agent = arrayContains(query.relatedAgents ? t.relatedAgents : t.agents, [query.agentKey]);
  if (query.verb) out.verb = eq(t.verbId, query.verb);
  if (query.activity) out.activity = arrayContains(query.relatedActivities ? t.relatedActivities : t.activities, [query.activity]);
  if (query.registration) out.registration = eq(t.registration, query.registration.toLowerCase());
  return out;
}

/**
 * `seq` of every statement in the store whose StatementRef chain reaches a statement matching `direct`.
 * Starts from the statements that hold a StatementRef (few: voids, comments, confirmations), so its cost
 * follows their number, not the store's size.
 */
async function targetingStatements(db: DbOrTx, tenant: LrsTenant, direct: SQL): Promise<string[]> {
  const t = xapiStatements;
  const tenantSql = (alias: string) =>
    tenant.schoolId
      ? sql`${sql.raw(alias)}.jurisdiction_id = ${tenant.jurisdictionId} and ${sql.raw(alias)}.school_id = ${tenant.schoolId}`
      : sql`${sql.raw(alias)}.jurisdiction_id = ${tenant.jurisdictionId} and ${sql.raw(alias)}.school_id is null`;
  // `direct` names columns of xapi_statements unqualified-by-alias; the final join keeps that table name.
  const result = await db.execute(sql`
    with recursive chain(origin, target, depth) as (
      select r.seq, r.object_ref, 1 from ${t} r where ${tenantSql('r')} and r.object_ref is not null
      union all
      select c.origin, n.object_ref, c.depth + 1
      from chain c join ${t} n on n.statement_id = c.target and ${tenantSql('n')}
      where n.object_ref is not null and c.depth < 32
    )
    select distinct c.origin::text as seq
    from chain c join ${t} on ${t.statementId} = c.target and ${inTenant(t, tenant)}
    where ${direct}`);
  return (result as unknown as { rows: { seq: string }[] }).rows.map((r) => r.seq);
}
