import { createWriteStream } from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBlobStore } from '../blobs/local-blob-store.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemo, seedJurisdictions } from '../demo/demo.seed.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { freshDatabase } from '../test/test-database.ts';
import { listStoredBlobs } from './backup.blobs.ts';
import { createBackup } from './backup.create.ts';
import { listTables, rowsOf } from './backup.database.ts';
import { RestoreRefusedError } from './backup.errors.ts';
import { restoreBackup } from './backup.restore.ts';

/** PostgreSQL when TEST_DATABASE_URL is set (a fresh database each), else PGlite in a temporary data dir. */
async function databaseIn(dataDir: string, { migrated }: { migrated: boolean }): Promise<DatabaseHandle> {
  if (process.env.TEST_DATABASE_URL) return freshDatabase();
  const handle = await openDatabase({ url: null, pgliteDir: path.join(dataDir, 'pglite') });
  if (migrated) await migrateDatabase(handle);
  return handle;
}

/** Every row of every table as JSON text, sorted; the entries a backup or restore itself writes left out. */
async function everyRow(db: DatabaseHandle['db']): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(db)) {
    const rows = await rowsOf<{ j: string }>(
      db,
      sql`select to_json(t)::text as j from ${sql.identifier('public')}.${sql.identifier(t.name)} t`,
    );
    out[t.name] = rows
      .map((r) => r.j)
      .filter((j) => t.name !== 'audit_entries' || !/"action":"node\.(backup|restore)"/.test(j))
      .sort();
  }
  return out;
}

async function everyBlob(dataDir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const b of await listStoredBlobs(path.join(dataDir, 'blobs'))) out[b.sha256] = await readFile(b.path);
  return out;
}

/** Rewrites entries of an archive (as an attacker or a bit-rot would), keeping it a valid .tar.gz. */
async function rewriteArchive(from: string, to: string, edit: (name: string, bytes: Buffer) => Buffer | null): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  const reading = pipeline(createReadStream(from), createGunzip(), extract);
  const writing = pipeline(pack, createGzip(), createWriteStream(to));
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const c of entry as AsyncIterable<Buffer>) chunks.push(c);
    const bytes = edit(entry.header.name, Buffer.concat(chunks));
    if (bytes) pack.entry({ name: entry.header.name, size: bytes.length }, bytes);
  }
  pack.finalize();
  await reading;
  await writing;
}

const editJson = (bytes: Buffer, change: (m: Record<string, unknown>) => void) => {
  const m = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  change(m);
  return Buffer.from(JSON.stringify(m));
};

