import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classEnrollments, users } from '../identity/identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { relationTo } from './growth.access.ts';
import { publicityEndsAt } from './growth.calendar.ts';
import type { GrowthCtx } from './growth.evidence.service.ts';
import { assertWritable, bumpRecord, displayNames, recordInScope, relationToRecord, termById, type RecordRow } from './growth.records.ts';
import { growthEvidence, growthObjections, growthRecords } from './growth.schema.ts';
import type { GrowthPublicityEntry } from '../../../shared/api/growth.ts';
import type { DbOrTx } from '../../db/client.ts';

/**
 * The five stages after recording and review (issue §3): the student selects what goes in (整理遴选),
 * the class is shown it for a publicity window (公示) in which classmates and teachers may object, the
 * class teacher resolves objections with reasons, the student confirms, the class teacher and then the
 * principal sign, and the record is archived (形成档案) — read-only from then on. Every transition writes
 * an audit entry in its transaction.
 */

const audit = (record: RecordRow, action: string, details: Record<string, unknown> = {}) => ({
  action,
  targetType: 'growth_record',
  targetId: record.id,
  jurisdictionId: record.jurisdictionId,
  schoolId: record.schoolId,
  details,
});

/** Stage 3 (整理遴选): the student picks approved entries for the archive and hands the record in. */
export async function submitSelection(ctx: GrowthCtx, recordId: string, evidenceIds: string[]) {
  await ctx.db.transaction(async (tx) => {
    const record = await recordInScope(tx, ctx.actor, recordId, true);
    assertWritable(record);
    if (ctx.actor.id !== record.studentId) throw new AppError('GROWTH_SELF_RECORD_ONLY');
    if (record.stage !== 'recording') throw new AppError('GROWTH_STAGE_INVALID');
    const wanted = [...new Set(evidenceIds)];
    if (wanted.length) {
      const rows = await tx
        .select({ id: growthEvidence.id, status: growthEvidence.reviewStatus, withdrawn: growthEvidence.withdrawn })
        .from(growthEvidence)
        .where(and(eq(growthEvidence.recordId, recordId), inArray(growthEvidence.id, wanted)));
      if (rows.length !== wanted.length) throw new AppError('NOT_FOUND');
      if (rows.some((r) => r.status !== 'approved' || r.withdrawn)) throw new AppError('GROWTH_EVIDENCE_NOT_APPROVED');
    }
    await tx.update(growthEvidence).set({ selected: false }).where(eq(growthEvidence.recordId, recordId));
    if (wanted.length) await tx.update(growthEvidence).set({ selected: true }).where(inArray(growthEvidence.id, wanted));
    await tx
      .update(growthRecords)
      .set({ stage: 'selected', selectedAt: new Date(), ...bumpRecord })
      .where(eq(growthRecords.id, recordId));
    await recordAudit(tx, ctx.actor, audit(record, 'growth.record.select', { selected: wanted.length }));
  });
  return { id: recordId, stage: 'selected' as const };
}

/** The student takes a handed-in record back to change the selection (before publicity only). */
export async function reopenSelection(ctx: GrowthCtx, recordId: string) {
  await ctx.db.transaction(async (tx) => {
    const record = await recordInScope(tx, ctx.actor, recordId, true);
    assertWritable(record);
    if (ctx.actor.id !== record.studentId) throw new AppError('GROWTH_SELF_RECORD_ONLY');
    if (record.stage !== 'selected') throw new AppError('GROWTH_STAGE_INVALID');
    await tx
      .update(growthRecords)
      .set({ stage: 'recording', selectedAt: null, ...bumpRecord })
      .where(eq(growthRecords.id, recordId));
    await recordAudit(tx, ctx.actor, audit(record, 'growth.record.reopen'));
  });
  return { id: recordId, stage: 'recording' as const };
}

