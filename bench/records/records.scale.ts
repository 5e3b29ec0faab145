import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { classDashboard } from '../../src/server/modules/records/records.dashboard.ts';
import { percentile } from '../support.ts';
import type { BenchContext } from './records.bench.ts';

/**
 * The class dashboard over a store of `rows` statements (default 10,000,000), PostgreSQL only, in its own
 * scratch database. The store is seeded in server-side SQL, not through HTTP (10M through the API would
 * take hours here): the statements in chunks of INSERT … SELECT FROM generate_series, their key rows,
 * then the daily counts for every complete day computed by the same SQL as `rollUpCompleteDays`.
 *
 * The data has classes, so a "class dashboard" means something: 50,000 students in 1,250 classes of 40;
 * each class follows 4 of 50 courses; each course has 40 activities (2,000 in all); 20 verbs; one
 * registration per class and course. 80% of the statements are in the bench client's school, the rest
 * spread over four others; `stored` spans 30 days evenly.
 *
 * To seed in minutes rather than an hour on two shared cores, the seed drops the secondary indexes and
 * the unique key of the two tables, turns off foreign-key triggers for its session, makes the two tables
 * UNLOGGED (the scratch database is dropped afterwards; reads do not depend on it), and rebuilds every
 * index with the migration's own definition afterwards. Only the key rows the dashboard and the timed
 * GETs read are written: kind 1 (the actor) and kind 4 (related activities: the activity and its
 * course) — three per statement, 30M at 10M.
 */
export async function dashboardAtScale(ctx: BenchContext, rows: number) {
  const seeded = await seed(ctx, rows);
  const dashboards = await timeDashboards(ctx);
  const get = await timeGets(ctx);
  return { rows, ...seeded, classDashboard: dashboards, get };
}

const STUDENTS = 50_000;
const CLASS_SIZE = 40;
const COURSES = 50;
const ACTIVITIES_PER_COURSE = 40;
const CHUNK = 500_000;
const DAY_MS = 86_400_000;

/** The generator in SQL for statements `from`..`to`: student, class, course, activity, verb and registration of number `i`. */
function generated(start: Date, stepMs: number, from: number, to: number): string {
  return `
  select i, gen_random_uuid() as id,
    '${start.toISOString()}'::timestamptz + i * interval '${stepMs} milliseconds' as stored,
    'http://adlnet.gov/expapi/verbs/v' || (i % 20) as verb,
    md5('reg' || (student / ${CLASS_SIZE}) || '-' || course)::uuid as reg,
    'account:["https://sis.example.edu","s' || student || '"]' as agent,
    'https://edubridge.example/activities/c' || course || '-a' || ((i * 31) % ${ACTIVITIES_PER_COURSE}) as act,
    'https://edubridge.example/courses/c' || course as course
  from (
    select i, student, ((student / ${CLASS_SIZE}) * 4 + (i % 4)) % ${COURSES} as course
    from (select i, (i * 7919) % ${STUDENTS} as student from generate_series(${from}::bigint, ${to}::bigint) as i) x
  ) y`;
}

