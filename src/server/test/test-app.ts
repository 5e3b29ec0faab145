import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedJurisdictions } from '../demo/demo.seed.ts';
import { freshDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  blobs: BlobStore;
  close(): Promise<void>;
}

/** The real app on a fresh database, driven through `app.inject` (no port, no mocks). */
export async function createTestApp(): Promise<TestApp> {
  const database = await freshDatabase();
  await seedJurisdictions(database.db);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-test-'));
  const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
  const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
  const app = await buildApp({ config, database, logger: false, authRateLimit: { max: 1000, timeWindow: 60_000 }, serveWeb: false, blobs });
  await app.ready();
  return {
    app,
    database,
    blobs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser: the session cookie plus the CSRF header its writes must carry. */
export interface Session {
  cookie: string;
  headers: Record<string, string>;
  userId: string;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'eb_session')!;
  const csrf = cookies.find((c) => c.name === 'eb_csrf')!;
  const cookie = `eb_session=${session.value}; eb_csrf=${csrf.value}`;
  return { cookie, headers: { cookie, 'x-csrf-token': csrf.value }, userId: (res.json() as { user: { id: string } }).user.id };
}
