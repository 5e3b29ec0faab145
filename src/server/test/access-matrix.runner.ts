import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../app.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle, Db } from '../db/client.ts';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { users } from '../modules/identity/identity.schema.ts';
import { classes, schools } from '../modules/tenancy/tenancy.schema.ts';
import {
  MODULE_ORDER,
  OUTSIDERS,
  type AccessEntry,
  type MatrixContext,
  type ModuleAccessMatrix,
  type Outsider,
  type SetupValues,
} from './access-matrix.ts';
import { freshDatabase } from './test-database.ts';

/** One registered route as Fastify saw it. */
export interface RouteRef {
  method: string;
  url: string;
}

export interface MatrixApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  blobs: BlobStore;
  routes: RouteRef[];
  close(): Promise<void>;
}

/**
 * The real app with its route table collected through Fastify's onRoute hook, so nothing is hand-listed.
 * `extend` may register extra routes before the app is ready (the planted-leak test uses it).
 */
export async function buildMatrixApp(
  opts: { database?: DatabaseHandle; extend?: (app: FastifyInstance, db: Db) => void } = {},
): Promise<MatrixApp> {
  const database = opts.database ?? (await freshDatabase());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-matrix-'));
  const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
  const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
  const seen: RouteRef[] = [];
  const app = await buildApp({
    config,
    database,
    logger: false,
    serveWeb: false,
    blobs,
    authRateLimit: { max: 100_000, timeWindow: 60_000 },
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) seen.push({ method: String(method), url: route.url });
    },
  });
  opts.extend?.(app, database.db);
  await app.ready();
  const gets = new Set(seen.filter((r) => r.method === 'GET').map((r) => r.url));
  // Fastify adds a HEAD twin for every GET; it runs the GET handler, so the GET entry covers it.
  const routes = seen.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
  return {
    app,
    database,
    blobs,
    routes,
    close: async () => {
      await app.close();
      if (!opts.database) await database.close();
    },
  };
}

/** Every `<m>.access-matrix.ts` under src/server/modules, plus the core entries (docs, health, metrics). */
export async function loadModuleMatrices(): Promise<ModuleAccessMatrix[]> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const modulesDir = path.resolve(here, '../modules');
  const files = [path.join(here, 'access-matrix.core.ts')];
  for (const m of readdirSync(modulesDir)) {
    const file = path.join(modulesDir, m, `${m}.access-matrix.ts`);
    if (existsSync(file)) files.push(file);
  }
  const loaded: ModuleAccessMatrix[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { accessMatrix?: ModuleAccessMatrix };
    if (!mod.accessMatrix) throw new Error(`${file} exports no accessMatrix`);
    loaded.push(mod.accessMatrix);
  }
  const rank = (m: string) => (MODULE_ORDER.includes(m) ? MODULE_ORDER.indexOf(m) : MODULE_ORDER.length);
  return loaded.sort((a, b) => rank(a.module) - rank(b.module) || a.module.localeCompare(b.module));
}

export interface Finding {
  route: string;
  caller: Outsider | '*';
  status: number;
  problem: string;
}

export interface MatrixResult {
  routes: number;
  callers: readonly Outsider[];
  calls: number;
  /** Registered routes with no entry. */
  missing: string[];
  /** Entries naming a route that is not registered (stale). */
  stale: string[];
  leaks: Finding[];
  /** Problems that are not leaks but still fail the matrix (5xx, unresolved params, setup errors). */
  errors: Finding[];
  report: string;
  reportPath: string;
}

const DENIED = new Set([401, 403, 404]);
/** Refusals that say nothing about the owner's row; allowed for writes only when nothing changed. */
const REFUSED_INPUT = new Set([400, 405, 409, 413, 415, 422]);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signs demo accounts in on demand (and an HK API client) and gives setups their helpers. Exported so other
 * security tests can reuse the modules' fixtures.
 */
