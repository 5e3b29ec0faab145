import type { BlobStore } from '../../blobs/blob-store.ts';
import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { JobDefinition } from '../../jobs/jobs.runner.ts';
import { extractFileText } from './library.extract.ts';
import { resourceFiles } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

/**
 * Extracts the text of an uploaded PDF, DOCX, PPTX or text file and appends it to the resource's search
 * body. Registered by jobs.registry.ts. A file that cannot be parsed is marked failed (retrying a broken file gives the same answer).
 */
export const extractFileTextJob: JobDefinition<{ fileId: string }> = {
  name: 'library.extract-file-text',
  payload: z.object({ fileId: z.uuid() }),
  maxAttempts: 3,
  leaseMs: 120_000,
  async handler({ db, payload, blobs }) {
    const [file] = await db.select().from(resourceFiles).where(eq(resourceFiles.id, payload.fileId));
    if (!file) return { skipped: 'file gone' };
    const bytes = await buffer(await requireBlobs(blobs).get(file.sha256));
    let text: string | null = null;
    let outcome: 'done' | 'failed' = 'done';
    try {
      text = await extractFileText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file.mediaType);
    } catch {
      outcome = 'failed';
    }
    await db.transaction(async (tx) => {
      await tx.update(resourceFiles).set({ extractedText: text, extraction: outcome }).where(eq(resourceFiles.id, file.id));
      await reindexResource(tx, file.resourceId);
    });
    return { outcome, chars: text?.length ?? 0 };
  },
};

function requireBlobs(blobs: BlobStore | null): BlobStore {
  if (!blobs) throw new Error('text extraction needs the blob store: start the job runner with one');
  return blobs;
}
