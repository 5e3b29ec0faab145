import { createLocalBlobStore } from '../../src/server/blobs/local-blob-store.ts';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedJurisdictions } from '../../src/server/demo/demo.seed.ts';
import { hashPassword } from '../../src/server/modules/identity/identity.passwords.ts';
import { classDashboard } from '../../src/server/modules/records/records.dashboard.ts';
import { rollUpCompleteDays } from '../../src/server/modules/records/records.rollup.ts';
import { apiClients } from '../../src/server/modules/identity/identity.schema.ts';
import { authorityUnits, schools } from '../../src/server/modules/tenancy/tenancy.schema.ts';
import { percentile } from '../support.ts';
import { bareInsert, preparedAgainstUnprepared } from './records.bare.ts';
import { dashboardAtScale } from './records.scale.ts';

/**
 * The learning record store under load (figures only; never fails):
 * - ingest: POST /xapi/statements in batches of 100 realistic statements through app.inject, on PGlite
 *   and on PostgreSQL (a scratch database, dropped afterwards), one request at a time and four or eight at once;
 *   each PostgreSQL figure followed by the bare multi-row INSERT of the same statements (records.bare.ts)
 *   and their ratio, and the batch statement prepared vs planned per batch;
 * - query: p95 of filtered GET /statements on PostgreSQL after a bulk SQL insert of RECORDS_BENCH_ROWS
 *   statements (default 1,000,000) spread over five schools;
 * - classDashboard: counts per verb and per agent for a course / registration over a period, same data.
 * - scale: the class dashboard over RECORDS_BENCH_SCALE_ROWS statements (default 10,000,000; 0 skips)
 *   seeded in SQL in a scratch database of its own (records.scale.ts).
 * RECORDS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres) names the server; set it to
 * '' to skip PostgreSQL; RECORDS_BENCH_ONLY=pglite|postgres runs one of the two.
 */
const PG_URL = process.env.RECORDS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.RECORDS_BENCH_ROWS ?? 1_000_000);
const BATCH = 100;
/** RECORDS_BENCH_PARTS lists the PostgreSQL parts: ingest, query (1M) and scale (the 10M dashboard). */
const PARTS = (process.env.RECORDS_BENCH_PARTS ?? 'ingest,query,scale').split(',');
/** Statements in the scale step (PostgreSQL only); 0 skips it. */
const SCALE_ROWS = Number(process.env.RECORDS_BENCH_SCALE_ROWS ?? 10_000_000);
const SECRET = 'bench-lrs-secret';

export async function run(): Promise<object> {
  const results: Record<string, unknown> = {};
  const only = process.env.RECORDS_BENCH_ONLY;
  if (only !== 'postgres') results.pglite = await onDatabase(null, async (ctx) => ({ ingest: await ingest(ctx, 30, 1) }));
  if (PG_URL && only !== 'pglite') {
    results.postgres = await onDatabase(PG_URL, async (ctx) => ({
      ...(PARTS.includes('ingest')
        ? {
            ingest: await ingestAgainstBare(ctx, 60, 1),
            ingestConcurrent4: await ingestAgainstBare(ctx, 120, 4),
            ingestConcurrent8: await ingestAgainstBare(ctx, 160, 8),
            storePreparedVsPlanned: await preparedAgainstUnprepared(ctx, 120, 4, () => Array.from({ length: BATCH }, benchStatement)),
          }
        : {}),
      query: PARTS.includes('query') ? await queryAtScale(ctx) : undefined,
    }));
    // Its own scratch database: the 10M store must not mix with the 1M one.
    if (PARTS.includes('scale') && SCALE_ROWS > 0) {
      results.postgresScale = await onDatabase(PG_URL, (ctx) => dashboardAtScale(ctx, SCALE_ROWS));
    }
  }
  return results;
}

export interface BenchContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  schoolId: string;
  jurisdictionId: string;
  headers: Record<string, string>;
  /** The scratch database's URL (PostgreSQL), for steps that need a session of their own. */
  url?: string;
}