async function seed(ctx: BenchContext, rows: number) {
  const db = ctx.database.db;
  const started = performance.now();
  const q = async (text: ReturnType<typeof sql>) => (await db.execute(text)) as unknown as { rows: Record<string, unknown>[] };
  // One session for the whole seed: the settings below must hold for every chunk.
  const session = await openSession(ctx);
  try {
    await session.query(`set session_replication_role = replica`);
    await session.query(`set maintenance_work_mem = '1GB'`);
    await session.query(`set work_mem = '256MB'`);
    const indexes = (
      await session.query(
        `select indexname, indexdef from pg_indexes where tablename in ('xapi_statements', 'xapi_statement_keys')
         and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
      )
    ).rows as { indexname: string; indexdef: string }[];
    const uniques = (
      await session.query(
        `select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'xapi_statements'::regclass and contype = 'u'`,
      )
    ).rows as { conname: string; def: string }[];
    for (const i of indexes) await session.query(`drop index ${i.indexname}`);
    for (const u of uniques) await session.query(`alter table xapi_statements drop constraint ${u.conname}`);
    await session.query(`alter table xapi_statement_keys set unlogged`);
    await session.query(`alter table xapi_statements set unlogged`);

    const end = Date.now();
    const start = new Date(end - 30 * DAY_MS);
    const stepMs = (30 * DAY_MS) / rows;
    const others = (await q(sql`select id from schools where code like 'bench-school-%' and id <> ${ctx.schoolId} order by code`)).rows.map(
      (r) => r.id as string,
    );
    const statementsStarted = performance.now();
    for (let from = 0; from < rows; from += CHUNK) {
      const to = Math.min(rows, from + CHUNK) - 1;
      await session.query(`
        insert into xapi_statements (statement_id, jurisdiction_id, school_id, stored, verb_id, registration, agents, related_agents, activities, related_activities, statement)
        select id, '${ctx.jurisdictionId}'::uuid,
          case when i % 5 = 0 then ('{${others.join(',')}}'::uuid[])[1 + (i / 5) % 4] else '${ctx.schoolId}'::uuid end,
          stored, verb, reg, array[agent], array[agent, 'mbox:mailto:teacher.lin@example.edu'], array[act], array[act, course],
          jsonb_build_object('id', id, 'actor', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', 'https://sis.example.edu', 'name', substring(agent from '"(s[0-9]+)"'))),
            'verb', jsonb_build_object('id', verb), 'object', jsonb_build_object('objectType', 'Activity', 'id', act),
            'context', jsonb_build_object('registration', reg, 'instructor', jsonb_build_object('mbox', 'mailto:teacher.lin@example.edu'), 'contextActivities', jsonb_build_object('parent', jsonb_build_array(jsonb_build_object('id', course)))),
            'stored', to_char(stored at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'timestamp', to_char(stored at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', '1.0.0',
            'authority', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', 'http://localhost:3000', 'name', 'bench-lrs')))
        from (${generated(start, stepMs, from, to)}) g`);
      process.stderr.write(`  scale: ${to + 1} statements\n`);
    }
    const statementsSeconds = seconds(statementsStarted);
    const keysStarted = performance.now();
    await session.query(`
      insert into xapi_statement_keys (school_id, kind, key, stored, seq)
      select s.school_id, k.kind, k.key, s.stored, s.seq from xapi_statements s
      cross join lateral (select 1::smallint, unnest(s.agents) union all select 4::smallint, unnest(s.related_activities)) as k(kind, key)`);
    const keysSeconds = seconds(keysStarted);
    const indexesStarted = performance.now();
    for (const u of uniques) await session.query(`alter table xapi_statements add constraint ${u.conname} ${u.def}`);
    for (const i of indexes) await session.query(i.indexdef);
    const indexesSeconds = seconds(indexesStarted);
    process.stderr.write(`  scale: indexes rebuilt\n`);

    // The daily counts of every complete day, one day per statement, with the query of rollUpCompleteDays
    // (all schools at once; the service goes school by school only to use the (school, stored) index).
    const rollupStarted = performance.now();
    const rolledUntil = Math.floor(end / DAY_MS) * DAY_MS;
    for (let day = Math.floor(start.getTime() / DAY_MS) * DAY_MS; day < rolledUntil; day += DAY_MS) {
      await session.query(
        `insert into xapi_daily_counts (school_id, activity_id, day, verb_id, agent_key, statements)
         select school_id, activity_id, $1::date, verb_id, agent_key, count(*)::int
         from (
           select distinct s.seq, s.school_id, a.activity_id, s.verb_id, coalesce(s.agents[1], '') as agent_key
           from xapi_statements s cross join unnest(s.related_activities) as a(activity_id)
           where s.stored >= $2 and s.stored < $3
         ) d
         group by school_id, activity_id, verb_id, agent_key`,
        [new Date(day).toISOString().slice(0, 10), new Date(day), new Date(day + DAY_MS)],
      );
    }
    await session.query(
      `insert into xapi_rollup_state (id, rolled_until) values (1, $1)
      on conflict (id) do update set rolled_until = excluded.rolled_until`,
      [new Date(rolledUntil)],
    );
    const rollupSeconds = seconds(rollupStarted);
    await session.query(`analyze xapi_statements`);
    await session.query(`analyze xapi_statement_keys`);
    await session.query(`analyze xapi_daily_counts`);
    const sizes = (
      await session.query(`select pg_total_relation_size('xapi_statements') as statements, pg_total_relation_size('xapi_statement_keys') as keys,
        pg_total_relation_size('xapi_daily_counts') as daily_counts, (select count(*) from xapi_daily_counts) as daily_count_rows`)
    ).rows[0] as Record<string, string>;
    return {
      seed: {
        seconds: seconds(started),
        statementsSeconds,
        keysSeconds,
        indexesSeconds,
        rollupSeconds,
        dailyCountRows: Number(sizes.daily_count_rows),
      },
      sizesMb: {
        statements: Math.round(Number(sizes.statements) / 1e6),
        keys: Math.round(Number(sizes.keys) / 1e6),
        dailyCounts: Math.round(Number(sizes.daily_counts) / 1e6),
      },
    };
  } finally {
    await session.end();
  }
}

/** A connection of its own to the scratch database, for session settings. */
async function openSession(ctx: BenchContext) {
  if (!ctx.url) throw new Error('the scale step runs on PostgreSQL only');
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  return client;
}

type Case = () => Parameters<typeof classDashboard>[2];

/** p50/p95 of several calls of `classDashboard` per case (the service function the growth module calls). */
async function timeDashboards(ctx: BenchContext) {
  const db = ctx.database.db;
  const rand = (k: number) => Math.floor(Math.random() * k);
  const bounds = (await db.execute(sql`select min(stored) as lo, max(stored) as hi from xapi_statements`)) as unknown as {
    rows: { lo: string | Date; hi: string | Date }[];
  };
  const lo = new Date(bounds.rows[0].lo);
  const hi = new Date(new Date(bounds.rows[0].hi).getTime() + 1);
  const course = (c: number) => `https://edubridge.example/courses/c${c}`;
  /** A class, one of its 4 courses, and its 40 students' agent keys. */
  const classAndCourse = () => {
    const klass = rand(STUDENTS / CLASS_SIZE);
    const c = (klass * 4 + rand(4)) % COURSES;
    const students = Array.from({ length: CLASS_SIZE }, (_, k) => `account:["https://sis.example.edu","s${klass * CLASS_SIZE + k}"]`);
    return { klass, c, students };
  };
  const week = () => {
    const since = new Date(lo.getTime() + rand(22) * DAY_MS + rand(DAY_MS));
    return { since, until: new Date(since.getTime() + 7 * DAY_MS) };
  };
  const cases: Record<string, Case> = {
    classCourseWholePeriod: () => {
      const { c, students } = classAndCourse();
      return { activityIds: [course(c)], agentKeys: students, since: lo, until: hi };
    },
    classCourseWeek: () => {
      const { c, students } = classAndCourse();
      return { activityIds: [course(c)], agentKeys: students, ...week() };
    },
    classRegistrationWholePeriod: () => {
      const { klass, c } = classAndCourse();
      return { registration: md5Uuid(`reg${klass}-${c}`), since: lo, until: hi };
    },
    courseWeek: () => ({ activityIds: [course(rand(COURSES))], ...week() }),
    courseWholePeriod: () => ({ activityIds: [course(rand(COURSES))], since: lo, until: hi }),
  };
  const out: Record<string, { p50Ms: number; p95Ms: number; maxMs: number; meanStatements: number }> = {};
  for (const [name, input] of Object.entries(cases)) {
    const times: number[] = [];
    let total = 0;
    const runs = 23;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const d = await classDashboard(db, ctx.schoolId, input());
      if (i >= 3) times.push(performance.now() - t0); // the first three warm the cache
      total += d.statements;
    }
    out[name] = {
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
      meanStatements: Math.round(total / runs),
    };
  }
  return out;
}

/** p50/p95 of filtered GET /statements at this size (the filters whose key rows the seed wrote). */
async function timeGets(ctx: BenchContext) {
  const rand = (k: number) => Math.floor(Math.random() * k);
  const student = () => JSON.stringify({ account: { homePage: 'https://sis.example.edu', name: `s${rand(STUDENTS)}` } });
  const cases: Record<string, () => Record<string, string>> = {
    agent: () => ({ agent: student(), limit: '25' }),
    verb: () => ({ verb: `http://adlnet.gov/expapi/verbs/v${rand(20)}`, limit: '25' }),
    relatedActivitiesCourse: () => ({
      activity: `https://edubridge.example/courses/c${rand(COURSES)}`,
      related_activities: 'true',
      limit: '25',
    }),
    registration: () => {
      const klass = rand(STUDENTS / CLASS_SIZE);
      return { registration: md5Uuid(`reg${klass}-${(klass * 4 + rand(4)) % COURSES}`), limit: '25' };
    },
    agentAndVerb: () => ({ agent: student(), verb: `http://adlnet.gov/expapi/verbs/v${rand(20)}`, limit: '25' }),
  };
  const out: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const [name, params] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await ctx.app.inject({ method: 'GET', url: '/xapi/statements', query: params(), headers: ctx.headers });
      if (i >= 10) times.push(performance.now() - t0);
    }
    out[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
  }
  return out;
}

function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const round = (v: number) => Math.round(v * 10) / 10;
