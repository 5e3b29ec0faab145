import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createLocalBlobStore } from '../../src/server/blobs/local-blob-store.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedDemo, seedJurisdictions } from '../../src/server/demo/demo.seed.ts';

export interface LoadServer {
  base: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The real app on a random port with the demo seeded: PGlite in a temporary data dir, or the (empty)
 * PostgreSQL database in LOAD_DATABASE_URL. The login limiter is raised, because the bench measures the
 * cost of a login, not the limiter's refusals; the logger is off, as a production node logs to a pipe.
 */
export async function startLoadServer(): Promise<LoadServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eb-load-'));
  const config = loadConfig({
    EDUBRIDGE_DATA_DIR: dataDir,
    EDUBRIDGE_SESSION_SECRET: 'load-bench-'.padEnd(40, 'x'),
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.LOAD_DATABASE_URL ?? '',
  });
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(dataDir, 'pglite') });
  await migrateDatabase(database);
  await seedJurisdictions(database.db);
  const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
  await seedDemo(database.db, { blobs });
  const app = await buildApp({ config, database, blobs, logger: false, serveWeb: false, authRateLimit: { max: 1e9, timeWindow: 60_000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
