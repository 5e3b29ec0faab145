import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobNotFoundError, BlobTooLargeError, isSha256, type BlobStore, type StoredBlob } from './blob-store.ts';

/**
 * The default blob store: files on local disk under `root/ab/cd/<sha256>` (two fan-out levels keep
 * folders small). A put streams to a temporary file while hashing, then renames it into place, so a
 * crash never leaves a half-written blob under a valid name and concurrent puts of the same bytes are safe.
 *
 * @example const blobs = createLocalBlobStore(path.join(config.dataDir, 'blobs'))
 */
export function createLocalBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => {
    if (!isSha256(sha256)) throw new BlobNotFoundError(`not a blob key: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const tmpDir = path.join(root, 'tmp');

  return {
    async put(stream, opts = {}): Promise<StoredBlob> {
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
      const hash = createHash('sha256');
      let size = 0;
      const max = opts.maxBytes ?? Number.POSITIVE_INFINITY;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > max) return done(new BlobTooLargeError(`more than ${max} bytes`));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, createWriteStream(tmp));
        const sha256 = hash.digest('hex');
        const target = pathOf(sha256);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
        return { sha256, size };
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },

    async get(sha256): Promise<Readable> {
      const file = pathOf(sha256);
      try {
        await access(file);
      } catch {
        throw new BlobNotFoundError(sha256);
      }
      return createReadStream(file);
    },

    async has(sha256) {
      if (!isSha256(sha256)) return false;
      try {
        await access(pathOf(sha256));
        return true;
      } catch {
        return false;
      }
    },

    async delete(sha256) {
      if (!isSha256(sha256)) return;
      await rm(pathOf(sha256), { force: true });
    },
  };
}
