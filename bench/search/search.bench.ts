import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedJurisdictions } from '../../src/server/demo/demo.seed.ts';
import { actorOf } from '../../src/server/modules/search/search.test-data.ts';
import { makeSchool, makeUnit, makeUser } from '../../src/server/test/factories.ts';
import { runRelevance } from './relevance.ts';
import { runScale, type ScaleOptions } from './scale.ts';

/**
 * Search module figures: nDCG@10 on the judged relevance set, and import throughput and query latency at
 * SEARCH_BENCH_DOCS documents (default 100,000) on PGlite and on PostgreSQL (a scratch database created on
 * POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres, and dropped after). Prints figures;
 * never fails on a timing.
 */

const PG_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function scaleOptions(): ScaleOptions {
  return {
    documents: Number(process.env.SEARCH_BENCH_DOCS ?? 100_000),
    pool: Number(process.env.SEARCH_BENCH_POOL ?? 3_000),
    indexSample: 300,
    repeats: Number(process.env.SEARCH_BENCH_REPEATS ?? 2),
  };
}

async function scratchPostgres(): Promise<DatabaseHandle | null> {
  const name = `edubridge_search_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      // SEARCH_BENCH_KEEP_DB=1 leaves the loaded database for EXPLAIN (drop it by hand afterwards).
      if (process.env.SEARCH_BENCH_KEEP_DB === '1') {
        process.stderr.write(`search bench database kept: ${name}\n`);
        return;
      }
      const again = new pg.Client({ connectionString: PG_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** A small tree and a teacher, so the signed-in searches pay for the visibility subqueries. */
async function world(handle: DatabaseHandle) {
  const db = handle.db;
  await migrateDatabase(handle);
  await seedJurisdictions(db);
  const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
  const units = [city.id];
  const schools: string[] = [];
  for (let d = 0; d < 4; d++) {
    const district = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    units.push(district.id);
    for (let s = 0; s < 5; s++) schools.push((await makeSchool(db, { jurisdiction: 'GD', unitId: district.id })).id);
  }
  const teacher = await makeUser(db, { role: 'teacher', school: { id: schools[0], jurisdictionId: city.jurisdictionId } });
  return { actor: await actorOf(db, teacher.id), schools, units };
}

export async function run(): Promise<object> {
  const options = scaleOptions();
  const relevanceDb = await openDatabase({ url: null });
  await migrateDatabase(relevanceDb);
  const relevance = await runRelevance(relevanceDb.db);
  await relevanceDb.close();
  process.stderr.write(`search relevance: ${JSON.stringify(relevance.ndcg10)}\n`);

  const result: Record<string, unknown> = {
    relevance: { documents: relevance.documents, queries: relevance.queries, ndcg10: relevance.ndcg10 },
    relevancePerQuery: relevance.perQuery.map((q) => `${q.kind} ${q.q} ${q.ndcg10}`),
  };

  if (process.env.SEARCH_BENCH_SKIP_PGLITE !== '1') {
    const lite = await openDatabase({ url: null });
    const w = await world(lite);
    result.pglite = await runScale(lite.db, w.actor, w.schools, w.units, options);
    await lite.close();
    process.stderr.write(`search pglite: ${JSON.stringify(result.pglite)}\n`);
  }

  const postgres = await scratchPostgres();
  if (postgres) {
    try {
      const w = await world(postgres);
      result.postgres = await runScale(postgres.db, w.actor, w.schools, w.units, options);
      process.stderr.write(`search postgres: ${JSON.stringify(result.postgres)}\n`);
    } finally {
      await postgres.close();
    }
  } else {
    result.postgres = `not reachable at ${PG_URL}`;
  }
  return result;
}