export async function onDatabase<T>(url: string | null, body: (ctx: BenchContext) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eb-records-bench-'));
  const scratch = url ? `edubridge_bench_${Date.now().toString(36)}` : null;
  let database: DatabaseHandle | null = null;
  let scratchUrl: string | undefined;
  try {
    if (url && scratch) {
      await adminQuery(url, `create database ${scratch}`);
      const target = new URL(url);
      target.pathname = `/${scratch}`;
      scratchUrl = target.toString();
      database = await openDatabase({ url: scratchUrl, poolSize: 8 });
    } else database = await openDatabase({ url: null });
    await migrateDatabase(database);
    const jur = await seedJurisdictions(database.db);
    const jurisdictionId = jur.get('GD')!;
    const schoolIds: string[] = [];
    const unitId = randomUUID();
    await database.db.insert(authorityUnits).values({
      id: unitId,
      code: 'bench-unit',
      jurisdictionId,
      parentId: null,
      level: 'district',
      names: { 'zh-Hans': '测试区', 'zh-Hant': '測試區', en: 'Bench District' },
      ancestorIds: [unitId],
    });
    for (let i = 0; i < 5; i++) {
      const [s] = await database.db
        .insert(schools)
        .values({
          code: `bench-school-${i}`,
          names: { 'zh-Hans': '测试学校', 'zh-Hant': '測試學校', en: 'Bench School' },
          jurisdictionId,
          authorityUnitId: unitId,
          authorityPath: [unitId],
          stage: 'junior',
          languages: ['zh-Hans'],
        })
        .returning({ id: schools.id });
      schoolIds.push(s.id);
    }
    await database.db.insert(apiClients).values({
      key: 'bench-lrs',
      secretHash: await hashPassword(SECRET),
      name: 'bench',
      jurisdictionId,
      schoolId: schoolIds[0],
      scopes: ['xapi:read', 'xapi:write'],
    });
    const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
    const app = await buildApp({
      config,
      database,
      logger: false,
      serveWeb: false,
      blobs: createLocalBlobStore(path.join(dataDir, 'blobs')),
    });
    await app.ready();
    const headers = {
      authorization: `Basic ${Buffer.from(`bench-lrs:${SECRET}`).toString('base64')}`,
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
    };
    try {
      return await body({ app, database, schoolId: schoolIds[0], jurisdictionId, headers, url: scratchUrl });
    } finally {
      await app.close();
    }
  } finally {
    await database?.close();
    if (url && scratch) await adminQuery(url, `drop database if exists ${scratch} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let n = 0;
/** A realistic invented statement: a student, a verb, a lesson activity with a definition, a result, a context. */
function benchStatement() {
  n += 1;
  const student = n % 500;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: `学生${student}`, account: { homePage: 'https://sis.example.edu', name: `s${student}` } },
    verb: {
      id: [
        'http://adlnet.gov/expapi/verbs/completed',
        'http://adlnet.gov/expapi/verbs/answered',
        'http://adlnet.gov/expapi/verbs/attempted',
      ][n % 3],
      display: { en: 'did', 'zh-Hans': '完成了' },
    },
    object: {
      objectType: 'Activity',
      id: `https://edubridge.example/activities/q-${n % 300}`,
      definition:
        n % 2
          ? {
              name: { 'zh-Hans': `第${n % 300}题`, en: `Question ${n % 300}` },
              type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
              interactionType: 'choice',
              correctResponsesPattern: ['b'],
              choices: [
                { id: 'a', description: { en: 'A' } },
                { id: 'b', description: { en: 'B' } },
              ],
            }
          : { name: { 'zh-Hans': `第${n % 300}课` }, type: 'http://adlnet.gov/expapi/activities/lesson' },
    },
    result: { score: { scaled: (n % 100) / 100 }, success: n % 3 !== 0, completion: true, duration: 'PT4M30S' },
    context: {
      registration: randomUUID(),
      instructor: { objectType: 'Agent', mbox: 'mailto:teacher.lin@example.edu' },
      contextActivities: {
        parent: [{ id: `https://edubridge.example/courses/c-${n % 10}` }],
        grouping: [{ id: 'https://edubridge.example/programmes/ai' }],
      },
      language: 'zh-Hans',
    },
    timestamp: new Date(Date.now() - (n % 1000) * 1000).toISOString(),
  };
}

/**
 * The HTTP path and the bare multi-row INSERT of the same kind of statements (records.bare.ts), one
 * after the other at the same concurrency: `httpToBare` is the share of the floor the API reaches.
 */
async function ingestAgainstBare(ctx: BenchContext, batches: number, concurrency: number) {
  const http = await ingest(ctx, batches, concurrency);
  const bare = await bareInsert(ctx, batches, concurrency, () => Array.from({ length: BATCH }, benchStatement));
  return { ...http, bare, httpToBare: Math.round((100 * http.statementsPerSec) / bare.statementsPerSec) / 100 };
}

/** POSTs `batches` batches of 100 with `concurrency` requests in flight; statements per second. */
async function ingest(ctx: BenchContext, batches: number, concurrency: number) {
  const bodies = Array.from({ length: batches }, () => JSON.stringify(Array.from({ length: BATCH }, benchStatement)));
  // Warm-up: the first request pays argon2 for the client secret and plan caching.
  await ctx.app.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: ctx.headers,
    payload: JSON.stringify(Array.from({ length: BATCH }, benchStatement)),
  });
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const t0 = performance.now();
        const res = await ctx.app.inject({ method: 'POST', url: '/xapi/statements', headers: ctx.headers, payload: body });
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) failed += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    statements: batches * BATCH,
    statementsPerSec: Math.round((batches * BATCH) / seconds),
    batchP95Ms: Math.round(percentile(latencies, 95)),
    failedBatches: failed,
  };
}

