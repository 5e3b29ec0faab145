import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedJurisdictions } from '../../src/server/demo/demo.seed.ts';
import { recomputeTerm } from '../../src/server/modules/insights/insights.recompute.ts';

/**
 * Recomputing every indicator of a term for a province-sized node, on PostgreSQL: the issue asks for
 * 5,000 schools and 2,000,000 students in under 10 s. The data is generated with generate_series into a
 * scratch database (dropped afterwards): 1 province → 20 cities → 200 districts → schools, 20 teachers per
 * school, students spread evenly, an inventory per school (3 rooms, 4 course offers) and sister pairs.
 *
 * INSIGHTS_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres; '' skips), INSIGHTS_BENCH_SCHOOLS
 * (default 5000) and INSIGHTS_BENCH_STUDENTS (default 2000000) pick a smaller run, e.g. 500 / 100000.
 * INSIGHTS_BENCH_KEEP_DB=<name> keeps the generated database under that name and reuses it on the next run
 * (generating 2,000,000 students takes minutes), which is how to profile the recompute repeatedly.
 */
const KEEP_DB = process.env.INSIGHTS_BENCH_KEEP_DB ?? '';
const PG_URL = process.env.INSIGHTS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHOOLS = Number(process.env.INSIGHTS_BENCH_SCHOOLS ?? 5000);
const STUDENTS = Number(process.env.INSIGHTS_BENCH_STUDENTS ?? 2_000_000);
const TERM = '2025-2026-2';

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function reachable(url: string) {
  try {
    await adminQuery(url, 'select 1');
    return true;
  } catch {
    return false;
  }
}

async function generate(database: DatabaseHandle, jurisdictionId: string) {
  const q = (text: string) => database.db.execute(text);
  await q(`
    insert into authority_units (id, jurisdiction_id, parent_id, level, code, names, ancestor_ids)
    select '00000000-0000-4000-8000-000000000001'::uuid, '${jurisdictionId}', null, 'province', 'b-prov',
           '{"zh-Hans":"测试省","zh-Hant":"測試省","en":"Bench Province"}', array['00000000-0000-4000-8000-000000000001'::uuid]`);
  await q(`
    insert into authority_units (id, jurisdiction_id, parent_id, level, code, names, ancestor_ids)
    select md5('city' || c)::uuid, '${jurisdictionId}', '00000000-0000-4000-8000-000000000001', 'city', 'b-city-' || c,
           '{"zh-Hans":"测试市","zh-Hant":"測試市","en":"Bench City"}',
           array['00000000-0000-4000-8000-000000000001'::uuid, md5('city' || c)::uuid]
    from generate_series(1, 20) c`);
  await q(`
    insert into authority_units (id, jurisdiction_id, parent_id, level, code, names, ancestor_ids)
    select md5('district' || d)::uuid, '${jurisdictionId}', md5('city' || (1 + d % 20))::uuid, 'district', 'b-district-' || d,
           '{"zh-Hans":"测试区","zh-Hant":"測試區","en":"Bench District"}',
           array['00000000-0000-4000-8000-000000000001'::uuid, md5('city' || (1 + d % 20))::uuid, md5('district' || d)::uuid]
    from generate_series(1, 200) d`);
  await q(`
    insert into schools (id, code, names, jurisdiction_id, authority_unit_id, authority_path, stage, languages)
    select md5('school' || s)::uuid, 'b-school-' || s, '{"zh-Hans":"测试学校","zh-Hant":"測試學校","en":"Bench School"}',
           '${jurisdictionId}', u.id, u.ancestor_ids, 'junior', array['zh-Hans']
    from generate_series(1, ${SCHOOLS}) s
    join authority_units u on u.code = 'b-district-' || (1 + s % 200)`);
  // Students and teachers: users and their school memberships, the bulk of the data.
  await q(`
    insert into users (id, username, display_name, jurisdiction_id, school_id)
    select md5('u' || i)::uuid, 'b-u-' || i, '学生', '${jurisdictionId}', md5('school' || (1 + i % ${SCHOOLS}))::uuid
    from generate_series(1, ${STUDENTS + SCHOOLS * 20}) i`);
  await q(`
    insert into memberships (id, user_id, role, jurisdiction_id, school_id)
    select md5('m' || i)::uuid, md5('u' || i)::uuid, case when i <= ${SCHOOLS * 20} then 'teacher' else 'student' end,
           '${jurisdictionId}', md5('school' || (1 + i % ${SCHOOLS}))::uuid
    from generate_series(1, ${STUDENTS + SCHOOLS * 20}) i`);
  await q(`
    insert into insights_inventories (id, school_id, jurisdiction_id, term, teacher_terminals, student_devices, bandwidth_mbps,
                                      connectivity, popularisation_base)
    select md5('inv' || s)::uuid, md5('school' || s)::uuid, '${jurisdictionId}', '${TERM}', 20 + s % 30, 100 + s % 400, 1000,
           'fibre', case when s % 7 = 0 then 'city' else 'none' end
    from generate_series(1, ${SCHOOLS}) s`);
  await q(`
    insert into insights_rooms (id, inventory_id, kind, name, equipment, capacity, year)
    select gen_random_uuid(), md5('inv' || s)::uuid, case when r = 1 and s % 3 <> 0 then 'ai_lab' else 'smart_classroom' end,
           '教室' || r, '', 40, 2020 + r
    from generate_series(1, ${SCHOOLS}) s, generate_series(1, 3) r`);
  await q(`
    insert into insights_course_offers (id, inventory_id, grade, hours_per_week, setting)
    select gen_random_uuid(), md5('inv' || s)::uuid, 6 + g, 1, case when s % 4 = 0 then 'after_school' else 'in_school' end
    from generate_series(1, ${SCHOOLS}) s, generate_series(1, 4) g`);
  await q(`
    insert into network_pairs (id, school_a_id, school_b_id, status, goals, term_start, term_end, renewal)
    select gen_random_uuid(), md5('school' || s)::uuid, md5('school' || (s + 1))::uuid, 'active', '共建', '2025-09-01', '2027-08-31', 'review'
    from generate_series(1, ${SCHOOLS - 1}, 3) s`);
  // A live database has been vacuumed; without it the first read pays for setting hint bits on 2M rows.
  await q('vacuum analyze');
}

