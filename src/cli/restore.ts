import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../server/config.ts';

/**
 * `edubridge restore --from FILE [--data-dir DIR] [--force]`: rebuilds the configured database and blob
 * store from a backup, all or nothing (docs/operations.md). Refusals exit 1 with the reason and change nothing.
 */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('replace the database and stored files with a backup archive (refuses a non-empty target without --force)')
    .requiredOption('--from <file>', 'the archive written by `edubridge backup`')
    .option('--data-dir <dir>', 'restore into this data dir instead of EDUBRIDGE_DATA_DIR')
    .option('--force', 'replace a target that already holds data')
    .action(async (opts: { from: string; dataDir?: string; force?: boolean }) => {
      const configured = loadConfig();
      const config = opts.dataDir ? { ...configured, dataDir: path.resolve(opts.dataDir) } : configured;
      const { openDatabase } = await import('../server/db/client.ts');
      const { restoreBackup } = await import('../server/backup/backup.restore.ts');
      const { RestoreRefusedError } = await import('../server/backup/backup.errors.ts');
      const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
      try {
        const s = await restoreBackup({ database, dataDir: config.dataDir, from: opts.from, force: opts.force });
        console.log(
          `restored into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}: ${s.tables} tables, ${s.rows} rows, ${s.blobs} files`,
        );
        if (s.upgradedBy) console.log(`  migrated from level ${s.migrationLevel} by ${s.upgradedBy} newer migrations`);
      } catch (err) {
        if (!(err instanceof RestoreRefusedError)) throw err;
        console.error(`restore refused (${err.code}): ${err.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
