import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { xapiRollupState } from './records.schema.ts';

const DAY_MS = 86_400_000;
/**
 * A batch's `stored` is taken before its transaction commits, so the newest rows of a day may still be
 * invisible just after midnight. A day is rolled up only once it has been over for this long — far longer
 * than any batch transaction lasts.
 */
const SETTLE_MS = 10 * 60_000;

/** UTC midnight at or before `ms`. */
export function floorDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** UTC midnight at or after `ms`. */
export function ceilDay(ms: number): number {
  return Math.ceil(ms / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day starting at `ms`. */
export function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The end (exclusive) of the days already rolled up, or null when nothing is. */
export async function rolledUntil(db: DbOrTx): Promise<Date | null> {
  const [row] = await db.select({ rolledUntil: xapiRollupState.rolledUntil }).from(xapiRollupState).where(eq(xapiRollupState.id, 1));
  return row?.rolledUntil ?? null;
}

/**
 * Adds every complete UTC day not yet rolled up to `xapi_daily_counts`, oldest first, one transaction per
 * day (so a crash loses at most the day in progress, and a rerun of a day recomputes it rather than adding
 * twice). Runs from the node's housekeeping timer; the dashboards never depend on it having run: days it
 * has not reached are counted from the statements themselves.
 *
 * @returns how many days were added and the new end of the rolled-up days.
 */
export async function rollUpCompleteDays(
  db: Db,
  opts: { now?: Date; maxDays?: number } = {},
): Promise<{ days: number; rolledUntil: Date | null }> {
  const end = floorDay((opts.now ?? new Date()).getTime() - SETTLE_MS);
  const maxDays = opts.maxDays ?? 366;
  // Statements of jurisdiction-level clients carry no school; each school is read through its
  // (school, stored) index rather than scanning the whole table for a day.
  const schoolIds: (string | null)[] = [null, ...(await db.select({ id: schools.id }).from(schools)).map((s) => s.id)];
  let from = (await rolledUntil(db))?.getTime();
  if (from === undefined) {
    // First run: the oldest statement, found school by school through the same index.
    let oldest = Infinity;
    for (const schoolId of schoolIds) {
      const school = schoolId === null ? sql`school_id is null` : sql`school_id = ${schoolId}`;
      const result = await db.execute(sql`select min(stored) as oldest from xapi_statements where ${school}`);
      const value = (result as unknown as { rows: { oldest: Date | string | null }[] }).rows[0]?.oldest;
      if (value) oldest = Math.min(oldest, new Date(value).getTime());
    }
    if (oldest === Infinity) return { days: 0, rolledUntil: null };
    from = floorDay(oldest);
  }
  let days = 0;
  for (let day = from; day < end && days < maxDays; day += DAY_MS, days++) {
    await db.transaction(async (tx) => {
      // Serialise with another runner: the state row is the lock, and a day someone else finished is skipped.
      await tx.execute(sql`insert into xapi_rollup_state (id, rolled_until) values (1, ${new Date(day)}) on conflict (id) do nothing`);
      const locked = await tx.execute(sql`select rolled_until from xapi_rollup_state where id = 1 for update`);
      const current = new Date((locked as unknown as { rows: { rolled_until: Date | string }[] }).rows[0].rolled_until).getTime();
      if (current > day) return;
      for (const schoolId of schoolIds) {
        const school = schoolId === null ? sql`s.school_id is null` : sql`s.school_id = ${schoolId}`;
        await tx.execute(sql`
          insert into xapi_daily_counts (school_id, activity_id, day, verb_id, agent_key, statements)
          select school_id, activity_id, ${dayString(day)}::date, verb_id, agent_key, count(*)::int
          from (
            select distinct s.seq, s.school_id, a.activity_id, s.verb_id, coalesce(s.agents[1], '') as agent_key
            from xapi_statements s cross join unnest(s.related_activities) as a(activity_id)
            where ${school} and s.stored >= ${new Date(day)} and s.stored < ${new Date(day + DAY_MS)}
          ) d
          group by school_id, activity_id, verb_id, agent_key
          on conflict on constraint xapi_daily_counts_uq do update set statements = excluded.statements`);
      }
      await tx.execute(sql`update xapi_rollup_state set rolled_until = ${new Date(day + DAY_MS)} where id = 1`);
    });
  }
  return { days, rolledUntil: await rolledUntil(db) };
}
