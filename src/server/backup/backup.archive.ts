import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { RestoreRefusedError } from './backup.errors.ts';
import { blobEntryName, MANIFEST_NAME, tableEntryName, ZBackupManifest, type BackupManifest } from './backup.manifest.ts';

/**
 * The archive is a gzipped tar: manifest.json first, then tables/<name>.jsonl, then blobs/<sha256>. A plain
 * format on purpose — an operator can inspect it with `tar -tzf` and read a table with `zcat | tar -xO`.
 */
export interface ArchiveFile {
  name: string;
  path: string;
  size: number;
  /** Checked while the bytes stream into the archive, so a blob rotted on disk fails the backup. */
  sha256: string;
}

/** Hashes what flows through it and counts newlines (rows of a .jsonl file). */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  lines = 0;
  constructor(private readonly max = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    if (this.bytes > this.max) return done(new Error('entry longer than its header says'));
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines++;
    done(null, chunk);
  }
  digest() {
    return this.hash.digest('hex');
  }
}

export function meter() {
  return new Meter();
}

/** Writes to `<out>.partial` and renames at the end: a crashed backup never leaves a valid-looking file. */
export async function writeArchive(
  out: string,
  manifest: BackupManifest,
  files: ArchiveFile[],
): Promise<{ sha256: string; bytes: number }> {
  const partial = `${out}.partial`;
  const pack = tar.pack();
  const archiveMeter = new Meter();
  const written = pipeline(pack, createGzip(), archiveMeter, createWriteStream(partial));
  written.catch(() => undefined);
  try {
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: MANIFEST_NAME, size: manifestBytes.length }, manifestBytes, (e) => (e ? reject(e) : resolve())),
    );
    for (const f of files) {
      const check = new Meter();
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name: f.name, size: f.size }, (e) => (e ? reject(e) : resolve()));
        pipeline(createReadStream(f.path), check, entry).catch(reject);
      });
      if (check.digest() !== f.sha256) throw new Error(`${f.name} changed or is corrupt on disk (SHA-256 differs); backup aborted`);
    }
    pack.finalize();
    await written;
    await rename(partial, out);
    return { sha256: archiveMeter.digest(), bytes: archiveMeter.bytes };
  } catch (err) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
}

export interface UnpackedArchive {
  manifest: BackupManifest;
  sha256: string;
  tableFile(table: string): string;
  /** Blobs laid out as the local blob store expects (`ab/cd/<sha256>`), ready to be renamed into place. */
  blobsDir: string;
}

/**
 * Unpacks into `stageDir` and checks every byte against the manifest: each entry must be listed, appear
 * once, have the listed SHA-256 (and row count for tables), and every listed entry must be present. Anything
 * else is refused before the target is touched.
 */
export async function unpackArchive(file: string, stageDir: string): Promise<UnpackedArchive> {
  const refuse = (code: 'ARCHIVE_UNREADABLE' | 'ARCHIVE_CHECKSUM_MISMATCH' | 'ARCHIVE_UNEXPECTED_ENTRY', msg: string) => {
    throw new RestoreRefusedError(code, msg);
  };
  const tablesDir = path.join(stageDir, 'tables');
  const blobsDir = path.join(stageDir, 'blobs');
  await mkdir(tablesDir, { recursive: true });
  await mkdir(blobsDir, { recursive: true });

  const whole = new Meter();
  const extract = tar.extract();
  const source = pipeline(createReadStream(file), whole, createGunzip(), extract);
  source.catch(() => undefined);

  let manifest: BackupManifest | null = null;
  const expected = new Map<string, { sha256: string; rows?: number; dest: string }>();
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== 'file') refuse('ARCHIVE_UNEXPECTED_ENTRY', `entry ${name} is a ${type}, not a file`);
      if (!manifest) {
        if (name !== MANIFEST_NAME) refuse('ARCHIVE_UNEXPECTED_ENTRY', `the archive does not start with ${MANIFEST_NAME}`);
        manifest = parseManifest(await readAll(entry as AsyncIterable<Buffer>, 16 * 1024 * 1024));
        for (const t of manifest.tables)
          expected.set(tableEntryName(t.name), { sha256: t.sha256, rows: t.rows, dest: path.join(tablesDir, `${t.name}.jsonl`) });
        for (const b of manifest.blobs) {
          expected.set(blobEntryName(b.sha256), {
            sha256: b.sha256,
            dest: path.join(blobsDir, b.sha256.slice(0, 2), b.sha256.slice(2, 4), b.sha256),
          });
        }
        continue;
      }
      const want = expected.get(name);
      if (!want) refuse('ARCHIVE_UNEXPECTED_ENTRY', `entry ${name} is not in the manifest (or appears twice)`);
      expected.delete(name);
      await mkdir(path.dirname(want!.dest), { recursive: true });
      const check = new Meter();
      await pipeline(entry, check, createWriteStream(want!.dest));
      if (check.digest() !== want!.sha256) refuse('ARCHIVE_CHECKSUM_MISMATCH', `${name}: SHA-256 differs from the manifest`);
      if (want!.rows !== undefined && check.lines !== want!.rows) {
        refuse('ARCHIVE_CHECKSUM_MISMATCH', `${name}: ${check.lines} rows, the manifest says ${want!.rows}`);
      }
    }
    await source;
  } catch (err) {
    if (err instanceof RestoreRefusedError) throw err;
    throw new RestoreRefusedError('ARCHIVE_UNREADABLE', `the archive is damaged or not an EduBridge backup: ${(err as Error).message}`);
  }
  if (!manifest) refuse('ARCHIVE_UNREADABLE', 'the archive is empty');
  if (expected.size) refuse('ARCHIVE_CHECKSUM_MISMATCH', `missing from the archive: ${[...expected.keys()].slice(0, 5).join(', ')}`);
  return { manifest: manifest!, sha256: whole.digest(), tableFile: (t) => path.join(tablesDir, `${t}.jsonl`), blobsDir };
}

function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RestoreRefusedError('ARCHIVE_UNREADABLE', `${MANIFEST_NAME} is not JSON`);
  }
  const parsed = ZBackupManifest.safeParse(json);
  if (!parsed.success)
    throw new RestoreRefusedError(
      'ARCHIVE_UNREADABLE',
      `${MANIFEST_NAME} is not a manifest this version reads: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

async function readAll(stream: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += c.length;
    if (size > max) throw new RestoreRefusedError('ARCHIVE_UNREADABLE', `${MANIFEST_NAME} is implausibly large`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}