export async function run() {
  if (!PG_URL || !(await reachable(PG_URL))) return { skipped: 'no PostgreSQL at INSIGHTS_BENCH_PG' };
  if (KEEP_DB && !/^[a-z_][a-z0-9_]*$/.test(KEEP_DB)) throw new Error('INSIGHTS_BENCH_KEEP_DB: a lower-case database name');
  const scratch = KEEP_DB || `edubridge_insights_bench_${Date.now().toString(36)}`;
  const target = new URL(PG_URL);
  target.pathname = `/${scratch}`;
  const reuse = !!KEEP_DB && (await reachable(target.toString()));
  if (!reuse) await adminQuery(PG_URL, `create database ${scratch}`);
  const database = await openDatabase({ url: target.toString(), poolSize: 2 });
  try {
    await migrateDatabase(database);
    const jur = await seedJurisdictions(database.db);
    const started = Date.now();
    if (!reuse) await generate(database, jur.get('GD')!);
    const generateSeconds = (Date.now() - started) / 1000;
    // Three runs of the same recompute: from nothing (every value new: what a first run or a new term costs),
    // again with nothing changed (a quiet night), and after a tenth of the schools changed their inventory.
    const q = (text: string) => database.db.execute(text);
    const runs: Record<string, { seconds: number; factsSeconds: number; valuesSeconds: number; changed: number }> = {};
    let counts = { schools: 0, values: 0 };
    for (const run of ['fromScratch', 'unchanged', 'tenthChanged'] as const) {
      if (run === 'fromScratch') {
        await q(`delete from insights_values where term = '${TERM}'`);
        await q(`delete from insights_facts where term = '${TERM}'`);
        await q('vacuum analyze insights_values, insights_facts');
      }
      if (run === 'tenthChanged') {
        await q(`update insights_inventories set student_devices = student_devices + 1 + (extract(epoch from now())::int % 7)
                 where term = '${TERM}' and school_id in (select md5('school' || s)::uuid from generate_series(1, ${SCHOOLS}, 10) s)`);
      }
      const t0 = performance.now();
      const r = await database.db.transaction((tx) => recomputeTerm(tx, TERM));
      runs[run] = {
        seconds: (performance.now() - t0) / 1000,
        factsSeconds: r.factsSeconds,
        valuesSeconds: r.valuesSeconds,
        changed: r.changed,
      };
      counts = { schools: r.schools, values: r.values };
    }
    return {
      schools: SCHOOLS,
      students: STUDENTS,
      generateSeconds,
      valuesComputed: counts.values,
      ...runs,
      underTarget10s: Math.max(...Object.values(runs).map((r) => r.seconds)) < 10,
    };
  } finally {
    await database.close();
    if (!KEEP_DB) await adminQuery(PG_URL, `drop database if exists ${scratch} with (force)`);
  }
}

// `node --import tsx bench/insights/insights.bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
