import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scratchPostgresDatabase } from '../../src/server/test/scratch.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr), e.g. to read the demo school codes. */
  log: () => string;
  stop: () => Promise<void>;
  /** Stops the server and starts it again on the same port, data directory and database (a deploy, a crash). */
  restart: () => Promise<void>;
}

/** Newest modification time among the files the web build reads. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['src/web', 'src/shared', 'index.html', 'vite.config.ts']) {
    if (existsSync(path.join(ROOT, entry))) visit(path.join(ROOT, entry));
  }
  return newest;
}

function builtIsCurrent(): boolean {
  const built = path.join(ROOT, 'dist/web/index.html');
  return existsSync(built) && statSync(built).mtimeMs >= newestSourceTime();
}

/**
 * The built app is what users get: build it when it is missing (a fresh clone, CI) or older than its
 * sources (a developer's edit). Test files run in parallel workers, so the build takes a lock directory:
 * one worker builds, the others wait and reuse its output.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (builtIsCurrent()) return;
  const lock = path.join(ROOT, 'dist/.web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock left by a killed run goes stale after 3 minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another worker to build the web app');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (builtIsCurrent()) return;
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('vite build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the real server (`node bin/edubridge.js serve`) on a free port with a fresh data directory and
 * the demo seeded, as an operator would run it; the browser then talks to it like a user's would.
 */
export async function startServer(): Promise<RunningServer> {
  await ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'edubridge-e2e-'));
  // With TEST_DATABASE_URL (the CI's PostgreSQL pass) the server runs on a fresh PostgreSQL database, so the
  // browser tests prove both engines like the rest of the suite.
  const database = await scratchPostgresDatabase('edubridge_e2e');
  let output = '';
  const launch = () => {
    const spawned = spawn(process.execPath, [path.join(ROOT, 'bin/edubridge.js'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        EDUBRIDGE_DATA_DIR: dataDir,
        EDUBRIDGE_DEMO: '1',
        DATABASE_URL: database?.url ?? '',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    spawned.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return spawned;
  };
  let child = launch();
  const log = () => output;
  const baseUrl = `http://127.0.0.1:${port}`;

  const halt = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const stop = async () => {
    await halt();
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  const restart = async () => {
    await halt();
    child = launch();
    await waitForHealth(baseUrl, child, log, 300_000);
  };

  try {
    await waitForHealth(baseUrl, child, log, 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, log, stop, restart };
}
