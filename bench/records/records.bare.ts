import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { prepareStatementForStorage } from '../../src/lib/xapi/prepare-statement.ts';
import { statementIndexKeys } from '../../src/lib/xapi/statement-index.ts';
import { validateStatements } from '../../src/lib/xapi/validate-statement.ts';
import type { Actor } from '../../src/server/modules/identity/identity.access.ts';
import { storeStatements } from '../../src/server/modules/records/records.store.service.ts';
import { percentile } from '../support.ts';
import type { BenchContext } from './records.bench.ts';

/**
 * The floor the HTTP path is compared with, in the same process run: the same statements, already
 * validated, prepared and keyed, with the parameter string built before the clock starts, stored as
 * one multi-row INSERT per batch (rows unpacked from one JSON parameter) plus their key rows in the
 * same statement — what any store of this schema must write. No HTTP, no credentials, no validation,
 * no id checks, no Activity definitions, no voiding: a batch of `statements()` costs this much in
 * PostgreSQL and the driver alone.
 */
export async function bareInsert(ctx: BenchContext, batches: number, concurrency: number, statements: () => unknown[]) {
  const stored = new Date();
  const authority = {
    objectType: 'Agent' as const,
    name: 'client:bench-lrs',
    account: { homePage: 'http://localhost:3000', name: 'bench-lrs' },
  };
  const params = Array.from({ length: batches }, () => {
    const valid = validateStatements(statements());
    if (!valid.ok) throw new Error('invalid bench statements');
    return JSON.stringify(
      valid.value.map((s) => {
        const p = prepareStatementForStorage(s, { stored, authority });
        const keys = statementIndexKeys(p);
        return {
          statement_id: p.id.toLowerCase(),
          stored: p.stored,
          verb_id: p.verb.id,
          registration: p.context?.registration ?? null,
          agents: keys.agents,
          related_agents: keys.relatedAgents,
          activities: keys.activities,
          related_activities: keys.relatedActivities,
          statement: p,
        };
      }),
    );
  });
  const clientId = randomUUID();
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < params.length) {
        const json = params[next++];
        const t0 = performance.now();
        await ctx.database.db.execute(sql`
          with inserted as (
            insert into xapi_statements (statement_id, jurisdiction_id, school_id, client_id, stored, verb_id, registration,
              agents, related_agents, activities, related_activities, statement)
            select statement_id, ${ctx.jurisdictionId}::uuid, ${ctx.schoolId}::uuid, ${clientId}::uuid, stored, verb_id, registration,
              agents, related_agents, activities, related_activities, statement
            from jsonb_to_recordset(${json}::jsonb) as r(statement_id uuid, stored timestamptz, verb_id text, registration uuid,
              agents text[], related_agents text[], activities text[], related_activities text[], statement jsonb)
            returning seq, school_id, stored, agents, related_agents, activities, related_activities
          )
          insert into xapi_statement_keys (school_id, kind, key, stored, seq)
          select i.school_id, k.kind, k.key, i.stored, i.seq from inserted i cross join lateral (
            select 1::smallint, unnest(i.agents) union all select 2::smallint, unnest(i.related_agents)
            union all select 3::smallint, unnest(i.activities) union all select 4::smallint, unnest(i.related_activities)
          ) as k(kind, key)`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    statements: batches * 100,
    statementsPerSec: Math.round((batches * 100) / seconds),
    batchP95Ms: Math.round(percentile(latencies, 95)),
  };
}

/**
 * `storeStatements` (no HTTP) with the batch statement prepared (as shipped) and with it planned per
 * batch (the database handle's session hidden, so `executePrepared` falls back to `execute`), in
 * alternating rounds of the same process: the effect of the prepared statement alone.
 */
export async function preparedAgainstUnprepared(ctx: BenchContext, batches: number, concurrency: number, statements: () => unknown[]) {
  const actor = {
    kind: 'api_client',
    clientId: randomUUID(),
    jurisdictionId: ctx.jurisdictionId,
    schoolId: ctx.schoolId,
    username: 'client:bench-ab',
    scopes: ['xapi:read', 'xapi:write'],
  } as unknown as Actor;
  const handle = ctx.database.db;
  const unprepared = new Proxy(handle, {
    get: (t, p) => {
      if (p === 'session') return undefined;
      const value: unknown = Reflect.get(t, p, t);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
  const valid = () => {
    const v = validateStatements(statements());
    if (!v.ok) throw new Error('invalid bench statements');
    return v.value;
  };
  const time = async (db: typeof handle, count: number) => {
    const work = Array.from({ length: count }, valid);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < work.length) {
          const batch = work[next++];
          await storeStatements({ db, actor }, { statements: batch, attachments: new Map(), homePage: 'http://localhost:3000' });
        }
      }),
    );
    return performance.now() - t0;
  };
  const rounds = 6;
  const per = Math.ceil(batches / rounds);
  let prepared = 0;
  let planned = 0;
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      planned += await time(unprepared, per);
      prepared += await time(handle, per);
    } else {
      prepared += await time(handle, per);
      planned += await time(unprepared, per);
    }
  }
  const rate = (ms: number) => Math.round((rounds * per * 100) / (ms / 1000));
  return { prepared: rate(prepared), plannedPerBatch: rate(planned), ratio: Math.round((100 * planned) / prepared) / 100 };
}