/** The class teacher (班主任) of a class, or the principal of its school; 404 for anyone else. */
async function requireClassLead(tx: DbOrTx, ctx: GrowthCtx, classId: string) {
  const [cls] = await tx.select().from(classes).where(eq(classes.id, classId));
  if (!cls) throw new AppError('NOT_FOUND');
  const isClassTeacher =
    cls.homeroomTeacherId === ctx.actor.id && ctx.actor.memberships.some((m) => m.role === 'teacher' && m.schoolId === cls.schoolId);
  const isPrincipal = ctx.actor.memberships.some((m) => m.role === 'principal' && m.schoolId === cls.schoolId);
  if (!isClassTeacher && !isPrincipal) throw new AppError('NOT_FOUND');
  return cls;
}

/**
 * Stage 4 (公示): opens the publicity window for every handed-in record of a class. The window lasts the
 * term's number of working days (or `workingDays`), Saturdays and Sundays not counted.
 */
export async function openPublicity(ctx: GrowthCtx, classId: string, termId: string, workingDays?: number) {
  return ctx.db.transaction(async (tx) => {
    const cls = await requireClassLead(tx, ctx, classId);
    const term = await termById(tx, termId);
    if (term.schoolId !== cls.schoolId) throw new AppError('NOT_FOUND');
    const now = new Date();
    const endsAt = publicityEndsAt(now, workingDays ?? term.publicityWorkingDays);
    const ready = await tx
      .select()
      .from(growthRecords)
      .where(and(eq(growthRecords.classId, classId), eq(growthRecords.termId, termId), eq(growthRecords.stage, 'selected')))
      .for('update');
    for (const record of ready) {
      await tx
        .update(growthRecords)
        .set({ stage: 'publicity', publicityStartsAt: now, publicityEndsAt: endsAt, ...bumpRecord })
        .where(eq(growthRecords.id, record.id));
      await recordAudit(tx, ctx.actor, audit(record, 'growth.record.publicity_open', { endsAt: endsAt.toISOString() }));
    }
    const [{ waiting }] = await tx
      .select({ waiting: count() })
      .from(classEnrollments)
      .leftJoin(growthRecords, and(eq(growthRecords.studentId, classEnrollments.userId), eq(growthRecords.termId, termId)))
      .where(
        and(
          eq(classEnrollments.classId, classId),
          eq(classEnrollments.role, 'student'),
          sql`(${growthRecords.stage} IS NULL OR ${growthRecords.stage} = 'recording')`,
        ),
      );
    return { opened: ready.length, notHandedIn: Number(waiting), publicityEndsAt: endsAt.toISOString() };
  });
}

/**
 * What is on show during publicity: the selected entries of the class's records whose window is open —
 * titles and descriptions only, no attachments, reviews or comments. This is the one place a student
 * sees classmates' entries, because 公示 exists for exactly that.
 */
export async function publicityBoard(ctx: GrowthCtx, classId: string, termId: string): Promise<{ items: GrowthPublicityEntry[] }> {
  const [cls] = await ctx.db.select().from(classes).where(eq(classes.id, classId));
  if (!cls || !ctx.actor.id) throw new AppError('NOT_FOUND');
  const [member] = await ctx.db
    .select({ role: classEnrollments.role })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.userId, ctx.actor.id)));
  const atSchool = (role: string) => ctx.actor.memberships.some((m) => m.role === role && m.schoolId === cls.schoolId);
  const allowed =
    (member && atSchool(member.role)) || (cls.homeroomTeacherId === ctx.actor.id && atSchool('teacher')) || atSchool('principal');
  if (!allowed) throw new AppError('NOT_FOUND');
  const records = await ctx.db
    .select()
    .from(growthRecords)
    .where(
      and(
        eq(growthRecords.classId, classId),
        eq(growthRecords.termId, termId),
        eq(growthRecords.stage, 'publicity'),
        gt(growthRecords.publicityEndsAt, new Date()),
      ),
    );
  if (!records.length) return { items: [] };
  const evidence = await ctx.db
    .select()
    .from(growthEvidence)
    .where(
      and(
        inArray(
          growthEvidence.recordId,
          records.map((r) => r.id),
        ),
        eq(growthEvidence.selected, true),
        eq(growthEvidence.withdrawn, false),
      ),
    )
    .orderBy(asc(growthEvidence.occurredOn));
  const names = await displayNames(
    ctx.db,
    records.map((r) => r.studentId),
  );
  const items = records
    .map((r) => ({
      recordId: r.id,
      student: { id: r.studentId, displayName: names.get(r.studentId) ?? '—' },
      publicityEndsAt: r.publicityEndsAt?.toISOString() ?? null,
      evidence: evidence
        .filter((e) => e.recordId === r.id)
        .map((e) => ({ id: e.id, dimensionKey: e.dimensionKey, title: e.title, description: e.description, occurredOn: e.occurredOn })),
    }))
    .sort((a, b) => a.student.displayName.localeCompare(b.student.displayName, 'zh'));
  return { items };
}

