import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { createLocalBlobStore } from './blobs/local-blob-store.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { ACCOUNTS, DEMO_PASSWORD } from './demo/demo.data.ts';
import { seedDemo, seedJurisdictions } from './demo/demo.seed.ts';
import { DEMO_LRS_CLIENT } from './modules/records/records.demo.ts';
import { jobRegistry } from './jobs/jobs.registry.ts';
import { startJobRunner } from './jobs/jobs.runner.ts';
import { purgeExpiredSessions } from './modules/identity/identity.sessions.ts';
import { rollUpCompleteDays } from './modules/records/records.rollup.ts';
import { startFederationPulls } from './modules/federation/federation.schedule.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data dir. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
}

/**
 * The composition root: config → database (migrated) → demo seed → HTTP. Nothing else lives here.
 */
export async function startServer(config: Config = loadConfig()): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  await migrateDatabase(database);
  await seedJurisdictions(database.db);
  const blobs = createLocalBlobStore(path.join(config.dataDir, 'blobs'));
  const app = await buildApp({ config, database, blobs });
  if (config.demo) {
    const seeded = await seedDemo(database.db, { blobs });
    app.log.info({ schools: seeded.schools.map((s) => s.code) }, seeded.created ? 'demo data seeded' : 'demo data present');
  }
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = startJobRunner({
    db: database.db,
    blobs,
    registry: jobRegistry,
    onError: (err, jobId) => app.log.error({ err, jobId }, 'background job failed'),
  });
  const stopFederation = startFederationPulls({ config, db: database.db, blobs, log: app.log });
  const rollUp = () => rollUpCompleteDays(database.db).catch((err) => app.log.warn({ err }, 'xAPI daily roll-up failed'));
  void rollUp();
  const housekeeping = setInterval(() => {
    purgeExpiredSessions(database.db).catch((err) => app.log.warn({ err }, 'session purge failed'));
    void rollUp();
  }, 3600_000);
  housekeeping.unref();
  app.log.info({ ms: Date.now() - started, database: database.kind, url: config.publicUrl }, 'EduBridge ready');
  if (config.demo) printDemoAccounts(config);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    stopFederation();
    await app.close();
    await stopJobs();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, database };
}

function printDemoAccounts(config: Config) {
  const lines = [
    '',
    `  EduBridge demo is up at ${config.publicUrl}`,
    `  Demo accounts (password: ${DEMO_PASSWORD}):`,
    ...ACCOUNTS.map((a) => `    ${a.username.padEnd(16)} ${a.description}`),
    `  xAPI learning record store: ${config.publicUrl}/xapi/ (HTTP Basic ${DEMO_LRS_CLIENT.key} / ${DEMO_LRS_CLIENT.secret}, school ${DEMO_LRS_CLIENT.school})`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