/**
 * Bulk-inserts ROWS statements in SQL (as the store would hold them: JSON, key arrays, stored order),
 * 80% in the bench client's school, then measures filtered GETs through the app.
 */
async function queryAtScale(ctx: BenchContext) {
  const db = ctx.database.db;
  const loadStarted = performance.now();
  const chunk = 200_000;
  for (let from = 0; from < ROWS; from += chunk) {
    const to = Math.min(ROWS, from + chunk) - 1;
    await db.execute(sql`
      insert into xapi_statements (statement_id, jurisdiction_id, school_id, stored, verb_id, registration, agents, related_agents, activities, related_activities, statement)
      select id, ${ctx.jurisdictionId}::uuid,
        case when i % 5 = 0 then (select id from schools where code = 'bench-school-' || (1 + (i / 5) % 4)) else ${ctx.schoolId}::uuid end,
        stored, verb, reg, array[agent], array[agent, 'mbox:mailto:teacher.lin@example.edu'], array[act], array[act, course],
        jsonb_build_object('id', id, 'actor', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', 'https://sis.example.edu', 'name', 's' || (i * 7919) % 50000)),
          'verb', jsonb_build_object('id', verb), 'object', jsonb_build_object('objectType', 'Activity', 'id', act),
          'context', jsonb_build_object('registration', reg, 'instructor', jsonb_build_object('mbox', 'mailto:teacher.lin@example.edu'), 'contextActivities', jsonb_build_object('parent', jsonb_build_array(jsonb_build_object('id', course)))),
          'stored', to_char(stored at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'timestamp', to_char(stored at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', '1.0.0',
          'authority', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', 'http://localhost:3000', 'name', 'bench-lrs')))
      from (
        select i, gen_random_uuid() as id,
          now() - interval '30 days' + i * interval '2 seconds' as stored,
          'http://adlnet.gov/expapi/verbs/v' || (i % 20) as verb,
          md5('reg' || (i % 20000))::uuid as reg,
          'account:["https://sis.example.edu","s' || (i * 7919) % 50000 || '"]' as agent,
          'https://edubridge.example/activities/a' || (i * 31) % 2000 as act,
          'https://edubridge.example/courses/c' || ((i * 31) % 2000) % 50 as course
        from generate_series(${from}::bigint, ${to}::bigint) as i
      ) g`);
  }
  const keysStarted = performance.now();
  // The key rows as the migration's backfill writes them (the store writes them with each batch).
  await db.execute(sql`
    insert into xapi_statement_keys (school_id, kind, key, stored, seq)
    select s.school_id, k.kind, k.key, s.stored, s.seq from xapi_statements s
    cross join lateral (select 1::smallint, unnest(s.agents) union all select 2::smallint, unnest(s.related_agents)
      union all select 3::smallint, unnest(s.activities) union all select 4::smallint, unnest(s.related_activities)) as k(kind, key)
    where s.seq > (select coalesce(max(seq), 0) from xapi_statement_keys)`);
  const keysSeconds = (performance.now() - keysStarted) / 1000;
  await db.execute(sql`analyze xapi_statements`);
  await db.execute(sql`analyze xapi_statement_keys`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const rand = (k: number) => Math.floor(Math.random() * k);
  const student = () => JSON.stringify({ account: { homePage: 'https://sis.example.edu', name: `s${rand(50_000)}` } });
  const cases: Record<string, () => Record<string, string>> = {
    agent: () => ({ agent: student(), limit: '25' }),
    verb: () => ({ verb: `http://adlnet.gov/expapi/verbs/v${rand(20)}`, limit: '25' }),
    activity: () => ({ activity: `https://edubridge.example/activities/a${rand(2000)}`, limit: '25' }),
    relatedActivitiesCourse: () => ({
      activity: `https://edubridge.example/courses/c${rand(50)}`,
      related_activities: 'true',
      limit: '25',
    }),
    registration: () => ({ registration: md5Uuid(`reg${rand(20_000)}`), limit: '25' }),
    verbSinceUntilAscending: () => {
      const since = new Date(Date.now() - rand(25) * 86_400_000 - 5 * 86_400_000);
      return {
        verb: `http://adlnet.gov/expapi/verbs/v${rand(20)}`,
        since: since.toISOString(),
        until: new Date(since.getTime() + 86_400_000).toISOString(),
        ascending: 'true',
        limit: '25',
      };
    },
    agentAndVerb: () => ({ agent: student(), verb: `http://adlnet.gov/expapi/verbs/v${rand(20)}`, limit: '25' }),
    unfilteredPage: () => ({ limit: '100' }),
  };
  const get: Record<string, { p50Ms: number; p95Ms: number; meanResults: number }> = {};
  for (const [name, params] of Object.entries(cases)) {
    const times: number[] = [];
    let results = 0;
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const res = await ctx.app.inject({ method: 'GET', url: '/xapi/statements', query: params(), headers: ctx.headers });
      times.push(performance.now() - t0);
      results += (res.json() as { statements: unknown[] }).statements.length;
    }
    times.splice(0, 10); // warm-up
    get[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), meanResults: Math.round(results / 60) };
  }
  const total = (await db.execute(sql`select count(*)::int as n from xapi_statements`)) as unknown as { rows: { n: number }[] };
  return {
    rows: total.rows[0].n,
    bulkInserted: ROWS,
    loadSeconds: Math.round(loadSeconds),
    keyBackfillSeconds: Math.round(keysSeconds),
    sizesMb: await sizes(ctx),
    get,
    classDashboard: await dashboards(ctx),
  };
}

