import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { privacyBlobs } from './privacy.schema.ts';

/**
 * The adapter between the privacy module and file storage. The node's blob store (`src/server/blobs/`,
 * DESIGN.md §3) does not exist yet, so bytes go to a content-addressed bytea table; when the blob store
 * lands, only these two functions change.
 */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/** Stores bytes under their SHA-256 (idempotent: the same file is stored once). */
export async function putBlob(db: DbOrTx, bytes: Buffer): Promise<StoredBlob> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.insert(privacyBlobs).values({ sha256, size: bytes.length, content: bytes }).onConflictDoNothing();
  return { sha256, size: bytes.length };
}

export async function getBlob(db: DbOrTx, sha256: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: privacyBlobs.content }).from(privacyBlobs).where(eq(privacyBlobs.sha256, sha256));
  return row?.content ?? null;
}