export async function createMatrixContext(opts: { app: FastifyInstance; db: Db; blobs: BlobStore }) {
  const { app, db } = opts;
  const sessions = new Map<string, Record<string, string>>();
  const signIn = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookies = res.cookies as { name: string; value: string }[];
    const session = cookies.find((c) => c.name === 'eb_session')!.value;
    const csrf = cookies.find((c) => c.name === 'eb_csrf')!.value;
    const headers = { cookie: `eb_session=${session}; eb_csrf=${csrf}`, 'x-csrf-token': csrf };
    sessions.set(username, headers);
    return headers;
  };
  const apiClient = async () => {
    const admin = await headersOf('hk-school-admin');
    const [hk] = await db.select({ id: schools.id }).from(schools).where(eq(schools.code, 'hk-demo-school'));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/api-clients',
      headers: admin,
      payload: { name: 'access matrix', schoolId: hk.id, scopes: ['xapi:read', 'xapi:write'] },
    });
    if (res.statusCode >= 300) throw new Error(`api client: ${res.statusCode} ${res.body}`);
    const { key, secret } = res.json<{ key: string; secret: string }>();
    const headers = { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
    sessions.set('hk-api-client', headers);
    return headers;
  };
  const headersOf = async (caller: string): Promise<Record<string, string>> =>
    caller === 'anonymous' ? {} : (sessions.get(caller) ?? (caller === 'hk-api-client' ? await apiClient() : await signIn(caller)));
  const inject: MatrixContext['inject'] = async (caller, o) =>
    app.inject({
      method: o.method as 'GET',
      url: o.url,
      payload: o.payload as string | object | undefined,
      headers: { ...(await headersOf(caller)), ...o.headers },
    });

  const ctx: MatrixContext = {
    app,
    db,
    blobs: opts.blobs,
    inject,
    async call<T>(caller: string, method: string, url: string, payload?: unknown): Promise<T> {
      const res = await inject(caller, { method, url, payload });
      if (res.statusCode >= 300) throw new Error(`setup ${caller} ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 400)}`);
      return (res.body ? res.json() : {}) as T;
    },
    userId: async (username) => {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (!u) throw new Error(`no demo user ${username}`);
      return u.id;
    },
    schoolId: async (code) => {
      const [s] = await db.select({ id: schools.id }).from(schools).where(eq(schools.code, code));
      if (!s) throw new Error(`no demo school ${code}`);
      return s.id;
    },
    classId: async (schoolCode, classCode) => {
      const schoolId = await ctx.schoolId(schoolCode);
      const [c] = await db
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.schoolId, schoolId), eq(classes.code, classCode)));
      if (!c) throw new Error(`no demo class ${schoolCode}/${classCode}`);
      return c.id;
    },
    gd: { schoolId: '', jurisdictionId: '' },
    one: async (query) => {
      const out = (await db.execute(query)) as unknown as { rows: Record<string, string>[] };
      if (!out.rows[0]) throw new Error(`setup query found no row`);
      return out.rows[0];
    },
    async upload<T>(
      caller: string,
      url: string,
      file: { name: string; data: string | Buffer; type?: string },
      fields: Record<string, string> = {},
      headers: Record<string, string> = {},
    ) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const bytes = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
      form.append('file', new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
      const res = await inject(caller, { method: 'POST', url, payload: form, headers });
      if (res.statusCode >= 300) throw new Error(`setup upload ${caller} ${url} → ${res.statusCode} ${res.body.slice(0, 400)}`);
      return res.json<T>();
    },
    shared: {},
  };
  ctx.gd.schoolId = await ctx.schoolId('gd-demo-school');
  ctx.gd.jurisdictionId = (await ctx.one(sql`select id from jurisdictions where code = 'GD'`)).id;

  return { ctx, inject, signIn };
}

/**
 * Runs the matrix: setups, then every route × every outsider. Returns findings and a printable report
 * (also written under the OS temp dir). Callable from any test, so the planted-leak test proves the same
 * code that guards the real routes.
 */
