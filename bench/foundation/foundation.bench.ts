import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { freePort, ROOT, waitFor } from '../support.ts';

/**
 * Cold start to ready (first start: migrate + seed the demo; second start: warm data dir), and
 * authenticated GET /api/v1/me throughput against a bare Fastify route on the same machine in the same run.
 */
export async function run() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eb-bench-'));
  const results: Record<string, number | string> = {};
  try {
    const first = await startNode(dataDir);
    results.coldStartFirstMs = first.ms;
    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startNode(dataDir);
    results.coldStartWarmMs = second.ms;
    const base = `http://127.0.0.1:${second.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'gd-teacher', password: 'edubridge-demo' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const bare = Fastify();
    bare.get('/me', async () => ({ id: 'x', username: 'gd-teacher', displayName: '林安然', memberships: [] }));
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: '127.0.0.1' });

    const opts = { connections: 10, duration: 8 };
    const me = await autocannon({ url: `${base}/api/v1/me`, headers: { cookie }, ...opts });
    const baseline = await autocannon({ url: `http://127.0.0.1:${barePort}/me`, ...opts });
    await bare.close();
    second.child.kill('SIGTERM');
    results.meRequestsPerSec = Math.round(me.requests.average);
    results.meLatencyP99Ms = me.latency.p99;
    results.meNon2xx = me.non2xx;
    results.bareRequestsPerSec = Math.round(baseline.requests.average);
    results.meToBareRatio = Number((me.requests.average / baseline.requests.average).toFixed(3));
    results.database = 'pglite';
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function startNode(dataDir: string): Promise<{ child: ChildProcess; ms: number; port: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/edubridge.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EDUBRIDGE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', EDUBRIDGE_DEMO: '1' },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, 120_000);
  return { child, ms: Math.round(performance.now() - started), port };
}
