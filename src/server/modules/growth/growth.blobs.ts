import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { BlobStore } from '../../blobs/blob-store.ts';

/**
 * Attachment bytes go to the node blob store (DESIGN.md §3), content-addressed by SHA-256; rows keep the
 * hash. Attachments are small (photos, certificates), so they are read whole for type sniffing and for
 * embedding in reports.
 *
 * @example const { sha256, size } = await putGrowthBlob(blobs, bytes, 10 * 1024 * 1024)
 */
export async function putGrowthBlob(blobs: BlobStore, content: Buffer, maxBytes: number) {
  return blobs.put(Readable.from([content]), { maxBytes });
}

export async function getGrowthBlob(blobs: BlobStore, sha256: string): Promise<Buffer> {
  return buffer(await blobs.get(sha256));
}