export async function runAccessMatrix(opts: {
  app: FastifyInstance;
  db: Db;
  blobs: BlobStore;
  routes: RouteRef[];
  matrices: ModuleAccessMatrix[];
  callers?: readonly Outsider[];
}): Promise<MatrixResult> {
  const { db } = opts;
  const callers = opts.callers ?? OUTSIDERS;
  const { ctx, inject, signIn } = await createMatrixContext(opts);

  const errors: Finding[] = [];
  const leaks: Finding[] = [];
  const entries = new Map<string, { module: string; entry: AccessEntry }>();
  for (const m of opts.matrices) {
    for (const [key, entry] of Object.entries(m.routes)) {
      if (entries.has(key))
        errors.push({ route: key, caller: '*', status: 0, problem: `entry in both ${entries.get(key)!.module} and ${m.module}` });
      entries.set(key, { module: m.module, entry });
    }
  }
  const values = new Map<string, SetupValues>();
  const markers = new Map<string, string>();
  for (const m of opts.matrices) {
    try {
      const out = await m.setup(ctx);
      values.set(m.module, out.values);
      Object.assign(ctx.shared, out.values);
      for (const marker of out.markers) if (marker) markers.set(marker, m.module);
    } catch (error) {
      errors.push({ route: `setup ${m.module}`, caller: '*', status: 0, problem: String((error as Error).stack ?? error) });
      values.set(m.module, {});
    }
  }

  const registered = new Set(opts.routes.map((r) => `${r.method} ${r.url}`));
  const missing = opts.routes.map((r) => `${r.method} ${r.url}`).filter((k) => !entries.has(k));
  const stale = [...entries.keys()].filter((k) => !registered.has(k));
  const rows: { route: string; module: string; kind: string; statuses: Record<string, string> }[] = [];
  let calls = 0;
  const fingerprint = await rowCounter(db);

  for (const route of opts.routes) {
    const key = `${route.method} ${route.url}`;
    const found = entries.get(key);
    if (!found) continue;
    const { module, entry } = found;
    const v = { ...ctx.shared, ...values.get(module) };
    let url: string;
    try {
      url = fillPath(route.url, entry.params ? { ...v, ...entry.params(v) } : v, !!entry.params);
    } catch (error) {
      errors.push({ route: key, caller: '*', status: 0, problem: (error as Error).message });
      continue;
    }
    const query = entry.query?.(v);
    if (query) url += `?${new URLSearchParams(query).toString()}`;
    const payload = WRITES.has(route.method) ? (entry.body?.(v) ?? {}) : undefined;
    const isWrite = WRITES.has(route.method);
    const extraHeaders = entry.headers?.(v);
    const before = isWrite && entry.kind === 'scoped' ? await fingerprint() : null;
    const statuses: Record<string, string> = {};
    const refusedInput: Outsider[] = [];
    for (const caller of callers) {
      const res: LightMyRequestResponse = await inject(caller, { method: route.method, url, payload, headers: extraHeaders });
      calls++;
      if (caller !== 'anonymous' && caller !== 'hk-api-client' && res.statusCode === 401) {
        // The route may have ended this caller's session (logout); sign in again for the next routes.
        const me = await inject(caller, { method: 'GET', url: '/api/v1/me' });
        if (me.statusCode === 401) await signIn(caller);
      }
      const status = res.statusCode;
      const allowed = entry.allow?.includes(caller) ?? false;
      const body = res.body ?? '';
      const shown = [...markers.keys()].find((m) => body.includes(m));
      let mark = '';
      const excerpt = printable(body);
      if (status >= 500) {
        errors.push({ route: key, caller, status, problem: `server error: ${excerpt}` });
        mark = '!';
      } else if (entry.kind === 'scoped' && !allowed) {
        if (status < 400) {
          leaks.push({ route: key, caller, status, problem: `outsider got ${status}: ${excerpt}` });
          mark = 'LEAK';
        } else if (!DENIED.has(status)) {
          if (!isWrite && !REFUSED_INPUT.has(status)) errors.push({ route: key, caller, status, problem: `unexpected ${status}` });
          refusedInput.push(caller);
        }
      } else if (
        (entry.kind === 'api-client' || entry.kind === 'peer-node') &&
        !allowed &&
        status < 400 &&
        !(entry.kind === 'api-client' && caller === 'hk-api-client')
      ) {
        leaks.push({ route: key, caller, status, problem: `${entry.kind} route answered a ${caller} caller ${status}` });
        mark = 'LEAK';
      } else if (entry.kind === 'signed-in-self' && caller === 'anonymous' && status !== 401) {
        if (status < 400) leaks.push({ route: key, caller, status, problem: 'anonymous caller was served' });
        // A write's body may be checked before the caller is: a 400 to nobody in particular reveals nothing.
        else if (!DENIED.has(status) && !(isWrite && REFUSED_INPUT.has(status)))
          errors.push({ route: key, caller, status, problem: `anonymous expected 401, got ${status}` });
        mark = status < 400 ? 'LEAK' : '';
      }
      if (!mark && shown && status < 400 && !allowed) {
        leaks.push({ route: key, caller, status, problem: `${markers.get(shown)}'s marker ${shown} in the answer` });
        mark = 'LEAK';
      }
      statuses[caller] = `${status}${mark ? ` ${mark}` : ''}`;
    }
    if (before && refusedInput.length) {
      const after = await fingerprint();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) {
        leaks.push({
          route: key,
          caller: refusedInput[0],
          status: 0,
          problem: `refused with a 4xx but rows changed in ${changed.join(', ')}`,
        });
      }
    }
    rows.push({ route: key, module, kind: entry.kind, statuses });
  }

  const report = formatReport(rows, callers, { missing, stale, leaks, errors });
  const reportPath = path.join(mkdtempSync(path.join(tmpdir(), 'edubridge-access-matrix-')), 'access-matrix.txt');
  writeFileSync(reportPath, report);
  return { routes: rows.length, callers, calls, missing, stale, leaks, errors, report, reportPath };
}

