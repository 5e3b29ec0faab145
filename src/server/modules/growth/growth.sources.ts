import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { requireDimension } from './growth.frameworks.service.ts';
import { assertWritable, ensureRecord, frameworkOf } from './growth.records.ts';
import { growthEvidence, growthTerms } from './growth.schema.ts';
import type { SourceEvidenceInput } from '../../../shared/api/growth.ts';

/**
 * The door for other modules (contests, training, projects, volunteering — issue §2): they call this
 * after their own access check, when a student earns an award, finishes a programme, and so on. The
 * entry lands in the term the event falls in, waiting for teacher review like any other. Idempotent by
 * (student, source, sourceRef): calling twice creates one entry.
 *
 * @example await recordEvidenceFromSource({ db, actor }, { source: 'contest', sourceRef: award.id, studentId, dimensionKey: 'academic', title: '市青少年人工智能挑战赛 二等奖', language: 'zh-Hans', occurredOn: '2026-11-20' })
 */
export async function recordEvidenceFromSource(ctx: { db: Db; actor: Actor }, input: SourceEvidenceInput) {
  return ctx.db.transaction(async (tx) => {
    const [student] = await tx
      .select({ id: users.id, schoolId: users.schoolId })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, 'student')))
      .where(eq(users.id, input.studentId))
      .limit(1);
    if (!student?.schoolId) throw new AppError('NOT_FOUND');
    const [term] = await tx
      .select()
      .from(growthTerms)
      .where(
        and(
          eq(growthTerms.schoolId, student.schoolId),
          lte(growthTerms.startsOn, input.occurredOn),
          gte(growthTerms.endsOn, input.occurredOn),
        ),
      )
      .limit(1);
    if (!term) throw new AppError('GROWTH_NO_TERM');
    const framework = await frameworkOf(tx, term);
    requireDimension(framework.dimensions, input.dimensionKey, input.indicatorKey);
    const record = await ensureRecord(tx, term, student.id);
    assertWritable(record);
    if (record.stage !== 'recording') throw new AppError('GROWTH_STAGE_INVALID');
    const inserted = await tx
      .insert(growthEvidence)
      .values({
        recordId: record.id,
        studentId: student.id,
        schoolId: record.schoolId,
        jurisdictionId: record.jurisdictionId,
        dimensionKey: input.dimensionKey,
        indicatorKey: input.indicatorKey ?? null,
        title: input.title.slice(0, 200),
        description: input.description ?? '',
        language: input.language,
        occurredOn: input.occurredOn,
        authorId: null,
        authorRole: 'system',
        source: input.source,
        sourceRef: input.sourceRef,
        reviewStatus: 'pending',
        notForAdmissions: input.notForAdmissions ?? false,
      })
      .onConflictDoNothing()
      .returning({ id: growthEvidence.id });
    if (!inserted.length) {
      const [existing] = await tx
        .select({ id: growthEvidence.id })
        .from(growthEvidence)
        .where(
          and(
            eq(growthEvidence.studentId, student.id),
            eq(growthEvidence.source, input.source),
            eq(growthEvidence.sourceRef, input.sourceRef),
          ),
        );
      return { id: existing.id, created: false };
    }
    await recordAudit(tx, ctx.actor, {
      action: 'growth.evidence.from_source',
      targetType: 'growth_evidence',
      targetId: inserted[0].id,
      jurisdictionId: record.jurisdictionId,
      schoolId: record.schoolId,
      details: { source: input.source, sourceRef: input.sourceRef },
    });
    return { id: inserted[0].id, created: true };
  });
}