async function sizes(ctx: BenchContext) {
  const result = (await ctx.database.db.execute(
    sql`select pg_total_relation_size('xapi_statements') as statements, pg_relation_size('xapi_statement_keys') as keys, pg_relation_size('xapi_statement_keys_lookup_idx') as keys_index`,
  )) as unknown as { rows: Record<string, string>[] };
  return Object.fromEntries(Object.entries(result.rows[0]).map(([k, v]) => [k, Math.round(Number(v) / 1e6)]));
}

/**
 * `classDashboard` (counts per verb and per agent) for a course over a week and over the whole period
 * (~23 days), for a registration, and for a course restricted to 40 students.
 */
async function dashboards(ctx: BenchContext) {
  const db = ctx.database.db;
  const rand = (k: number) => Math.floor(Math.random() * k);
  const bounds = (await db.execute(sql`select min(stored) as lo, max(stored) as hi from xapi_statements`)) as unknown as {
    rows: { lo: string | Date; hi: string | Date }[];
  };
  const lo = new Date(bounds.rows[0].lo);
  const hi = new Date(new Date(bounds.rows[0].hi).getTime() + 1);
  const course = () => `https://edubridge.example/courses/c${rand(50)}`;
  const week = () => {
    const since = new Date(lo.getTime() + rand(15) * 86_400_000);
    return { since, until: new Date(since.getTime() + 7 * 86_400_000) };
  };
  const cases: Record<string, () => Parameters<typeof classDashboard>[2]> = {
    courseWeek: () => ({ activityIds: [course()], ...week() }),
    courseWholePeriod: () => ({ activityIds: [course()], since: lo, until: hi }),
    registrationWholePeriod: () => ({ registration: md5Uuid(`reg${rand(20_000)}`), since: lo, until: hi }),
    courseWeek40Students: () => ({
      activityIds: [course()],
      agentKeys: Array.from({ length: 40 }, () => `account:["https://sis.example.edu","s${rand(50_000)}"]`),
      ...week(),
    }),
  };
  const measure = async () => {
    const out: Record<string, { p50Ms: number; p95Ms: number; meanStatements: number }> = {};
    for (const [name, input] of Object.entries(cases)) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 25; i++) {
        const t0 = performance.now();
        const d = await classDashboard(db, ctx.schoolId, input());
        times.push(performance.now() - t0);
        total += d.statements;
      }
      times.splice(0, 5);
      out[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), meanStatements: Math.round(total / 25) };
    }
    return out;
  };
  // Same cases, same process: counted from the statements, then with the whole days rolled up.
  const fromStatements = await measure();
  const rollUpStarted = performance.now();
  const rolled = await rollUpCompleteDays(db, { now: hi });
  const rollUpSeconds = round((performance.now() - rollUpStarted) / 1000);
  const counts = (await db.execute(sql`select count(*)::int as n from xapi_daily_counts`)) as unknown as { rows: { n: number }[] };
  const withDailyCounts = await measure();
  const ratio = Object.fromEntries(
    Object.keys(cases).map((k) => [k, round(fromStatements[k].p95Ms / Math.max(withDailyCounts[k].p95Ms, 0.01))]),
  );
  return {
    fromStatements,
    withDailyCounts,
    p95Speedup: ratio,
    rollUp: { days: rolled.days, seconds: rollUpSeconds, rows: counts.rows[0].n },
  };
}

function md5Uuid(text: string): string {
  // PostgreSQL's md5(text)::uuid, computed the same way here.
  const hex = createHashHex(text);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function createHashHex(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

const round = (v: number) => Math.round(v * 10) / 10;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
