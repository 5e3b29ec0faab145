import { fileTypeFromBuffer } from 'file-type';
import { and, eq, sql } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { relationTo, studentRowsInScope } from './growth.access.ts';
import { getGrowthBlob, putGrowthBlob } from './growth.blobs.ts';
import { requireDimension } from './growth.frameworks.service.ts';
import {
  assertWritable,
  ensureRecord,
  evidenceInScope,
  frameworkOf,
  relationToRecord,
  termById,
  type EvidenceRow,
  type RecordRow,
} from './growth.records.ts';
import { growthAttachments, growthEvidence } from './growth.schema.ts';
import type { TCreateEvidenceBody, TUpdateEvidenceBody } from '../../../shared/api/growth.ts';

export interface GrowthCtx {
  db: Db;
  actor: Actor;
}

/** Photos and certificates only, recognised by their bytes (never by name or declared type). */
export const ATTACHMENT_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf']);
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Entries can be written, changed and reviewed only while the record is being recorded. */
function requireRecording(record: RecordRow): void {
  assertWritable(record);
  if (record.stage !== 'recording') throw new AppError('GROWTH_STAGE_INVALID');
}

/**
 * Adds a written record (写实记录). Who writes decides the `authorRole`, and the rules are strict:
 * a self-record is written by the student and nobody else — a teacher guides and reviews but never
 * writes it for them (issue §2); a teacher writes a teacher's record for students they teach; a classmate
 * writes a peer record, which counts only once the student accepts it and a teacher approves it.
 */
