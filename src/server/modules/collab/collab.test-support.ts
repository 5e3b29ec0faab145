import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createLocalBlobStore } from '../../blobs/local-blob-store.ts';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import type { CollabAccess, CollabAuthoriser } from './collab.service.ts';

/**
 * Collab tests do not depend on the courses module: they replace the `lesson` authoriser with this one,
 * whose answers a test sets per lesson and user.
 */
export const grants = new Map<string, CollabAccess>(); // `${lessonId}/${userId}` → access
export const testAuthoriser: CollabAuthoriser = async (ctx, id) => grants.get(`${id}/${ctx.actor.id}`) ?? null;

export interface Running {
  app: FastifyInstance;
  wsUrl: string;
  baseUrl: string;
}

/** The real app with the test authoriser on an existing database; listening on a free port when asked. */
export async function startCollabApp(database: DatabaseHandle, opts: { listen?: boolean } = { listen: true }): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'edubridge-collab-'));
  const config = loadConfig({ EDUBRIDGE_DATA_DIR: dataDir, EDUBRIDGE_SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
  const app = await buildApp({
    config,
    database,
    logger: false,
    authRateLimit: { max: 1000, timeWindow: 60_000 },
    serveWeb: false,
    blobs: createLocalBlobStore(path.join(dataDir, 'blobs')),
    collabAuthorisers: { lesson: testAuthoriser },
  });
  if (opts.listen === false) {
    await app.ready();
    return { app, wsUrl: '', baseUrl: '' };
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, wsUrl: `ws://127.0.0.1:${port}/collab`, baseUrl: `http://127.0.0.1:${port}` };
}
