import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ceilDay, dayString, floorDay, rolledUntil } from './records.rollup.ts';
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
 * calling — this query only applies the school). For one activity, whole UTC days already rolled up are
 * read from the daily counts (records.rollup.ts), so a course over a term costs a few hundred rows
 * whatever the store holds; the edges of the period and the days not rolled up yet are counted from the
 * statements. Voided statements are not counted. At least one of `activityIds` and `registration` is
 * required; several activities or a registration are always counted from the statements, since one
 * statement may carry several of them and must count once.
 *
 * @example
 * const d = await classDashboard(db, schoolId, { activityIds: ['https://edubridge.example/courses/c7'], since, until });
 * d.byVerb[0] // { verbId: 'http://adlnet.gov/expapi/verbs/completed', statements: 412 }
 */
export async function classDashboard(db: DbOrTx, schoolId: string, input: ClassDashboardInput): Promise<ClassDashboard> {
  const activityIds = [...new Set(input.activityIds ?? [])];
  if (!activityIds.length && !input.registration) throw new Error('classDashboard needs activityIds or a registration');
  const counts = new Counts();
  const rolled = activityIds.length === 1 && !input.registration ? await rolledUntil(db) : null;
  // Whole days already in the daily counts are read from there (minus what was voided since); the rest —
  // the partial first and last day, and the days not rolled up yet — from the statements themselves.
  const dailyFrom = ceilDay(input.since.getTime());
  const dailyTo = rolled ? Math.min(floorDay(input.until.getTime()), rolled.getTime()) : dailyFrom;
  if (dailyFrom < dailyTo) {
    const from = new Date(dailyFrom);
    const to = new Date(dailyTo);
    counts.add(await countDaily(db, schoolId, activityIds[0], input.agentKeys, from, to), 1);
    counts.add(await countVoided(db, schoolId, activityIds[0], input.agentKeys, from, to), -1);
    if (input.since < from) counts.add(await countStatements(db, schoolId, { ...input, activityIds, until: from }), 1);
    if (to < input.until) counts.add(await countStatements(db, schoolId, { ...input, activityIds, since: to }), 1);
  } else {
    counts.add(await countStatements(db, schoolId, { ...input, activityIds }), 1);
  }
  return counts.dashboard();
}

/** One row of a `group by grouping sets ((verb), (agent), ())` answer. */
interface GroupedRow {
  verb_id: string | null;
  agent: string | null;
  n: number;
  no_verb: number;
  no_agent: number;
}

/** Sums of grouped answers, added or subtracted. */
class Counts {
  private total = 0;
  private readonly verbs = new Map<string, number>();
  private readonly agents = new Map<string, number>();

  add(rows: GroupedRow[], sign: 1 | -1): void {
    for (const r of rows) {
      const n = sign * Number(r.n);
      if (r.no_verb && r.no_agent) this.total += n;
      else if (!r.no_verb) this.verbs.set(r.verb_id!, (this.verbs.get(r.verb_id!) ?? 0) + n);
      // An actor without a key (an anonymous Group with no members) counts in the total only.
      else if (r.agent !== null && r.agent !== '') this.agents.set(r.agent, (this.agents.get(r.agent) ?? 0) + n);
    }
  }

  dashboard(): ClassDashboard {
    const byCount = (a: { statements: number }, b: { statements: number }) => b.statements - a.statements;
    const byVerb = [...this.verbs].filter(([, n]) => n > 0).map(([verbId, statements]) => ({ verbId, statements }));
    const byAgent = [...this.agents].filter(([, n]) => n > 0).map(([agentKey, statements]) => ({ agentKey, statements }));
    byVerb.sort((a, b) => byCount(a, b) || (a.verbId < b.verbId ? -1 : 1));
    byAgent.sort((a, b) => byCount(a, b) || (a.agentKey < b.agentKey ? -1 : 1));
    return { statements: this.total, byVerb, byAgent };
  }
}

const GROUPED = sql`count(*)::int as n, grouping(verb_id)::int as no_verb, grouping(agent)::int as no_agent`;

function rowsOf(result: unknown): GroupedRow[] {
  return (result as { rows: GroupedRow[] }).rows;
}

/**
 * Counts from the statements: the class's activities are looked up in the key table `(school, related
 * activity, stored)` and the registration in its partial index, so the cost follows the class's
 * statements in the period, not the store's size. Voided statements are not counted.
 */
async function countStatements(
  db: DbOrTx,
  schoolId: string,
  input: ClassDashboardInput & { activityIds: string[] },
): Promise<GroupedRow[]> {
  const s = xapiStatements;
  const k = xapiStatementKeys;
  const { activityIds } = input;
  const registration = input.registration?.toLowerCase();
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
  return rowsOf(
    await db.execute(sql`
    with matched as (${matched} ${students}),
    rows as (
      select s.verb_id, s.agents[1] as agent
      from matched m join ${s} s on s.seq = m.seq
      where s.school_id = ${schoolId} and not s.voided ${sql.join(extra, sql` `)}
    )
    select verb_id, agent, ${GROUPED} from rows group by grouping sets ((verb_id), (agent), ())`),
  );
}

/** Counts of whole days from `xapi_daily_counts` (voided statements included: see countVoided). */
async function countDaily(
  db: DbOrTx,
  schoolId: string,
  activityId: string,
  agentKeys: readonly string[] | undefined,
  from: Date,
  to: Date,
) {
  const agents = agentKeys ? sql`and agent_key = any(${textArray(agentKeys)})` : sql``;
  return rowsOf(
    await db.execute(sql`
    select verb_id, agent, sum(statements)::int as n, grouping(verb_id)::int as no_verb, grouping(agent)::int as no_agent
    from (select verb_id, agent_key as agent, statements from xapi_daily_counts
          where school_id = ${schoolId} and activity_id = ${activityId}
            and day >= ${dayString(from.getTime())}::date and day < ${dayString(to.getTime())}::date ${agents}) d
    group by grouping sets ((verb_id), (agent), ())`),
  );
}

/** The voided statements of an activity in whole days, read through the small partial index of voided statements. */
async function countVoided(
  db: DbOrTx,
  schoolId: string,
  activityId: string,
  agentKeys: readonly string[] | undefined,
  from: Date,
  to: Date,
) {
  const agents = agentKeys ? sql`and s.agents[1] = any(${textArray(agentKeys)})` : sql``;
  return rowsOf(
    await db.execute(sql`
    select verb_id, agent, ${GROUPED}
    from (select s.verb_id, coalesce(s.agents[1], '') as agent from xapi_statements s
          where s.school_id = ${schoolId} and s.voided and s.stored >= ${from} and s.stored < ${to}
            and ${activityId} = any(s.related_activities) ${agents}) v
    group by grouping sets ((verb_id), (agent), ())`),
  );
}

/** A text[] parameter (one bound value, so the plan does not change with the list's length). */
function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}
