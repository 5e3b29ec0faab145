import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live (DESIGN.md §3): content-addressed by SHA-256, so the same file uploaded twice
 * is stored once and a row only needs the hash. The default is a folder on local disk
 * (`local-blob-store.ts`, `<dataDir>/blobs`); an S3-compatible store implements the same four calls
 * (put → PutObject under `sha256/<hash>` after hashing a temp upload or a multipart upload with a
 * checksum, get → GetObject body stream, has → HeadObject, delete → DeleteObject). See docs/library.md.
 */
export interface BlobStore {
  /**
   * Stores a stream and answers its hash and size. Refuses (rejects with BlobTooLargeError, storing
   * nothing) when more than `maxBytes` arrive.
   *
   * @example const { sha256, size } = await blobs.put(createReadStream('lesson.pdf'))
   */
  put(stream: Readable | AsyncIterable<Uint8Array>, opts?: { maxBytes?: number }): Promise<StoredBlob>;
  /** The bytes of a stored blob; rejects with BlobNotFoundError when absent. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes a blob; callers make sure no row still references it. No error when absent. */
  delete(sha256: string): Promise<void>;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

/** A SHA-256 in lower-case hex: the only shape of key a store accepts (no path tricks). */
export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
