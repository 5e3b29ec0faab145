import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { freePort, scratchPostgresDatabase } from '../scratch.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
/** Start-up migrates and seeds the demo: seconds on a quiet machine, minutes on a loaded CI box. */
const START_TIMEOUT_MS = 600_000;

/**
 * A real `edubridge serve` process on its own data dir (embedded PGlite), or on a fresh PostgreSQL
 * database when TEST_DATABASE_URL is set, that a test can SIGKILL and start again on the same data.
 */
export interface CrashNode {
  baseUrl: string;
  databaseUrl: string | null;
  pgliteDir: string;
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, open transactions die with the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** The node's database opened from this process; only while the server is down when on PGlite. */
  openDatabase(): Promise<DatabaseHandle>;
  log(): string;
  dispose(): Promise<void>;
}

export async function crashNode(): Promise<CrashNode> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-crash-'));
  const scratch = await scratchPostgresDatabase('edubridge_crash');
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  const waitExit = () => (exited() ? Promise.resolve() : new Promise<void>((resolve) => child!.once('exit', () => resolve())));

  const node: CrashNode = {
    baseUrl,
    databaseUrl: scratch?.url ?? null,
    pgliteDir: path.join(dataDir, 'pglite'),
    async start() {
      child = spawn(process.execPath, [path.join(ROOT, 'bin/edubridge.js'), 'serve'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          EDUBRIDGE_DATA_DIR: dataDir,
          EDUBRIDGE_DEMO: '1',
          DATABASE_URL: scratch?.url ?? '',
          LOG_LEVEL: 'warn',
          PUBLIC_URL: baseUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (exited()) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
        try {
          if ((await fetch(`${baseUrl}/healthz`)).ok) return;
        } catch {
          // not listening yet
        }
        await sleep(200);
      }
      throw new Error(`server did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${output}`);
    },
    async kill() {
      if (exited()) return;
      const done = waitExit();
      child!.kill('SIGKILL');
      await done;
    },
    async stop() {
      if (exited()) return;
      const done = waitExit();
      child!.kill('SIGTERM');
      await done;
    },
    openDatabase: () =>
      scratch ? openDatabase({ url: scratch.url, poolSize: 2 }) : openDatabase({ url: null, pgliteDir: path.join(dataDir, 'pglite') }),
    log: () => output,
    async dispose() {
      await node.kill();
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
  return node;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One row of a query, on either engine. */
export async function queryRows<T>(db: DatabaseHandle['db'], query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** A signed-in browser against a spawned node: session cookie plus the CSRF header writes need. */
export interface HttpSession {
  headers: Record<string, string>;
  me: { memberships: { role: string; school: { id: string; code: string } | null }[] };
}

export async function login(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const jar = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [name, ...value] = pair.split('=');
    jar.set(name.trim(), value.join('='));
  }
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const headers = { cookie, 'x-csrf-token': jar.get('eb_csrf') ?? '' };
  const body = (await (await fetch(`${baseUrl}/api/v1/me`, { headers })).json()) as HttpSession['me'] & { user?: HttpSession['me'] };
  return { headers, me: { memberships: body.memberships ?? body.user?.memberships ?? [] } };
}

/**
 * True while the node's database is held by a writing transaction. On PostgreSQL that is a backend of
 * the node's database with a transaction id; on PGlite (one connection, transactions exclusive) a cheap
 * read through the API stalls until the transaction ends, so a read still unanswered after `stallMs` (well
 * above what the same read takes otherwise; see {@link probeLatency}) means a transaction is open now.
 */
export async function inWritingTransaction(node: CrashNode, session: HttpSession, probeUrl: string, stallMs: number): Promise<boolean> {
  if (node.databaseUrl) {
    const client = new pg.Client({ connectionString: node.databaseUrl });
    await client.connect();
    try {
      const r = await client.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`,
      );
      return r.rows[0].n > 0;
    } finally {
      await client.end();
    }
  }
  const controller = new AbortController();
  const answered = fetch(`${node.baseUrl}${probeUrl}`, { headers: session.headers, signal: controller.signal }).then(
    () => true,
    () => true,
  );
  const stalled = await Promise.race([answered.then(() => false), sleep(stallMs).then(() => true)]);
  controller.abort();
  return stalled;
}

/** How long the probe read takes when nothing holds the database (the slowest of a few tries). */
export async function probeLatency(node: CrashNode, session: HttpSession, probeUrl: string): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    await fetch(`${node.baseUrl}${probeUrl}`, { headers: session.headers });
    slowest = Math.max(slowest, Date.now() - started);
  }
  return slowest;
}

/**
 * A request with no client-side time limit (fetch gives up on headers after 300 s, and a bulk import on a
 * loaded CI box can take longer). Resolves with the status and body; rejects when the connection dies.
 */
export function longRequest(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