export async function createEvidence(ctx: GrowthCtx, body: TCreateEvidenceBody) {
  const { actor } = ctx;
  if (!actor.id) throw new AppError('FORBIDDEN');
  const studentId = body.studentId ?? actor.id;
  if (body.authorRole === 'self' && studentId !== actor.id) throw new AppError('GROWTH_SELF_RECORD_ONLY');

  const id = await ctx.db.transaction(async (tx) => {
    const term = await termById(tx, body.termId);
    const [student] = await tx
      .select({ id: users.id, schoolId: users.schoolId })
      .from(users)
      .where(and(eq(users.id, studentId), eq(users.schoolId, term.schoolId)));
    if (!student) throw new AppError('NOT_FOUND');
    const relation = await relationTo(tx, actor, { studentId, schoolId: term.schoolId, classId: null });
    const allowed =
      (body.authorRole === 'self' && relation.self) ||
      (body.authorRole === 'teacher' && relation.teacher) ||
      (body.authorRole === 'peer' && relation.classmate);
    if (!allowed) {
      // A student writing as a teacher, or about someone they cannot see, learns nothing more than 404.
      if (body.authorRole === 'self') throw new AppError('GROWTH_SELF_RECORD_ONLY');
      throw new AppError(relation.teacher || relation.principal ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    const framework = await frameworkOf(tx, term);
    requireDimension(framework.dimensions, body.dimensionKey, body.indicatorKey);
    const record = await ensureRecord(tx, term, studentId);
    requireRecording(record);
    const [row] = await tx
      .insert(growthEvidence)
      .values({
        recordId: record.id,
        studentId,
        schoolId: record.schoolId,
        jurisdictionId: record.jurisdictionId,
        dimensionKey: body.dimensionKey,
        indicatorKey: body.indicatorKey ?? null,
        title: body.title,
        description: body.description,
        language: body.language,
        occurredOn: body.occurredOn,
        authorId: actor.id,
        authorRole: body.authorRole,
        source: body.source,
        reviewStatus: body.authorRole === 'peer' ? 'awaiting_student' : 'pending',
      })
      .returning({ id: growthEvidence.id });
    await recordAudit(tx, actor, {
      action: 'growth.evidence.create',
      targetType: 'growth_evidence',
      targetId: row.id,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { recordId: record.id, authorRole: body.authorRole, source: body.source, dimensionKey: body.dimensionKey },
    });
    return row.id;
  });
  return { id };
}

/** Only the author changes an entry; a self-record only ever by the student. */
function requireAuthor(actor: Actor, evidence: EvidenceRow): void {
  if (evidence.authorRole === 'self') {
    if (actor.id !== evidence.studentId) throw new AppError('GROWTH_SELF_RECORD_ONLY');
    return;
  }
  if (evidence.authorId !== actor.id) throw new AppError('FORBIDDEN');
}

/** Edits an entry; a reviewed entry goes back to the review queue (the teacher approved other words). */
export async function updateEvidence(ctx: GrowthCtx, evidenceId: string, expectedVersion: number | undefined, patch: TUpdateEvidenceBody) {
  await ctx.db.transaction(async (tx) => {
    const { evidence, record } = await evidenceInScope(tx, ctx.actor, evidenceId, true);
    assertWritable(record);
    requireAuthor(ctx.actor, evidence);
    requireRecording(record);
    if (expectedVersion !== undefined && expectedVersion !== evidence.version) throw new AppError('VERSION_CONFLICT');
    if (patch.dimensionKey || patch.indicatorKey) {
      const framework = await frameworkOf(tx, await termById(tx, record.termId));
      requireDimension(framework.dimensions, patch.dimensionKey ?? evidence.dimensionKey, patch.indicatorKey ?? evidence.indicatorKey);
    }
    const reReview = evidence.reviewStatus === 'approved' || evidence.reviewStatus === 'returned';
    await tx
      .update(growthEvidence)
      .set({
        ...patch,
        ...(reReview ? { reviewStatus: 'pending' as const, selected: false } : {}),
        version: sql`${growthEvidence.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(growthEvidence.id, evidenceId));
    await recordAudit(tx, ctx.actor, {
      action: 'growth.evidence.update',
      targetType: 'growth_evidence',
      targetId: evidenceId,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { fields: Object.keys(patch) },
    });
  });
  return { id: evidenceId };
}

export async function deleteEvidence(ctx: GrowthCtx, evidenceId: string) {
  await ctx.db.transaction(async (tx) => {
    const { evidence, record } = await evidenceInScope(tx, ctx.actor, evidenceId, true);
    assertWritable(record);
    requireAuthor(ctx.actor, evidence);
    requireRecording(record);
    await tx.delete(growthEvidence).where(eq(growthEvidence.id, evidenceId));
    await recordAudit(tx, ctx.actor, {
      action: 'growth.evidence.delete',
      targetType: 'growth_evidence',
      targetId: evidenceId,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { recordId: record.id, title: evidence.title },
    });
  });
}

/** Stage 2, teacher review (教师审核): a teacher of the student approves an entry or returns it with advice. */
export async function reviewEvidence(ctx: GrowthCtx, evidenceId: string, decision: 'approved' | 'returned', comment: string) {
  requireRole(ctx.actor, ['teacher']);
  await ctx.db.transaction(async (tx) => {
    const { evidence, record } = await evidenceInScope(tx, ctx.actor, evidenceId, true);
    assertWritable(record);
    const relation = await relationToRecord(tx, ctx.actor, record);
    if (!relation.teacher && !relation.classTeacher) throw new AppError('FORBIDDEN');
    requireRecording(record);
    if (evidence.reviewStatus === 'awaiting_student' || evidence.reviewStatus === 'declined') throw new AppError('GROWTH_STAGE_INVALID');
    await tx
      .update(growthEvidence)
      .set({
        reviewStatus: decision,
        reviewComment: comment || null,
        reviewedBy: ctx.actor.id,
        reviewedAt: new Date(),
        ...(decision === 'returned' ? { selected: false } : {}),
        version: sql`${growthEvidence.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(growthEvidence.id, evidenceId));
    await recordAudit(tx, ctx.actor, {
      action: 'growth.evidence.review',
      targetType: 'growth_evidence',
      targetId: evidenceId,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { recordId: record.id, decision },
    });
  });
  return { id: evidenceId, reviewStatus: decision };
}

/** A classmate's entry about the student counts only once the student accepts it. */
export async function respondToPeerEvidence(ctx: GrowthCtx, evidenceId: string, accept: boolean) {
  await ctx.db.transaction(async (tx) => {
    const { evidence, record } = await evidenceInScope(tx, ctx.actor, evidenceId, true);
    assertWritable(record);
    if (ctx.actor.id !== record.studentId) throw new AppError('GROWTH_SELF_RECORD_ONLY');
    if (evidence.reviewStatus !== 'awaiting_student') throw new AppError('GROWTH_STAGE_INVALID');
    requireRecording(record);
    await tx
      .update(growthEvidence)
      .set({ reviewStatus: accept ? 'pending' : 'declined', version: sql`${growthEvidence.version} + 1`, updatedAt: new Date() })
      .where(eq(growthEvidence.id, evidenceId));
    await recordAudit(tx, ctx.actor, {
      action: accept ? 'growth.evidence.peer_accept' : 'growth.evidence.peer_decline',
      targetType: 'growth_evidence',
      targetId: evidenceId,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
    });
  });
}

/**
 * Attaches a photo or certificate to an entry (its author only). The type comes from the bytes
 * (`file-type`); anything but an image or a PDF answers 415.
 */
export async function addAttachment(ctx: GrowthCtx & { blobs: BlobStore }, evidenceId: string, file: { filename: string; data: Buffer }) {
  const detected = await fileTypeFromBuffer(file.data);
  if (!detected || !ATTACHMENT_TYPES.has(detected.mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (file.data.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  // Check before storing bytes: a refused writer leaves nothing behind.
  {
    const { evidence, record } = await evidenceInScope(ctx.db, ctx.actor, evidenceId);
    assertWritable(record);
    requireAuthor(ctx.actor, evidence);
    requireRecording(record);
  }
  const stored = await putGrowthBlob(ctx.blobs, file.data, ATTACHMENT_MAX_BYTES);
  const id = await ctx.db.transaction(async (tx) => {
    const { evidence, record } = await evidenceInScope(tx, ctx.actor, evidenceId, true);
    assertWritable(record);
    requireAuthor(ctx.actor, evidence);
    requireRecording(record);
    const [row] = await tx
      .insert(growthAttachments)
      .values({
        evidenceId,
        schoolId: record.schoolId,
        jurisdictionId: record.jurisdictionId,
        // The last path part only: a browser-sent name such as `../../etc/passwd` must not carry directories.
        filename: (file.filename.split(/[\\/]/).pop() ?? '').slice(0, 200) || `attachment.${detected.ext}`,
        contentType: detected.mime,
        size: stored.size,
        sha256: stored.sha256,
        createdBy: ctx.actor.id,
      })
      .returning({ id: growthAttachments.id });
    await recordAudit(tx, ctx.actor, {
      action: 'growth.attachment.add',
      targetType: 'growth_attachment',
      targetId: row.id,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { evidenceId, contentType: detected.mime, size: stored.size },
    });
    return row.id;
  });
  return { id, contentType: detected.mime, size: stored.size };
}

/** The bytes of an attachment the actor may read (through the entry's record scope). */
export async function readAttachment(ctx: GrowthCtx & { blobs: BlobStore }, attachmentId: string) {
  const [row] = await ctx.db
    .select({ attachment: growthAttachments, studentId: growthEvidence.studentId })
    .from(growthAttachments)
    .innerJoin(growthEvidence, eq(growthEvidence.id, growthAttachments.evidenceId))
    .where(and(eq(growthAttachments.id, attachmentId), studentRowsInScope(ctx.actor, growthEvidence)));
  if (!row) throw new AppError('NOT_FOUND');
  const data = await getGrowthBlob(ctx.blobs, row.attachment.sha256);
  return { filename: row.attachment.filename, contentType: row.attachment.contentType, data };
}
