import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { BlobNotFoundError, BlobTooLargeError } from './blob-store.ts';
import { createLocalBlobStore } from './local-blob-store.ts';

const store = () => createLocalBlobStore(mkdtempSync(path.join(tmpdir(), 'blobs-')));

describe('local blob store', () => {
  it('stores bytes under their SHA-256 and gives them back', async () => {
    const blobs = store();
    const bytes = Buffer.from('机器人编程 lesson plan');
    const { sha256, size } = await blobs.put(Readable.from([bytes]));
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(size).toBe(bytes.length);
    expect(await blobs.has(sha256)).toBe(true);
    expect((await buffer(await blobs.get(sha256))).equals(bytes)).toBe(true);
  });

  it('stores the same content once, whatever it is called', async () => {
    const blobs = store();
    const a = await blobs.put(Readable.from([Buffer.from('same')]));
    const b = await blobs.put(Readable.from([Buffer.from('sa'), Buffer.from('me')]));
    expect(a.sha256).toBe(b.sha256);
  });

  it('refuses a stream longer than the limit and keeps nothing', async () => {
    const blobs = store();
    await expect(blobs.put(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), { maxBytes: 15 })).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
  });

  it('answers not found for unknown or malformed keys and deletes quietly', async () => {
    const blobs = store();
    await expect(blobs.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.has('../x')).toBe(false);
    const { sha256 } = await blobs.put(Readable.from([Buffer.from('gone')]));
    await blobs.delete(sha256);
    expect(await blobs.has(sha256)).toBe(false);
    await blobs.delete(sha256);
  });
});
