import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { BlobTooLargeError, type BlobStore } from '../../blobs/blob-store.ts';
import { AppError } from '../../http/app-error.ts';
import { enqueueJob } from '../../jobs/jobs.runner.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { hasExtractableText } from './library.extract.ts';
import { isPreviewable, sniff } from './library.file-types.ts';
import { extractFileTextJob } from './library.jobs.ts';
import { bump, loadOwnForUpdate, loadVisible, snapshot } from './library.resource-store.ts';
import { getResource, type Ctx } from './library.resources.service.ts';
import { resourceFiles, resources } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

const SNIFF_BYTES = 64 * 1024;

export interface IncomingFile {
  filename: string;
  stream: Readable;
}

/**
 * Adds an uploaded file to a resource (a new version). The type is decided from the first bytes, before
 * anything is stored: executables (whatever their name) and types off the allow-list are refused. The
 * bytes stream into the content-addressed blob store; text extraction runs as a background job.
 */
export async function addResourceFile(
  ctx: Ctx & { blobs: BlobStore; maxBytes: number },
  id: string,
  expectedVersion: number,
  file: IncomingFile,
) {
  // Check access before reading the upload, so a stranger learns nothing and stores nothing.
  const before = await loadVisible(ctx.db, ctx.actor, id);
  if (before.authorId !== ctx.actor.id) throw new AppError('FORBIDDEN');
  if (before.version !== expectedVersion) {
    file.stream.resume();
    throw new AppError('VERSION_CONFLICT');
  }
  const { head, rest, drain } = await peek(file.stream, SNIFF_BYTES);
  const kind = await sniff(head);
  if (!kind.ok) {
    await drain();
    throw new AppError(kind.reason === 'executable' ? 'LIBRARY_EXECUTABLE_REFUSED' : 'LIBRARY_FILE_TYPE_REFUSED', {
      detail: kind.detected ? `detected ${kind.detected}` : undefined,
    });
  }
  let stored;
  try {
    stored = await ctx.blobs.put(rest, { maxBytes: ctx.maxBytes });
  } catch (err) {
    if (err instanceof BlobTooLargeError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', { cause: err });
    }
    throw err;
  }
  if (stored.size === 0) throw new AppError('LIBRARY_FILE_MISSING');
  const filename = cleanFilename(file.filename, kind.ext);
  await ctx.db.transaction(async (tx) => {
    const r = await loadOwnForUpdate(tx, ctx.actor, id, expectedVersion);
    if (r.status === 'in_review' || r.status === 'withdrawn') throw new AppError('LIBRARY_NOT_EDITABLE');
    const extractable = hasExtractableText(kind.mediaType);
    const [f] = await tx
      .insert(resourceFiles)
      .values({
        resourceId: id,
        schoolId: r.schoolId,
        jurisdictionId: r.jurisdictionId,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: kind.mediaType,
        filename,
        extraction: extractable ? 'pending' : 'none',
        createdBy: ctx.actor.id,
      })
      .returning({ id: resourceFiles.id });
    await bump(tx, id);
    await snapshot(tx, id, 'file-add', ctx.actor.id);
    if (extractable)
      await enqueueJob(
        tx,
        extractFileTextJob,
        { fileId: f.id },
        { jurisdictionId: r.jurisdictionId, schoolId: r.schoolId, createdBy: ctx.actor.id },
      );
    await reindexResource(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'resource.file.add',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { fileId: f.id, filename, mediaType: kind.mediaType, size: stored.size, sha256: stored.sha256 },
    });
  });
  return getResource(ctx, id, {});
}

/** Takes a file off a resource (a new version); the row and blob stay for older versions. */
export async function removeResourceFile(ctx: Ctx, id: string, fileId: string, expectedVersion: number) {
  await ctx.db.transaction(async (tx) => {
    const r = await loadOwnForUpdate(tx, ctx.actor, id, expectedVersion);
    if (r.status === 'in_review' || r.status === 'withdrawn') throw new AppError('LIBRARY_NOT_EDITABLE');
    const removed = await tx
      .update(resourceFiles)
      .set({ removedAt: new Date() })
      .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, id), sql`${resourceFiles.removedAt} IS NULL`))
      .returning({ filename: resourceFiles.filename });
    if (!removed.length) throw new AppError('NOT_FOUND');
    await bump(tx, id);
    await snapshot(tx, id, 'file-remove', ctx.actor.id);
    await reindexResource(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'resource.file.remove',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { fileId, filename: removed[0].filename },
    });
  });
  return getResource(ctx, id, {});
}

/**
 * A file of a resource the reader may see, ready to stream. Only the current files are served, except
 * to the author (older versions' files). Inline only for PDFs and images; a download counts.
 */
export async function openResourceFile(
  ctx: { db: Db; actor: Actor | null; blobs: BlobStore },
  id: string,
  fileId: string,
  wantInline: boolean,
) {
  const r = await loadVisible(ctx.db, ctx.actor, id);
  const [f] = await ctx.db
    .select()
    .from(resourceFiles)
    .where(and(eq(resourceFiles.id, fileId), eq(resourceFiles.resourceId, id)));
  if (!f || (f.removedAt && r.authorId !== ctx.actor?.id)) throw new AppError('NOT_FOUND');
  const inline = wantInline && isPreviewable(f.mediaType);
  if (!inline)
    await ctx.db
      .update(resources)
      .set({ downloadCount: sql`${resources.downloadCount} + 1` })
      .where(eq(resources.id, id));
  return { stream: await ctx.blobs.get(f.sha256), mediaType: f.mediaType, filename: f.filename, size: f.size, inline };
}

/** Reads the first `n` bytes of a stream without losing them: `rest` replays them, then the remainder. */
export async function peek(stream: Readable, n: number) {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let total = 0;
  let ended = false;
  while (total < n) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    total += next.value.length;
  }
  async function* replay() {
    yield* chunks;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const drain = async () => {
    if (ended) return;
    for (;;) if ((await it.next()).done) return;
  };
  return { head: Buffer.concat(chunks).subarray(0, n), rest: Readable.from(replay()), drain };
}

/** Keeps the name the teacher gave (any script), without paths or control characters; adds the real extension when missing. */
export function cleanFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  if (!base) return `file.${ext}`;
  return /\.[A-Za-z0-9]{1,8}$/.test(base) ? base : `${base}.${ext}`;
}
