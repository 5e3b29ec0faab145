import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseHandle } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../modules/identity/identity.access.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { meter, writeArchive, type ArchiveFile } from './backup.archive.ts';
import { listStoredBlobs } from './backup.blobs.ts';
import { appliedMigrations, listSequences, listTables, tableRowsAsJson } from './backup.database.ts';
import { appVersion, BACKUP_FORMAT, blobEntryName, tableEntryName, type BackupManifest } from './backup.manifest.ts';

export interface BackupSummary {
  file: string;
  sha256: string;
  bytes: number;
  migrationLevel: number;
  tables: number;
  rows: number;
  blobs: number;
}

/**
 * `edubridge backup`: a logical dump of every table from one REPEATABLE READ snapshot (consistent across
 * tables while the node keeps serving on PostgreSQL) plus every blob, in one archive (backup.archive.ts).
 * Portable by design: no pg_dump binary, and the same archive restores onto PGlite or PostgreSQL.
 *
 * @example await createBackup({ database, blobsDir: path.join(config.dataDir, 'blobs'), out: 'node.ebk' })
 */
export async function createBackup(opts: { database: DatabaseHandle; blobsDir: string; out: string }): Promise<BackupSummary> {
  const { database } = opts;
  const out = path.resolve(opts.out);
  const stage = await mkdtemp(path.join(tmpdir(), 'edubridge-backup-'));
  try {
    const snapshot = await database.db.transaction(
      async (tx) => {
        const migrations = await appliedMigrations(tx);
        if (!migrations.length) throw new Error('the database was never migrated; there is nothing to back up');
        const tables = [];
        for (const t of await listTables(tx)) {
          const file = path.join(stage, `${t.name}.jsonl`);
          const m = meter();
          await pipeline(Readable.from(asLines(tableRowsAsJson(tx, t))), m, createWriteStream(file));
          tables.push({ ...t, rows: m.lines, sha256: m.digest(), size: m.bytes, file });
        }
        return { migrations, tables, sequences: await listSequences(tx) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // Blobs are immutable and content-addressed, so listing them after the snapshot can only add unreferenced
    // ones, never miss a referenced one (rows that reference a blob are written after the blob).
    const blobs = await listStoredBlobs(opts.blobsDir);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      app: { name: 'edubridge', version: appVersion() },
      createdAt: new Date().toISOString(),
      database: database.kind,
      migrations: snapshot.migrations,
      tables: snapshot.tables.map((t) => ({ name: t.name, columns: t.columns, rows: t.rows, sha256: t.sha256 })),
      sequences: snapshot.sequences,
      blobs: blobs.map((b) => ({ sha256: b.sha256, size: b.size })),
    };
    const files: ArchiveFile[] = [
      ...snapshot.tables.map((t) => ({ name: tableEntryName(t.name), path: t.file, size: t.size, sha256: t.sha256 })),
      ...blobs.map((b) => ({ name: blobEntryName(b.sha256), path: b.path, size: b.size, sha256: b.sha256 })),
    ];
    const archive = await writeArchive(out, manifest, files);
    const summary: BackupSummary = {
      file: out,
      sha256: archive.sha256,
      bytes: archive.bytes,
      migrationLevel: manifest.migrations.length,
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
      blobs: manifest.blobs.length,
    };
    // Recorded after the snapshot (which was read-only), so the archive does not contain its own entry.
    await database.db.transaction((tx) =>
      recordAudit(
        tx,
        { ...SYSTEM_ACTOR, username: 'cli:backup' },
        {
          action: 'node.backup',
          targetType: 'backup',
          targetId: archive.sha256,
          details: { ...summary, file: path.basename(out), createdAt: manifest.createdAt },
        },
      ),
    );
    return summary;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function* asLines(rows: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const r of rows) yield r + '\n';
}
