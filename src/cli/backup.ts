import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../server/config.ts';

/**
 * `edubridge backup --out FILE`: the configured database (PGlite in the data dir, or DATABASE_URL) and the
 * blob store in one archive (docs/operations.md). The server code loads only when the command runs.
 */
export function backupCommand(): Command {
  return new Command('backup')
    .description('write every table and every stored file to one archive (see docs/operations.md)')
    .requiredOption('--out <file>', 'the archive to write (a gzipped tar; .ebk by convention)')
    .action(async (opts: { out: string }) => {
      const config = loadConfig();
      const { openDatabase } = await import('../server/db/client.ts');
      const { createBackup } = await import('../server/backup/backup.create.ts');
      const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
      try {
        const s = await createBackup({ database, blobsDir: path.join(config.dataDir, 'blobs'), out: opts.out });
        console.log(`backup written: ${s.file}`);
        console.log(`  ${s.tables} tables, ${s.rows} rows, ${s.blobs} files, migration level ${s.migrationLevel}`);
        console.log(`  ${s.bytes} bytes, sha256 ${s.sha256}`);
      } finally {
        await database.close();
      }
    });
}