/** A short one-line excerpt of an answer for the report (answers may be PDFs or archives). */
function printable(body: string): string {
  return body.slice(0, 160).replace(/[^\x20-\x7e\u00a0-\uffff]+/g, '·');
}

/** Substitutes `:param`s: by default `values[<segment before it>]`, then `values[<param name>]`. */
function fillPath(url: string, values: SetupValues, explicit: boolean): string {
  const parts = url.split('/');
  return parts
    .map((part, i) => {
      if (part === '*') return 'any';
      if (!part.startsWith(':')) return part;
      const name = part.slice(1);
      const byName = values[name];
      const bySegment = values[parts[i - 1]];
      const value = explicit && byName !== undefined ? byName : (bySegment ?? byName);
      if (value === undefined) throw new Error(`no value for :${name} (give the setup a "${parts[i - 1]}" or "${name}" value)`);
      return encodeURIComponent(value);
    })
    .join('/');
}

/**
 * Row counts of the data tables in one query, to prove a refused write changed nothing. Sessions, login
 * attempts and the audit log are left out: signing in and auditing a denial are expected.
 */
async function rowCounter(db: Db): Promise<() => Promise<Record<string, number>>> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  const names = tables.rows.map((r) => r.table_name).filter((t) => !/session|audit|attempt|drizzle|rate|notification|job/.test(t));
  const query = sql.raw(`select ${names.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`);
  return async () => {
    const out = (await db.execute(query)) as unknown as { rows: Record<string, number>[] };
    return out.rows[0];
  };
}

function formatReport(
  rows: { route: string; module: string; kind: string; statuses: Record<string, string> }[],
  callers: readonly Outsider[],
  f: { missing: string[]; stale: string[]; leaks: Finding[]; errors: Finding[] },
): string {
  const width = Math.max(...rows.map((r) => r.route.length), 10);
  const head = `${'route'.padEnd(width)}  ${'kind'.padEnd(14)}  ${callers.map((c) => c.padEnd(15)).join('')}`;
  const lines = rows.map(
    (r) => `${r.route.padEnd(width)}  ${r.kind.padEnd(14)}  ${callers.map((c) => (r.statuses[c] ?? '-').padEnd(15)).join('')}`,
  );
  const list = (title: string, items: string[]) => (items.length ? [``, `${title} (${items.length}):`, ...items.map((i) => `  ${i}`)] : []);
  return [
    `Authorisation matrix: ${rows.length} routes × ${callers.length} outsiders`,
    '',
    head,
    ...lines,
    ...list('ROUTES WITHOUT AN ENTRY', f.missing),
    ...list('ENTRIES FOR UNREGISTERED ROUTES', f.stale),
    ...list(
      'LEAKS',
      f.leaks.map((l) => `${l.route} as ${l.caller} → ${l.status}: ${l.problem}`),
    ),
    ...list(
      'ERRORS',
      f.errors.map((e) => `${e.route} as ${e.caller} → ${e.status}: ${e.problem}`),
    ),
    '',
  ].join('\n');
}
