import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { fire, type StepFigures } from './load.fire.ts';
import { buildScenarios, type Scenario } from './load.scenarios.ts';
import { startLoadServer } from './load.server.ts';
import { soak } from './load.soak.ts';

/**
 * `npm run bench -- load`: each scenario (load.scenarios.ts) at rising concurrency until it breaks (p99 over
 * LOAD_P99_LIMIT_MS or more than 1% errors), a bare Fastify route at the same steps for scale, then a bounded
 * soak reporting memory growth. Server and load generator share this process and the machine, like the
 * baseline, so compare ratios across machines rather than absolute figures.
 *
 * Env: LOAD_STEPS=1,4,16,64  LOAD_STEP_SECONDS=3  LOAD_P99_LIMIT_MS=1000  LOAD_SOAK_SECONDS=150
 *      LOAD_SCENARIOS=search,xapiPost (a subset)  LOAD_DATABASE_URL=postgres://… (an empty database)
 */
const STEPS = (process.env.LOAD_STEPS ?? '1,4,16,64').split(',').map(Number);
const STEP_SECONDS = Number(process.env.LOAD_STEP_SECONDS ?? 3);
const P99_LIMIT_MS = Number(process.env.LOAD_P99_LIMIT_MS ?? 1000);
const SOAK_SECONDS = Number(process.env.LOAD_SOAK_SECONDS ?? 150);

type StepRow = Omit<StepFigures, 'connections'> & { vsBare?: number };

export async function run() {
  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/hello`;

  process.stderr.write('  load: starting the node and seeding the demo…\n');
  const server = await startLoadServer();
  try {
    const wanted = process.env.LOAD_SCENARIOS?.split(',');
    const scenarios = (await buildScenarios(server.base)).filter((s) => !wanted || wanted.includes(s.name));

    const baseline: Record<string, StepRow> = {};
    for (const c of STEPS) {
      const f = await fire({ url: bareUrl, connections: c, duration: STEP_SECONDS });
      baseline[`c${c}`] = strip(f);
      log('bare', f);
    }

    const results: Record<string, Record<string, StepRow | number | string>> = {};
    for (const s of scenarios) results[s.name] = await ramp(s, baseline);

    process.stderr.write(`  load: soak for ${SOAK_SECONDS} s…\n`);
    const memory = await soak(server.base, scenarios, SOAK_SECONDS);
    return {
      database: server.database.kind,
      stepSeconds: STEP_SECONDS,
      p99LimitMs: P99_LIMIT_MS,
      bare: baseline,
      ...results,
      soak: memory,
    };
  } finally {
    await server.close();
    await bare.close();
  }
}

/** Rising concurrency until the scenario breaks; the step that broke is kept, later ones are not run. */
async function ramp(s: Scenario, baseline: Record<string, StepRow>) {
  await fire({ ...s.request, connections: 2, duration: 1 }); // warm caches and the JIT, not recorded
  const out: Record<string, StepRow | number | string> = {};
  let brokeAt: number | string = 'none';
  for (const c of STEPS) {
    const f = await fire({ ...s.request, connections: c, duration: STEP_SECONDS });
    const bareRps = (baseline[`c${c}`]?.requestsPerSec as number) || NaN;
    out[`c${c}`] = { ...strip(f), vsBare: Math.round((f.requestsPerSec / bareRps) * 1000) / 1000 };
    log(s.name, f);
    if (f.p99Ms > P99_LIMIT_MS || f.errors > f.requests * 0.01) {
      brokeAt = c;
      break;
    }
  }
  out.brokeAt = brokeAt;
  return out;
}

function strip(f: StepFigures): StepRow {
  const { connections: _c, ...rest } = f;
  return rest;
}

function log(name: string, f: StepFigures) {
  process.stderr.write(
    `  ${name.padEnd(18)} c=${String(f.connections).padStart(3)}  ${String(f.requestsPerSec).padStart(6)} req/s  p50 ${f.p50Ms} ms  p95 ${f.p95Ms} ms  p99 ${f.p99Ms} ms  errors ${f.errors}\n`,
  );
}
