import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { DatabaseHandle, DbOrTx } from '../db/client.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { SYSTEM_ACTOR } from '../modules/identity/identity.access.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { unpackArchive, type UnpackedArchive } from './backup.archive.ts';
import { listStoredBlobs } from './backup.blobs.ts';
import {
  addForeignKeys,
  databaseHasRows,
  dropForeignKeys,
  insertJsonRows,
  listTables,
  setSequence,
  type TableShape,
} from './backup.database.ts';
import { RestoreRefusedError } from './backup.errors.ts';

export interface RestoreSummary {
  migrationLevel: number;
  /** Migrations of this version applied on top of the archive's level. */
  upgradedBy: number;
  tables: number;
  rows: number;
  blobs: number;
  replacedExisting: boolean;
}

/**
 * `edubridge restore`: all or nothing. The archive is unpacked and verified before the target is touched;
 * the database is then rebuilt in ONE transaction (schema at the archive's migration level → rows → keys
 * and sequences → this version's later migrations → audit entry); only after it commits do the verified
 * blobs replace the blob folder by rename.
 *
 * @example await restoreBackup({ database, dataDir: config.dataDir, from: 'node.ebk' })
 */
export async function restoreBackup(opts: {
  database: DatabaseHandle;
  dataDir: string;
  from: string;
  force?: boolean;
}): Promise<RestoreSummary> {
  const { database } = opts;
  const blobsDir = path.join(opts.dataDir, 'blobs');
  const occupied = (await databaseHasRows(database.db)) || (await listStoredBlobs(blobsDir)).length > 0;
  if (occupied && !opts.force) {
    throw new RestoreRefusedError('TARGET_NOT_EMPTY', 'the target already holds data; restore replaces all of it only with --force');
  }
  await mkdir(opts.dataDir, { recursive: true });
  // Staged inside the data dir, so moving the verified blobs into place is a rename on the same file system.
  const stage = await mkdtemp(path.join(opts.dataDir, '.restore-'));
  try {
    const archive = await unpackArchive(opts.from, stage);
    const code = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
    const level = checkMigrationLevel(archive, code);
    let rows = 0;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`drop schema if exists drizzle cascade`);
      await tx.execute(sql`drop schema if exists public cascade`);
      await tx.execute(sql`create schema public`);
      await applyMigrations(tx, code.slice(0, level));
      const shapes = new Map((await listTables(tx)).map((t) => [t.name, t]));
      const keys = await dropForeignKeys(tx);
      for (const t of archive.manifest.tables) {
        const shape = shapes.get(t.name);
        const missing = shape ? t.columns.filter((c) => !shape.columns.includes(c)) : [];
        if (!shape || missing.length) {
          throw new RestoreRefusedError(
            'ARCHIVE_FROM_OTHER_LINEAGE',
            `table ${t.name} differs from this version's schema at the archive's level`,
          );
        }
        rows += await loadTable(tx, { name: t.name, columns: t.columns }, archive.tableFile(t.name));
      }
      await addForeignKeys(tx, keys);
      for (const s of archive.manifest.sequences) await setSequence(tx, s);
      await applyMigrations(tx, code.slice(level));
      await recordAudit(
        tx,
        { ...SYSTEM_ACTOR, username: 'cli:restore' },
        {
          action: 'node.restore',
          targetType: 'backup',
          targetId: archive.sha256,
          details: {
            file: path.basename(opts.from),
            backupCreatedAt: archive.manifest.createdAt,
            sourceDatabase: archive.manifest.database,
            sourceVersion: archive.manifest.app.version,
            migrationLevel: level,
            rows,
            blobs: archive.manifest.blobs.length,
            replacedExisting: occupied,
          },
        },
      );
    });
    await swapBlobFolder(blobsDir, archive.blobsDir, stage);
    return {
      migrationLevel: level,
      upgradedBy: code.length - level,
      tables: archive.manifest.tables.length,
      rows,
      blobs: archive.manifest.blobs.length,
      replacedExisting: occupied,
    };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** An archive restores onto its own migration level; newer levels or another migration history are refused. */
function checkMigrationLevel(archive: UnpackedArchive, code: MigrationMeta[]): number {
  const applied = archive.manifest.migrations;
  if (applied.length > code.length) {
    throw new RestoreRefusedError(
      'ARCHIVE_FROM_NEWER_VERSION',
      `the archive is at migration level ${applied.length} (EduBridge ${archive.manifest.app.version}); this version knows ${code.length}. Restore with a newer EduBridge.`,
    );
  }
  const differs = applied.findIndex((m, i) => m.createdAt !== code[i].folderMillis);
  if (differs !== -1) {
    throw new RestoreRefusedError(
      'ARCHIVE_FROM_OTHER_LINEAGE',
      `migration ${differs + 1} of the archive is not this version's migration ${differs + 1}`,
    );
  }
  return applied.length;
}

/** drizzle's own migrator bookkeeping, but inside our transaction so the restore stays all or nothing. */
async function applyMigrations(tx: DbOrTx, migrations: MigrationMeta[]): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const m of migrations) {
    for (const statement of m.sql) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
  }
}

/**
 * Loads one table's rows in batches. A failure names the table and the database's reason but not the rows:
 * the driver's own error would print a whole batch of personal records to the operator's terminal.
 */
async function loadTable(tx: DbOrTx, table: TableShape, file: string): Promise<number> {
  try {
    return await loadBatches(tx, table, file);
  } catch (err) {
    // The driver's error, not drizzle's wrapper: its message carries the whole batch (personal records) as
    // parameters, and the CLI prints the cause chain.
    const dbError = (err as { cause?: Error }).cause ?? new Error((err as Error).message.split('\n')[0].slice(0, 200));
    // eslint-disable-next-line preserve-caught-error -- see above
    throw new Error(`restoring table ${table.name} failed: ${dbError.message}; nothing was changed`, { cause: dbError });
  }
}

async function loadBatches(tx: DbOrTx, table: TableShape, file: string): Promise<number> {
  let batch: string[] = [];
  let bytes = 0;
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    batch.push(line);
    bytes += line.length;
    rows++;
    if (batch.length >= 1000 || bytes > 4_000_000) {
      await insertJsonRows(tx, table, batch);
      batch = [];
      bytes = 0;
    }
  }
  await insertJsonRows(tx, table, batch);
  return rows;
}

async function swapBlobFolder(blobsDir: string, restored: string, stage: string): Promise<void> {
  const replaced = path.join(stage, 'replaced-blobs');
  if (existsSync(blobsDir)) await rename(blobsDir, replaced);
  await rename(restored, blobsDir);
}
