#!/usr/bin/env node
// `npm run demo:federation`: three EduBridge nodes — Guangdong, Hong Kong, Macao — on ports 3001–3003,
// each with its own data directory, peered with each other as siblings (docs/federation.md).
// The federation integration test imports the helpers below to start real node processes the same way.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'edubridge-demo';

export const DEMO_NODES = [
  { code: 'GD', name: 'EduBridge 广东 Guangdong', port: 3001 },
  { code: 'HK', name: 'EduBridge 香港 Hong Kong', port: 3002 },
  { code: 'MO', name: 'EduBridge 澳門 Macao', port: 3003 },
];

/**
 * Starts one node process (`node bin/edubridge.js serve`) and resolves once it answers /readyz.
 * `env` adds or overrides variables (tests shorten the pull interval).
 */
export async function startNode({ code, name, port, dataDir, env = {}, readyTimeoutMs = 300_000, onLog }) {
  mkdirSync(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/edubridge.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      EDUBRIDGE_DATA_DIR: dataDir,
      EDUBRIDGE_DEMO: '1',
      EDUBRIDGE_NODE_NAME: name,
      EDUBRIDGE_NODE_JURISDICTIONS: code,
      EDUBRIDGE_NODE_LEVEL: 'province',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
    onLog?.(chunk.toString());
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${code} node exited (${child.exitCode}):\n${log.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${code} node not ready after ${readyTimeoutMs} ms:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    code,
    url,
    child,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Signs in through the JSON API; answers headers for later calls (cookie and CSRF token). */
export async function login(baseUrl, username, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} at ${baseUrl}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('eb_csrf='))?.slice('eb_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}

/** A JSON call with a session; throws with the problem text unless the status is 2xx. */
export async function call(baseUrl, session, method, urlPath, body) {
  const res = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { ...session, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath} at ${baseUrl}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** `a` proposes `b` as `relation`; b's admin accepts. Both answer through their own admin account. */
export async function peerNodes(a, b, relation = 'sibling', username = 'demo-admin') {
  const adminA = await login(a.url, username);
  const adminB = await login(b.url, username);
  await call(a.url, adminA, 'POST', '/api/v1/federation/peers', { url: b.url, relation });
  const { items } = await call(b.url, adminB, 'GET', '/api/v1/federation/peers');
  const me = await call(a.url, adminA, 'GET', '/api/v1/federation/node');
  const pending = items.find((p) => p.nodeId === me.nodeId && p.status === 'pending');
  if (!pending) throw new Error(`${b.code} did not receive ${a.code}'s proposal`);
  await call(b.url, adminB, 'POST', `/api/v1/federation/peers/${pending.id}/accept`);
}

async function main() {
  const base = path.resolve(process.env.EDUBRIDGE_FEDERATION_DEMO_DIR ?? path.join(ROOT, 'data', 'federation'));
  const nodes = [];
  const stopAll = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    process.exit(0);
  };
  process.once('SIGINT', () => void stopAll());
  process.once('SIGTERM', () => void stopAll());
  process.stdout.write('Starting three EduBridge nodes (first start migrates and seeds: a minute or two)…\n');
  for (const n of DEMO_NODES) {
    nodes.push(
      await startNode({
        ...n,
        dataDir: path.join(base, n.code.toLowerCase()),
        env: { EDUBRIDGE_FEDERATION_PULL_SECONDS: process.env.EDUBRIDGE_FEDERATION_PULL_SECONDS ?? '30' },
      }),
    );
    process.stdout.write(`  ${n.code} ready at http://127.0.0.1:${n.port}\n`);
  }
  const [gd, hk, mo] = nodes;
  for (const [a, b] of [
    [gd, hk],
    [gd, mo],
    [hk, mo],
  ]) {
    try {
      await peerNodes(a, b);
      process.stdout.write(`  peered ${a.code} ↔ ${b.code} (siblings)\n`);
    } catch (err) {
      // A second run finds the peers from the first: the data directories are kept.
      if (String(err).includes('FEDERATION_PEER_EXISTS') || String(err).includes('409'))
        process.stdout.write(`  ${a.code} ↔ ${b.code} already peered\n`);
      else throw err;
    }
  }
  process.stdout.write(
    [
      '',
      '  EduBridge federation demo',
      ...DEMO_NODES.map((n) => `    ${n.code}  http://127.0.0.1:${n.port}   (${n.name})`),
      `  Accounts on every node (password: ${DEMO_PASSWORD}):`,
      '    demo-admin     platform_admin: Federation → Peers shows the peers and feed health',
      '    gd-teacher     teacher on the GD node; hk-teacher on HK; mo-teacher on MO',
      '    hk-steward     data steward: told when an outgoing item is held for personal data',
      '  Publish a resource to the bay-area level on one node; within a pull interval it appears in',
      "  the others' search, marked with its origin. Data: " + base,
      '  Ctrl+C stops all three.',
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