/**
 * An objection (异议) to a selected entry during the window, by a classmate or a teacher of the student.
 * The entry is reached through the class's publicity, not the record scope: classmates cannot read records.
 */
export async function raiseObjection(ctx: GrowthCtx, evidenceId: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const [evidence] = await tx.select().from(growthEvidence).where(eq(growthEvidence.id, evidenceId));
    if (!evidence) throw new AppError('NOT_FOUND');
    const [record] = await tx.select().from(growthRecords).where(eq(growthRecords.id, evidence.recordId)).for('update');
    const relation = await relationTo(tx, ctx.actor, { studentId: record.studentId, schoolId: record.schoolId, classId: record.classId });
    if (!relation.classmate && !relation.teacher && !relation.classTeacher && !relation.principal) throw new AppError('NOT_FOUND');
    if (!evidence.selected || evidence.withdrawn) throw new AppError('NOT_FOUND');
    assertWritable(record);
    if (record.stage !== 'publicity' || !record.publicityEndsAt || record.publicityEndsAt <= new Date()) {
      throw new AppError('GROWTH_PUBLICITY_NOT_OPEN');
    }
    const [row] = await tx
      .insert(growthObjections)
      .values({
        recordId: record.id,
        evidenceId,
        schoolId: record.schoolId,
        jurisdictionId: record.jurisdictionId,
        raisedBy: ctx.actor.id!,
        reason,
      })
      .returning({ id: growthObjections.id });
    await recordAudit(tx, ctx.actor, audit(record, 'growth.objection.raise', { objectionId: row.id, evidenceId }));
    return { id: row.id };
  });
}

/**
 * The class teacher decides an objection, giving reasons. Upheld: the entry is withdrawn from the
 * archive (kept, marked, for the audit trail). Dismissed: it stays.
 */
export async function resolveObjection(ctx: GrowthCtx, objectionId: string, decision: 'upheld' | 'dismissed', reason: string) {
  await ctx.db.transaction(async (tx) => {
    const [objection] = await tx.select().from(growthObjections).where(eq(growthObjections.id, objectionId)).for('update');
    if (!objection) throw new AppError('NOT_FOUND');
    const record = await recordInScope(tx, ctx.actor, objection.recordId, true);
    assertWritable(record);
    const relation = await relationToRecord(tx, ctx.actor, record);
    if (!relation.classTeacher) throw new AppError('FORBIDDEN');
    if (objection.status !== 'open') throw new AppError('GROWTH_STAGE_INVALID');
    await tx
      .update(growthObjections)
      .set({ status: decision, resolution: reason, resolvedBy: ctx.actor.id, resolvedAt: new Date() })
      .where(eq(growthObjections.id, objectionId));
    if (decision === 'upheld' && objection.evidenceId) {
      await tx
        .update(growthEvidence)
        .set({ withdrawn: true, selected: false, version: sql`${growthEvidence.version} + 1`, updatedAt: new Date() })
        .where(eq(growthEvidence.id, objection.evidenceId));
    }
    await recordAudit(tx, ctx.actor, audit(record, 'growth.objection.resolve', { objectionId, decision }));
  });
  return { id: objectionId, status: decision };
}

async function openObjections(tx: DbOrTx, recordId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(growthObjections)
    .where(and(eq(growthObjections.recordId, recordId), eq(growthObjections.status, 'open')));
  return Number(n);
}

