import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { onDatabase } from './records.bench.ts';
import { validateStatements } from '../../src/lib/xapi/validate-statement.ts';
import { storeStatements } from '../../src/server/modules/records/records.store.service.ts';
import type { Actor } from '../../src/server/modules/identity/identity.access.ts';

/**
 * EXPLAIN ANALYZE of the one SQL statement that stores a batch of 100 (the statements, their key rows
 * and the Activity definitions), in a scratch PostgreSQL database (RECORDS_BENCH_PG, as records.bench.ts)
 * after `RECORDS_PROFILE_WARM` (default 20,000) statements are stored: `node --import tsx
 * bench/records/records.profile.ts`. Prints the plan of the last of 5 batches. Never fails; a tool for
 * reading where a batch's time goes.
 */
const PG_URL = process.env.RECORDS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WARM = Number(process.env.RECORDS_PROFILE_WARM ?? 20_000);
let n = 0;
await onDatabase(PG_URL, async (ctx) => {
  const handle = ctx.database;
  const actor = {
    kind: 'api_client',
    clientId: randomUUID(),
    jurisdictionId: ctx.jurisdictionId,
    schoolId: ctx.schoolId,
    username: 'client:profile',
    scopes: ['xapi:read', 'xapi:write'],
  } as unknown as Actor;
  for (let i = 0; i < WARM / 100; i++) {
    await ctx.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: ctx.headers,
      payload: JSON.stringify(Array.from({ length: 100 }, () => statement())),
    });
  }
  const plans: string[] = [];
  const db = new Proxy(handle.db, {
    get(target, prop, receiver) {
      // Hidden so the store's prepared-statement path (executePrepared) falls back to `execute` here.
      if (prop === 'session') return undefined;
      if (prop !== 'execute') return Reflect.get(target, prop, receiver);
      return async (query: ReturnType<typeof sql>) => {
        const result = (await target.execute(sql`explain (analyze, buffers, costs off) ${query}`)) as unknown as {
          rows: { 'QUERY PLAN': string }[];
        };
        plans.push(result.rows.map((r) => r['QUERY PLAN']).join('\n'));
        return { rows: [{ inserted: 100 }] };
      };
    },
  });
  for (let b = 0; b < 5; b++) {
    const batch = Array.from({ length: 100 }, () => statement());
    const valid = validateStatements(batch);
    if (!valid.ok) throw new Error('invalid bench statements');
    await storeStatements(
      { db: db as typeof handle.db, actor },
      { statements: valid.value, attachments: new Map(), homePage: 'http://localhost:3000' },
    );
  }
  console.log(plans[plans.length - 1]);
});

function statement() {
  n += 1;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://sis.example.edu', name: `p${n % 500}` } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: { id: `https://edubridge.example/activities/q-${n % 300}`, definition: { name: { en: `Question ${n % 300}` } } },
    context: {
      registration: randomUUID(),
      instructor: { mbox: 'mailto:teacher.lin@example.edu' },
      contextActivities: {
        parent: [{ id: `https://edubridge.example/courses/c-${n % 10}` }],
        grouping: [{ id: 'https://edubridge.example/programmes/ai' }],
      },
    },
  };
}
