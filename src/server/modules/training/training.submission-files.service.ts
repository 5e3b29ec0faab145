import { and, asc, eq, inArray } from 'drizzle-orm';
import { BlobTooLargeError, type BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { sniff } from '../library/library.file-types.ts';
import { cleanFilename, peek, type IncomingFile } from '../library/library.files.service.ts';
import { managedProgramme } from './training.programmes.service.ts';
import { trainingSubmissionFiles as files, trainingSubmissions as sub } from './training.schema.ts';

/** Per file. Lesson videos are the big ones; a longer recording belongs in the library as a resource. */
export const SUBMISSION_FILE_MAX_BYTES = 50 * 1024 * 1024;
export const SUBMISSION_MAX_FILES = 5;
/** What an assessor can open without special software: documents, slides, sheets, pictures, lesson videos. */
export const SUBMISSION_MEDIA_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
  'video/mp4',
  'text/plain',
]);

const SNIFF_BYTES = 64 * 1024;

interface Ctx {
  db: Db;
  actor: Actor;
  blobs: BlobStore;
}

/**
 * Attaches a file to the teacher's own submission while it awaits review (after review the attempt is
 * closed; a resubmission is a new attempt with its own files). The type is decided from the content before
 * anything is stored; the bytes go to the node's content-addressed blob store.
 */
export async function addSubmissionFile(ctx: Ctx & { maxBytes: number }, submissionId: string, file: IncomingFile) {
  const own = await ownOpenSubmission(ctx.db, ctx.actor, submissionId);
  if (!own) {
    file.stream.resume();
    throw new AppError('NOT_FOUND');
  }
  const { head, rest, drain } = await peek(file.stream, SNIFF_BYTES);
  const kind = await sniff(head);
  if (!kind.ok || !SUBMISSION_MEDIA_TYPES.has(kind.mediaType)) {
    await drain();
    throw new AppError('TRAINING_FILE_TYPE_REFUSED', { detail: (kind.ok ? kind.mediaType : kind.detected) ?? undefined });
  }
  let stored;
  try {
    stored = await ctx.blobs.put(rest, { maxBytes: Math.min(ctx.maxBytes, SUBMISSION_FILE_MAX_BYTES) });
  } catch (err) {
    if (err instanceof BlobTooLargeError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', { cause: err });
    }
    throw err;
  }
  if (stored.size === 0) throw new AppError('LIBRARY_FILE_MISSING');
  return ctx.db.transaction(async (tx) => {
    // Lock the submission so two uploads at once cannot pass the file limit together, and re-check it is open.
    const [locked] = await tx.select().from(sub).where(eq(sub.id, submissionId)).for('update');
    if (!locked || locked.status !== 'submitted') throw new AppError('TRAINING_RESUBMISSION_NOT_ALLOWED');
    const count = await tx.$count(files, eq(files.submissionId, submissionId));
    if (count >= SUBMISSION_MAX_FILES) throw new AppError('TRAINING_TOO_MANY_FILES');
    const [row] = await tx
      .insert(files)
      .values({
        submissionId,
        filename: cleanFilename(file.filename, kind.ext),
        mediaType: kind.mediaType,
        size: stored.size,
        sha256: stored.sha256,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.submission.file.add',
      targetType: 'training_submission',
      targetId: submissionId,
      jurisdictionId: locked.jurisdictionId,
      schoolId: locked.schoolId,
      details: { fileId: row.id, mediaType: row.mediaType, size: row.size },
    });
    return presentSubmissionFile(row);
  });
}

/** The file's bytes, for the teacher who handed it in and for whoever manages the programme (the assessor). */
export async function openSubmissionFile(ctx: Ctx, submissionId: string, fileId: string) {
  const [row] = await ctx.db
    .select({ f: files, userId: sub.userId, programmeId: sub.programmeId })
    .from(files)
    .innerJoin(sub, eq(sub.id, files.submissionId))
    .where(and(eq(files.id, fileId), eq(files.submissionId, submissionId)));
  if (!row) throw new AppError('NOT_FOUND');
  // Not the author: must manage the programme; managedProgramme answers 404/403 otherwise.
  if (row.userId !== ctx.actor.id) await managedProgramme(ctx.db, ctx.actor, row.programmeId);
  return { ...row.f, stream: await ctx.blobs.get(row.f.sha256) };
}

/** Files of many submissions at once (grading queue, my learning), keyed by submission. */
export async function filesOfSubmissions(db: Db, submissionIds: string[]) {
  const out = new Map<string, ReturnType<typeof presentSubmissionFile>[]>();
  if (!submissionIds.length) return out;
  const rows = await db.select().from(files).where(inArray(files.submissionId, submissionIds)).orderBy(asc(files.createdAt));
  for (const r of rows) out.set(r.submissionId, [...(out.get(r.submissionId) ?? []), presentSubmissionFile(r)]);
  return out;
}

export function presentSubmissionFile(f: typeof files.$inferSelect) {
  return {
    id: f.id,
    filename: f.filename,
    mediaType: f.mediaType,
    size: f.size,
    url: `/api/v1/training/submissions/${f.submissionId}/files/${f.id}`,
  };
}

async function ownOpenSubmission(db: Db, actor: Actor, submissionId: string) {
  if (!actor.id) return null;
  const [row] = await db
    .select({ id: sub.id })
    .from(sub)
    .where(and(eq(sub.id, submissionId), eq(sub.userId, actor.id), eq(sub.status, 'submitted')));
  return row ?? null;
}