describe('backup and restore', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'eb-backup-'));
  const sourceDir = path.join(work, 'source');
  const targetDir = path.join(work, 'target');
  const archive = path.join(work, 'node.ebk');
  let source: DatabaseHandle;
  let target: DatabaseHandle;

  beforeAll(async () => {
    source = await databaseIn(sourceDir, { migrated: true });
    await seedJurisdictions(source.db);
    await seedDemo(source.db, { blobs: createLocalBlobStore(path.join(sourceDir, 'blobs')) });
    target = await databaseIn(targetDir, { migrated: false });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('restores the seeded demo into an empty data dir with every row and every blob identical', async () => {
    const backup = await createBackup({ database: source, blobsDir: path.join(sourceDir, 'blobs'), out: archive });
    expect(backup.rows).toBeGreaterThan(100);
    expect(backup.blobs).toBeGreaterThan(0);

    const restored = await restoreBackup({ database: target, dataDir: targetDir, from: archive });
    expect(restored.rows).toBe(backup.rows);
    expect(restored.replacedExisting).toBe(false);

    const [before, after] = [await everyRow(source.db), await everyRow(target.db)];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(await everyBlob(targetDir)).toEqual(await everyBlob(sourceDir));

    // Both operations are on the record, and the restored chain still verifies.
    const actions = async (db: DatabaseHandle['db']) =>
      (await rowsOf<{ action: string }>(db, sql`select action from audit_entries where action like 'node.%'`)).map((r) => r.action);
    expect(await actions(source.db)).toEqual(['node.backup']);
    expect(await actions(target.db)).toEqual(['node.restore']);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  });

  it('refuses a target that holds data unless forced, and then replaces it', async () => {
    const err = await restoreBackup({ database: target, dataDir: targetDir, from: archive }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect((err as RestoreRefusedError).code).toBe('TARGET_NOT_EMPTY');

    await target.db.execute(sql`delete from notifications`);
    await target.db.execute(sql`update schools set code = code || 'X' where code = (select min(code) from schools)`);
    const forced = await restoreBackup({ database: target, dataDir: targetDir, from: archive, force: true });
    expect(forced.replacedExisting).toBe(true);
    const [before, after] = [await everyRow(source.db), await everyRow(target.db)];
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  });

  const refusedAndUnchanged = async (damaged: string, code: RestoreRefusedError['code'] | RestoreRefusedError['code'][]) => {
    const rowsBefore = await everyRow(target.db);
    const blobsBefore = await everyBlob(targetDir);
    const err = await restoreBackup({ database: target, dataDir: targetDir, from: damaged, force: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect([code].flat()).toContain((err as RestoreRefusedError).code);
    expect(await everyRow(target.db)).toEqual(rowsBefore);
    expect(await everyBlob(targetDir)).toEqual(blobsBefore);
  };

  it('refuses a corrupted archive and leaves the target unchanged', async () => {
    const bytes = readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const flipped = path.join(work, 'flipped.ebk');
    writeFileSync(flipped, bytes);
    // Depending on where the byte lands, gzip's CRC or the manifest's SHA-256 notices first.
    await refusedAndUnchanged(flipped, ['ARCHIVE_UNREADABLE', 'ARCHIVE_CHECKSUM_MISMATCH']);
  });

  it('refuses a blob or a table whose bytes differ from the manifest', async () => {
    const blobEdited = path.join(work, 'blob-edited.ebk');
    let touched = false;
    await rewriteArchive(archive, blobEdited, (name, b) => {
      if (!name.startsWith('blobs/') || touched) return b;
      touched = true;
      return Buffer.concat([b, Buffer.from('appended')]);
    });
    await refusedAndUnchanged(blobEdited, 'ARCHIVE_CHECKSUM_MISMATCH');

    const rowEdited = path.join(work, 'row-edited.ebk');
    await rewriteArchive(archive, rowEdited, (name, b) =>
      name === 'tables/users.jsonl' ? Buffer.from(b.toString().replace('gd-teacher', 'gd-intruder')) : b,
    );
    await refusedAndUnchanged(rowEdited, 'ARCHIVE_CHECKSUM_MISMATCH');
  });

  it('refuses an archive from a newer migration level', async () => {
    const newer = path.join(work, 'newer.ebk');
    await rewriteArchive(archive, newer, (name, b) =>
      name === 'manifest.json'
        ? editJson(b, (m) => {
            (m.migrations as unknown[]).push({ hash: 'f'.repeat(64), createdAt: 4102444800000 });
          })
        : b,
    );
    await refusedAndUnchanged(newer, 'ARCHIVE_FROM_NEWER_VERSION');
  });

  it('rolls the whole restore back when a row cannot be loaded', async () => {
    // A consistent manifest over an inconsistent table (a duplicated primary key): only the database notices.
    const duplicated = path.join(work, 'duplicated.ebk');
    const { createHash } = await import('node:crypto');
    let table = Buffer.alloc(0);
    const extract = tar.extract();
    const reading = pipeline(createReadStream(archive), createGunzip(), extract);
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry as AsyncIterable<Buffer>) chunks.push(c);
      if (entry.header.name === 'tables/users.jsonl') table = Buffer.concat(chunks);
    }
    await reading;
    const firstLine = table.subarray(0, table.indexOf(10) + 1);
    const doubled = Buffer.concat([table, firstLine]);
    await rewriteArchive(archive, duplicated, (name, b) => {
      if (name === 'tables/users.jsonl') return doubled;
      if (name !== 'manifest.json') return b;
      return editJson(b, (m) => {
        const users = (m.tables as { name: string; rows: number; sha256: string }[]).find((t) => t.name === 'users')!;
        users.rows += 1;
        users.sha256 = createHash('sha256').update(doubled).digest('hex');
      });
    });
    const rowsBefore = await everyRow(target.db);
    const blobsBefore = await everyBlob(targetDir);
    await expect(restoreBackup({ database: target, dataDir: targetDir, from: duplicated, force: true })).rejects.toThrow(
      /restoring table users failed: duplicate key/,
    );
    expect(await everyRow(target.db)).toEqual(rowsBefore);
    expect(await everyBlob(targetDir)).toEqual(blobsBefore);
  });
});
