import { Readable } from 'node:stream';
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { SubmitBody } from '../../../shared/api/contests.ts';
import type { Ctx } from './contests.contests.service.ts';
import { presentSubmission } from './contests.present.ts';
import { visibleEntry } from './contests.registration.service.ts';
import { contestAssignments, contestSubmissions, contestUploads } from './contests.schema.ts';

export const SUBMISSION_FILE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Submissions are versioned until the deadline and frozen after it. The deadline is checked against the
 * server's clock inside the writing transaction, never against anything the client sends.
 */
function assertOpen(contest: { status: string; submissionClosesAt: Date }, now = new Date()) {
  if (contest.status !== 'open' || now > contest.submissionClosesAt) throw new AppError('CONTESTS_SUBMISSION_CLOSED');
}

/** Stores one file for an entry (members and their teachers), before it is referenced by a version. */
export async function uploadSubmissionFile(ctx: Ctx & { blobs: BlobStore }, entryId: string, file: { filename: string; data: Buffer }) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, entryId);
  assertOpen(contest);
  const stored = await ctx.blobs.put(Readable.from([file.data]), { maxBytes: SUBMISSION_FILE_MAX_BYTES });
  const [row] = await ctx.db
    .insert(contestUploads)
    .values({
      entryId: entry.id,
      sha256: stored.sha256,
      // The last path part only: a browser-sent name such as `../../etc/passwd` must not carry directories.
      filename: (file.filename.split(/[\\/]/).pop() ?? '').slice(0, 200) || 'file',
      size: stored.size,
      uploadedBy: ctx.actor.id,
    })
    .returning();
  return { sha256: row.sha256, filename: row.filename, size: row.size };
}

/** A new version of the entry's work: files uploaded for this entry, links, repository and video URLs. */
export async function submitWork(ctx: Ctx, entryId: string, input: SubmitBody) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, entryId);
  if (!input.files.length && !input.links.length) throw new AppError('VALIDATION_FAILED');
  return ctx.db.transaction(async (tx) => {
    assertOpen(contest);
    const hashes = [...new Set(input.files.map((f) => f.sha256))];
    const uploads = hashes.length
      ? await tx
          .select()
          .from(contestUploads)
          .where(and(eq(contestUploads.entryId, entry.id), inArray(contestUploads.sha256, hashes)))
      : [];
    const sizeOf = new Map(uploads.map((u) => [u.sha256, u.size]));
    if (hashes.some((h) => !sizeOf.has(h))) throw new AppError('CONTESTS_FILE_UNKNOWN');
    const [{ last }] = await tx
      .select({ last: max(contestSubmissions.version) })
      .from(contestSubmissions)
      .where(eq(contestSubmissions.entryId, entry.id));
    const [row] = await tx
      .insert(contestSubmissions)
      .values({
        entryId: entry.id,
        version: (last ?? 0) + 1,
        files: input.files.map((f) => ({ sha256: f.sha256, filename: f.filename, size: sizeOf.get(f.sha256)! })),
        links: input.links,
        note: input.note,
        submittedBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'contests.submission.create',
      targetType: 'contest_entry',
      targetId: entry.id,
      jurisdictionId: entry.jurisdictionId,
      schoolId: entry.schoolId,
      details: { version: row.version, files: row.files.length, links: row.links.length },
    });
    return presentSubmission(row);
  });
}

export async function listSubmissions(ctx: Ctx, entryId: string) {
  const { entry } = await visibleEntry(ctx.db, ctx.actor, entryId);
  const rows = await ctx.db
    .select()
    .from(contestSubmissions)
    .where(eq(contestSubmissions.entryId, entry.id))
    .orderBy(desc(contestSubmissions.version));
  return { items: rows.map(presentSubmission) };
}

/**
 * The bytes of a submitted file: for those who see the entry, and for judges assigned to it (who reach it
 * by entry id only through their assignment).
 */
export async function readSubmissionFile(ctx: Ctx & { blobs: BlobStore }, entryId: string, sha256: string) {
  let allowed: boolean;
  try {
    await visibleEntry(ctx.db, ctx.actor, entryId);
    allowed = true;
  } catch (e) {
    if (!ctx.actor.id) throw e;
    const [a] = await ctx.db
      .select({ id: contestAssignments.id })
      .from(contestAssignments)
      .where(and(eq(contestAssignments.entryId, entryId), eq(contestAssignments.judgeUserId, ctx.actor.id)));
    allowed = !!a;
  }
  if (!allowed) throw new AppError('NOT_FOUND');
  const [up] = await ctx.db
    .select()
    .from(contestUploads)
    .where(and(eq(contestUploads.entryId, entryId), eq(contestUploads.sha256, sha256)))
    .limit(1);
  if (!up) throw new AppError('NOT_FOUND');
  return { stream: await ctx.blobs.get(up.sha256), filename: up.filename };
}