/** Ready for signatures: the window is over and no objection is waiting. */
async function requirePublicityDone(tx: DbOrTx, record: RecordRow): Promise<void> {
  if (record.stage !== 'publicity') throw new AppError('GROWTH_STAGE_INVALID');
  if (!record.publicityEndsAt || record.publicityEndsAt > new Date()) throw new AppError('GROWTH_PUBLICITY_NOT_OVER');
  if ((await openObjections(tx, record.id)) > 0) throw new AppError('GROWTH_OBJECTIONS_OPEN');
}

/** The student confirms (确认) the record as it stands after publicity. */
export async function confirmRecord(ctx: GrowthCtx, recordId: string) {
  await ctx.db.transaction(async (tx) => {
    const record = await recordInScope(tx, ctx.actor, recordId, true);
    assertWritable(record);
    if (ctx.actor.id !== record.studentId) throw new AppError('GROWTH_SELF_RECORD_ONLY');
    await requirePublicityDone(tx, record);
    if (record.studentConfirmedAt) return;
    await tx
      .update(growthRecords)
      .set({ studentConfirmedAt: new Date(), ...bumpRecord })
      .where(eq(growthRecords.id, recordId));
    await recordAudit(tx, ctx.actor, audit(record, 'growth.record.confirm'));
  });
  return { id: recordId };
}

/**
 * Stage 5 (形成档案): the class teacher signs, then the principal; the principal's signature archives
 * the record, after which every write answers GROWTH_RECORD_ARCHIVED.
 */
export async function signRecord(ctx: GrowthCtx, recordId: string) {
  return ctx.db.transaction(async (tx) => {
    const record = await recordInScope(tx, ctx.actor, recordId, true);
    assertWritable(record);
    const relation = await relationToRecord(tx, ctx.actor, record);
    if (relation.classTeacher && !record.classTeacherSignedAt) {
      await requirePublicityDone(tx, record);
      if (!record.studentConfirmedAt) throw new AppError('GROWTH_NOT_CONFIRMED');
      await tx
        .update(growthRecords)
        .set({ classTeacherSignedBy: ctx.actor.id, classTeacherSignedAt: new Date(), ...bumpRecord })
        .where(eq(growthRecords.id, recordId));
      await recordAudit(tx, ctx.actor, audit(record, 'growth.record.sign_class_teacher'));
      return { id: recordId, stage: record.stage, signedAs: 'class_teacher' as const };
    }
    if (relation.principal) {
      if (!record.classTeacherSignedAt) throw new AppError('GROWTH_SIGNATURE_ORDER');
      await tx
        .update(growthRecords)
        .set({ principalSignedBy: ctx.actor.id, principalSignedAt: new Date(), stage: 'archived', ...bumpRecord })
        .where(eq(growthRecords.id, recordId));
      await recordAudit(tx, ctx.actor, audit(record, 'growth.record.archive'));
      return { id: recordId, stage: 'archived' as const, signedAs: 'principal' as const };
    }
    if (relation.classTeacher) throw new AppError('GROWTH_SIGNATURE_ORDER');
    throw new AppError('FORBIDDEN');
  });
}

/** Signs every record of a class that is ready for the actor's signature; reports the rest. */
export async function signClass(ctx: GrowthCtx, classId: string, termId: string) {
  await requireClassLead(ctx.db, ctx, classId);
  const records = await ctx.db
    .select({ id: growthRecords.id, studentId: growthRecords.studentId })
    .from(growthRecords)
    .where(and(eq(growthRecords.classId, classId), eq(growthRecords.termId, termId)));
  const names = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, records.length ? records.map((r) => r.studentId) : ['00000000-0000-0000-0000-000000000000']));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  let signed = 0;
  const skipped: { recordId: string; student: string; code: string }[] = [];
  for (const r of records) {
    try {
      await signRecord(ctx, r.id);
      signed++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ recordId: r.id, student: nameOf.get(r.studentId) ?? '—', code: error.code });
    }
  }
  return { signed, skipped };
}
