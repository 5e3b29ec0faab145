import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WEB_DIST } from '../app.ts';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedDemo, seedJurisdictions } from '../demo/demo.seed.ts';
import { accessMatrix as coursesMatrix } from '../modules/courses/courses.access-matrix.ts';
import { accessMatrix as trainingMatrix } from '../modules/training/training.access-matrix.ts';
import { createMatrixContext } from '../test/access-matrix.runner.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../test/factories.ts';
import { signIn } from '../test/test-app.ts';
import { freshDatabase } from '../test/test-database.ts';

/**
 * Issue #12 part 5: the browser-facing defences, each proved against the real app (docs/security.md).
 * One database for the file; each case builds the app with the configuration it is about.
 */
describe('security headers, sessions and uploads', () => {
  let database: DatabaseHandle;
  const apps: FastifyInstance[] = [];
  let username: string;
  let admin: string;
  let schoolId: string;

  async function app(env: Record<string, string> = {}, opts: { defaultLimits?: boolean; serveWeb?: boolean } = {}) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-security-'));
    const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', ...env });
    const built = await buildApp({
      config,
      database,
      logger: false,
      serveWeb: opts.serveWeb ?? false,
      blobs: createLocalBlobStore(path.join(dataDir, 'blobs')),
      // Undefined = the production default (10 attempts a minute).
      authRateLimit: opts.defaultLimits ? undefined : { max: 10_000, timeWindow: 60_000 },
    });
    await built.ready();
    apps.push(built);
    return { app: built, dataDir };
  }

  beforeAll(async () => {
    database = await freshDatabase();
    await seedJurisdictions(database.db);
    const school = await makeSchool(database.db, { jurisdiction: 'GD' });
    schoolId = school.id;
    username = (await makeUser(database.db, { role: 'teacher', school })).username;
    admin = (await makeUser(database.db, { role: 'school_admin', school })).username;
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await database?.close();
  });

  it('sends a strict CSP on HTML: scripts only from this origin, no plugins, no framing', async () => {
    const web = existsSync(path.join(WEB_DIST, 'index.html'));
    const { app: a } = await app({}, { serveWeb: web });
    const res = await a.inject({ url: web ? '/login' : '/api/docs/static/index.html', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('sends HSTS only when served over TLS, and marks cookies Secure there', async () => {
    const plain = await app();
    const tls = await app({ PUBLIC_URL: 'https://edubridge.example.org' });
    expect((await plain.app.inject('/healthz')).headers['strict-transport-security']).toBeUndefined();
    const hsts = String((await tls.app.inject('/healthz')).headers['strict-transport-security']);
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');

    const flags = async (a: FastifyInstance) => {
      const res = await a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(200);
      const raw = [res.headers['set-cookie']].flat() as string[];
      return {
        session: raw.find((c) => c.startsWith('eb_session='))!.toLowerCase(),
        csrf: raw.find((c) => c.startsWith('eb_csrf='))!.toLowerCase(),
      };
    };
    const overTls = await flags(tls.app);
    expect(overTls.session).toContain('httponly');
    expect(overTls.session).toContain('samesite=lax');
    expect(overTls.session).toContain('secure');
    // The web app must read the CSRF cookie to echo it, so it is not httpOnly, but it is still Secure.
    expect(overTls.csrf).not.toContain('httponly');
    expect(overTls.csrf).toContain('secure');
    const overHttp = await flags(plain.app);
    expect(overHttp.session).toContain('httponly');
    expect(overHttp.session).not.toMatch(/;\s*secure/);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and changes nothing', async () => {
    const { app: a } = await app();
    const s = await signIn(a, username, TEST_PASSWORD);
    const before = (await a.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).json().displayName;
    for (const headers of [{ cookie: s.cookie }, { cookie: s.cookie, 'x-csrf-token': 'forged-token' }]) {
      const res = await a.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { displayName: '攻击者' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
    }
    expect((await a.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).json().displayName).toBe(before);
    const ok = await a.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { displayName: before } });
    expect(ok.statusCode).toBe(200);
  });

  it('issues a new session at login: a planted or earlier session id is not accepted', async () => {
    const { app: a } = await app();
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const login = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `eb_session=${planted}` },
      payload: { username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const issued = (login.cookies as { name: string; value: string }[]).find((c) => c.name === 'eb_session')!.value;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(32);
    expect((await a.inject({ url: '/api/v1/me', headers: { cookie: `eb_session=${planted}` } })).statusCode).toBe(401);
    expect((await a.inject({ url: '/api/v1/me', headers: { cookie: `eb_session=${issued}` } })).statusCode).toBe(200);

    // Signing in again from the same browser replaces the session it held.
    const again = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `eb_session=${issued}` },
      payload: { username, password: TEST_PASSWORD },
    });
    const next = (again.cookies as { name: string; value: string }[]).find((c) => c.name === 'eb_session')!.value;
    expect(next).not.toBe(issued);
    expect((await a.inject({ url: '/api/v1/me', headers: { cookie: `eb_session=${issued}` } })).statusCode).toBe(401);
  });

  it('rate-limits login attempts with the default limits, answering a translated 429', async () => {
    const { app: a } = await app({}, { defaultLimits: true });
    const statuses: number[] = [];
    let last = null as null | Awaited<ReturnType<FastifyInstance['inject']>>;
    for (let i = 0; i < 12; i++) {
      last = await a.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': 'zh-HK' },
        // The limit is per address and username, so one guessed name is hammered.
        payload: { username: 'nobody-at-all', password: `wrong-password-${i}` },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(last!.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(last!.json().title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an upload over the configured limit with a translated 413', async () => {
    const { app: a } = await app({ EDUBRIDGE_MAX_UPLOAD_MB: '1' });
    const s = await signIn(a, admin, TEST_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1024 * 1024 + 4096).fill(0x41)], { type: 'text/csv' }), 'big.csv');
    const res = await a.inject({
      method: 'POST',
      url: `/api/v1/schools/${schoolId}/roster-imports`,
      headers: { ...s.headers, 'accept-language': 'zh-CN' },
      payload: form,
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(res.json().title).toMatch(/[\u4e00-\u9fff]/);
    const { rows } = (await database.db.execute(sql`select count(*)::int as n from roster_imports`)) as unknown as {
      rows: { n: number }[];
    };
    expect(rows[0].n).toBe(0);
  });
});

/** Hostile file names and blob paths on every upload and download route that takes one. */
describe('path traversal in file names and blob paths', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let blobRoot: string;

  beforeAll(async () => {
    database = await freshDatabase();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-traversal-'));
    blobRoot = path.join(dataDir, 'blobs');
    const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
    const blobs = createLocalBlobStore(blobRoot);
    app = await buildApp({ config, database, logger: false, serveWeb: true, blobs, authRateLimit: { max: 10_000, timeWindow: 60_000 } });
    await app.ready();
    await seedDemo(database.db, { blobs });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const HOSTILE = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'a/../../b.txt'];
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0a7e2d80000000049454e44ae426082',
    'hex',
  );

  it('stores uploads under content hashes and keeps no path in any stored file name', async () => {
    const { ctx, inject } = await createMatrixContext({ app, db: database.db, blobs: createLocalBlobStore(blobRoot) });
    const one = async (q: ReturnType<typeof sql>) => ctx.one(q);
    const draft = await one(
      sql`select r.id, r.version, u.username from resources r join users u on u.id = r.author_id
          where r.school_id = ${ctx.gd.schoolId} and r.publish_level = 'private' limit 1`,
    );
    const training = await trainingMatrix.setup(ctx);
    const courses = await coursesMatrix.setup(ctx);
    const evidence = await one(
      sql`select e.id from growth_evidence e join users u on u.id = e.student_id where u.username = 'gd-student' and e.review_status = 'pending' limit 1`,
    );
    const exchange = await one(
      sql`select x.id from network_exchanges x join network_pairs p on p.id = x.pair_id where p.school_a_id = ${ctx.gd.schoolId} limit 1`,
    );
    const entry = await one(
      sql`select e.id from contest_entries e join contest_entry_members m on m.entry_id = e.id join users u on u.id = m.user_id
          where u.username = 'gd-teacher' limit 1`,
    );
    let version = Number(draft.version);
    const targets = (name: string) =>
      [
        { caller: draft.username, url: `/api/v1/resources/${draft.id}/files`, headers: () => ({ 'if-match': String(version++) }) },
        { caller: 'gd-teacher', url: `/api/v1/training/submissions/${training.values.submissions}/files` },
        { caller: 'gd-teacher', url: `/api/v1/courses/${courses.values.courses}/lessons/${courses.values.lessons}/files` },
        { caller: 'gd-student', url: `/api/v1/growth/evidence/${evidence.id}/attachments`, png: true },
        { caller: 'gd-teacher', url: `/api/v1/network/exchanges/${exchange.id}/photos`, png: true },
        { caller: 'gd-teacher', url: `/api/v1/contests/entries/${entry.id}/files` },
        { caller: 'gd-school-admin', url: `/api/v1/schools/${ctx.gd.schoolId}/roster-imports`, csv: true },
      ].map((t) => ({ ...t, name }));

    const stored: string[] = [];
    for (const name of HOSTILE) {
      for (const t of targets(name)) {
        const form = new FormData();
        const data = t.png ? PNG : Buffer.from(t.csv ? '姓名,学号,班级,角色\n路径测试,PT001,初一(1)班,学生\n' : 'plain text notes');
        form.append('file', new Blob([new Uint8Array(data)], { type: t.png ? 'image/png' : 'text/plain' }), name);
        const res = await inject(t.caller, { method: 'POST', url: t.url, payload: form, headers: t.headers?.() });
        expect(res.statusCode, `${t.url} ${name}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode < 300) stored.push(res.body);
        expect(res.body, `${t.url} echoed a path`).not.toMatch(/\.\.[/\\]|"\/etc\/passwd/);
      }
    }
    expect(stored.length).toBeGreaterThan(0);

    // What is in the database: no stored file name carries a directory part.
    for (const [table, column] of [
      ['resource_files', 'filename'],
      ['training_submission_files', 'filename'],
      ['growth_attachments', 'filename'],
      ['network_exchange_photos', 'filename'],
      ['contest_uploads', 'filename'],
    ]) {
      const out = (await database.db.execute(sql.raw(`select "${column}" as name from "${table}"`))) as unknown as {
        rows: { name: string }[];
      };
      for (const { name } of out.rows) expect(name, `${table}.${column}`).not.toMatch(/[/\\]/);
    }

    // On disk: only content-addressed blobs (ab/cd/<sha256>) and the temp folder.
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f)) : [path.join(dir, f)]));
    for (const file of walk(blobRoot)) {
      expect(path.relative(blobRoot, file)).toMatch(/^(tmp\/.*|[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/);
    }
  });

  it('answers 4xx, never a file, for dot-dot segments in blob and download paths', async () => {
    const { inject } = await createMatrixContext({ app, db: database.db, blobs: createLocalBlobStore(blobRoot) });
    const id = '01a20000-0000-7000-8000-000000000000';
    const evil = [
      '..%2f..%2f..%2fetc%2fpasswd',
      '..%252f..%252fetc%252fpasswd',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '....//....//etc/passwd',
    ];
    const templates = [
      (e: string) => `/api/v1/resources/${id}/files/${e}`,
      (e: string) => `/api/v1/training/submissions/${id}/files/${e}`,
      (e: string) => `/api/v1/growth/attachments/${e}`,
      (e: string) => `/api/v1/network/photos/${e}`,
      (e: string) => `/api/v1/contests/entries/${id}/files/${e}`,
      (e: string) => `/api/v1/courses/${id}/lessons/${id}/files/${e}`,
      (e: string) => `/api/v1/privacy/releases/${e}/download`,
      (e: string) => `/assets/${e}`,
      (e: string) => `/${e}`,
      (e: string) => `/api/docs/static/${e}`,
    ];
    for (const caller of ['anonymous', 'gd-teacher']) {
      for (const e of evil) {
        for (const t of templates) {
          const res = await inject(caller, { method: 'GET', url: t(e), headers: { accept: 'application/json' } });
          expect(res.statusCode, `${caller} ${t(e)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${caller} ${t(e)}`).toBeLessThan(500);
          expect(res.body).not.toContain('root:');
        }
      }
    }
  });
});
