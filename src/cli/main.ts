import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig, ConfigError } from '../server/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The server and its modules load only for the commands that use a database: `edubridge deid` runs on an
 * analyst's laptop and should not compile the whole node to start.
 */
const node = async () => ({
  ...(await import('../server/db/migrate.ts')),
  ...(await import('../server/demo/demo.seed.ts')),
  ...(await import('../server/blobs/local-blob-store.ts')),
  ...(await import('../server/main.ts')),
});

/** `edubridge`: the operator's command. Every subcommand reads the same config as the server. */
const program = new Command('edubridge').description('EduBridge (湾区智教桥) node operations');

program
  .command('serve')
  .description('start the HTTP server (migrates the database first; seeds the demo when enabled)')
  .option('--build-web-if-missing', 'build the web app first when dist/web is absent')
  .action(async (opts: { buildWebIfMissing?: boolean }) => {
    if (opts.buildWebIfMissing) buildWebIfMissing();
    const { startServer } = await node();
    await startServer(loadConfig());
  });

program
  .command('migrate')
  .description('apply the SQL migrations to the configured database')
  .action(async () => {
    const { openConfiguredDatabase, migrateDatabase, seedJurisdictions } = await node();
    const database = await openConfiguredDatabase(loadConfig());
    await migrateDatabase(database);
    await seedJurisdictions(database.db);
    await database.close();
    console.log(`migrated (${database.kind})`);
  });

program
  .command('seed')
  .description('seed the demo jurisdictions, schools and accounts (idempotent)')
  .action(async () => {
    const { openConfiguredDatabase, migrateDatabase, seedDemo, createLocalBlobStore } = await node();
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    await migrateDatabase(database);
    const result = await seedDemo(database.db, { blobs: createLocalBlobStore(path.join(config.dataDir, 'blobs')) });
    await database.close();
    console.log(result.created ? 'demo seeded' : 'demo already present; nothing changed');
  });

const admin = program.command('admin').description('accounts');
admin
  .command('create')
  .description('create a platform administrator (the first admin of a node)')
  .requiredOption('--username <name>', 'login name')
  .option('--display-name <name>', 'name shown in the UI')
  .option('--jurisdiction <codes>', 'jurisdiction codes the admin operates, comma-separated', 'GD,HK,MO,HB')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action(async (opts: { username: string; displayName?: string; jurisdiction: string; passwordStdin?: boolean }) => {
    const { openConfiguredDatabase, migrateDatabase, seedJurisdictions } = await node();
    const { createPlatformAdmin } = await import('../server/modules/identity/identity.admin.ts');
    const database = await openConfiguredDatabase(loadConfig());
    await migrateDatabase(database);
    await seedJurisdictions(database.db);
    const password = opts.passwordStdin ? (await readStdin()).trim() : undefined;
    const result = await createPlatformAdmin(database.db, {
      username: opts.username,
      displayName: opts.displayName ?? opts.username,
      jurisdictionCodes: opts.jurisdiction.split(',').map((c) => c.trim().toUpperCase()),
      password,
    });
    await database.close();
    console.log(`created ${result.username}`);
    if (result.generatedPassword) console.log(`initial password (shown once, must be changed at first login): ${result.generatedPassword}`);
  });

const audit = program.command('audit').description('the hash-chained audit log');
audit
  .command('verify')
  .description('check every entry of the chain; exits 1 when an entry was edited, inserted or deleted')
  .action(async () => {
    const { openConfiguredDatabase, migrateDatabase } = await node();
    const { verifyAuditChain } = await import('../server/modules/audit/audit.service.ts');
    const database = await openConfiguredDatabase(loadConfig());
    await migrateDatabase(database);
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.ok) console.log(`audit chain intact: ${result.checked} entries`);
    else
      console.error(`audit chain BROKEN at entry ${result.firstBadSeq} (${result.reason}); ${result.checked} entries before it are intact`);
    process.exitCode = result.ok ? 0 : 1;
  });

const resources = program.command('resources').description('the shared resource library');
resources
  .command('import')
  .description('import resources from JSONL (one object a line), idempotent by externalId per school')
  .requiredOption('--file <path>', 'the .jsonl file')
  .requiredOption('--school <code>', 'school the resources belong to')
  .option('--publish-level <level>', 'private (drafts) or a level to publish at directly', 'private')
  .option('--author <username>', 'author of the imported resources (default: a staff member of the school)')
  .action(async (opts: { file: string; school: string; publishLevel: string; author?: string }) => {
    const { readFile } = await import('node:fs/promises');
    const { PUBLISH_LEVELS } = await import('../shared/library.ts');
    const { importResourcesForSchoolCode } = await import('../server/modules/library/library.import.service.ts');
    const { SYSTEM_ACTOR } = await import('../server/modules/identity/identity.access.ts');
    const level = PUBLISH_LEVELS.find((l) => l === opts.publishLevel);
    if (!level) throw new Error(`--publish-level must be one of ${PUBLISH_LEVELS.join(', ')}`);
    const { openConfiguredDatabase, migrateDatabase } = await node();
    const database = await openConfiguredDatabase(loadConfig());
    await migrateDatabase(database);
    try {
      const report = await importResourcesForSchoolCode(
        database.db,
        { ...SYSTEM_ACTOR, username: 'cli:resources-import' },
        await readFile(opts.file, 'utf8'),
        {
          schoolCode: opts.school,
          publishLevel: level,
          authorUsername: opts.author,
        },
      );
      console.log(`created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed}`);
      for (const e of report.errors) console.error(`  line ${e.line}: ${e.path} — ${e.message}`);
      process.exitCode = report.failed ? 2 : 0;
    } finally {
      await database.close();
    }
  });

function buildWebIfMissing() {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  console.log('building the web app (first start)…');
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

program.addCommand((await import('./deid.ts')).deidCommand());
program.addCommand((await import('./backup.ts')).backupCommand());
program.addCommand((await import('./restore.ts')).restoreCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
