import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { STATEMENT_KEY_KIND, xapiStatementKeys, xapiStatements } from './records.schema.ts';

export interface ClassDashboardInput {
  /** The class's course or lesson Activities: statements with any of them as a related activity count. */
  activityIds?: readonly string[];
  /** Or (and) one registration (an attempt of the class at a course). */
  registration?: string;
  /** Only these agents (the class's students, as lib/xapi `agentKey`s); all agents when left out. */
  agentKeys?: readonly string[];
  /** Period: `since` ≤ stored < `until`. */
  since: Date;
  until: Date;
}

export interface ClassDashboard {
  statements: number;
  /** Most used first. */
  byVerb: { verbId: string; statements: number }[];
  /** Per actor (its agent key; a Group counts under its own key, or its first member's when anonymous), most active first. */
  byAgent: { agentKey: string; statements: number }[];
}

/**
 * Counts per verb and per agent of the statements a class produced over a period, for teachers'
 * dashboards (the growth module reads it; it checks the caller's access to the school and class before
 * calling — this query only applies the school). One SQL statement: the class's activities are looked
 * up in the key table `(school, related activity, stored)` and the registration in its partial index,
 * so the cost follows the class's statements in the period, not the store's size. Voided statements
 * are not counted. At least one of `activityIds` and `registration` is required.
 *
 * @example
 * const d = await classDashboard(db, schoolId, { activityIds: ['https://edubridge.example/courses/c7'], since, until });
 * d.byVerb[0] // { verbId: 'http://adlnet.gov/expapi/verbs/completed', statements: 412 }
 */
export async function classDashboard(db: DbOrTx, schoolId: string, input: ClassDashboardInput): Promise<ClassDashboard> {
  const s = xapiStatements;
  const activityIds = [...new Set(input.activityIds ?? [])];
  if (!activityIds.length && !input.registration) throw new Error('classDashboard needs activityIds or a registration');
  const registration = input.registration?.toLowerCase();

  const k = xapiStatementKeys;
  const matched: SQL = activityIds.length
    ? sql`select distinct ${k.seq} as seq from ${k}
        where ${k.schoolId} = ${schoolId} and ${k.kind} = ${STATEMENT_KEY_KIND.relatedActivity}
          and ${k.key} = any(${textArray(activityIds)}) and ${k.stored} >= ${input.since} and ${k.stored} < ${input.until}`
    : sql`select ${s.seq} as seq from ${s}
        where ${s.schoolId} = ${schoolId} and ${s.registration} = ${registration}
          and ${s.stored} >= ${input.since} and ${s.stored} < ${input.until}`;
  // The class's students as key rows too, intersected before any statement row is read: only the
  // statements of those students in those activities are fetched.
  const students: SQL = input.agentKeys
    ? sql`intersect select ${k.seq} from ${k}
        where ${k.schoolId} = ${schoolId} and ${k.kind} = ${STATEMENT_KEY_KIND.agent}
          and ${k.key} = any(${textArray(input.agentKeys)}) and ${k.stored} >= ${input.since} and ${k.stored} < ${input.until}`
    : sql``;
  const extra: SQL[] = [];
  if (activityIds.length && registration) extra.push(sql`and s.registration = ${registration}`);
  if (input.agentKeys) extra.push(sql`and s.agents[1] = any(${textArray(input.agentKeys)})`);

  const result = await db.execute(sql`
    with matched as (${matched} ${students}),
    rows as (
      select s.verb_id, s.agents[1] as agent
      from matched m join ${s} s on s.seq = m.seq
      where s.school_id = ${schoolId} and not s.voided ${sql.join(extra, sql` `)}
    )
    select verb_id, agent, count(*)::int as n, grouping(verb_id)::int as no_verb, grouping(agent)::int as no_agent
    from rows group by grouping sets ((verb_id), (agent), ())`);
  const out: ClassDashboard = { statements: 0, byVerb: [], byAgent: [] };
  for (const r of (result as unknown as { rows: { verb_id: string; agent: string; n: number; no_verb: number; no_agent: number }[] })
    .rows) {
    if (r.no_verb && r.no_agent) out.statements = r.n;
    else if (!r.no_verb) out.byVerb.push({ verbId: r.verb_id, statements: r.n });
    else if (r.agent !== null) out.byAgent.push({ agentKey: r.agent, statements: r.n });
  }
  const byCount = (a: { statements: number }, b: { statements: number }) => b.statements - a.statements;
  out.byVerb.sort((a, b) => byCount(a, b) || (a.verbId < b.verbId ? -1 : 1));
  out.byAgent.sort((a, b) => byCount(a, b) || (a.agentKey < b.agentKey ? -1 : 1));
  return out;
}

/** A text[] parameter (one bound value, so the plan does not change with the list's length). */
function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}
