import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import type { ReviewBody, SubmitBody } from '../../../shared/api/training.ts';
import { managedProgramme, visibleProgramme } from './training.programmes.service.ts';
import { presentSubmission } from './training.present.ts';
import { filesOfSubmissions } from './training.submission-files.service.ts';
import { trainingAssignments, trainingEnrolments as e, trainingSubmissions as sub } from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/**
 * A teacher hands in work: text, a library resource (e.g. a lesson plan) or a link. A new attempt is
 * allowed only after the reviewer asked for revision; a pending or passed submission stays as it is.
 */
export async function submitAssignment(ctx: Ctx, assignmentId: string, input: SubmitBody) {
  const [asg] = await ctx.db.select().from(trainingAssignments).where(eq(trainingAssignments.id, assignmentId));
  if (!asg) throw new AppError('NOT_FOUND');
  await visibleProgramme(ctx.db, ctx.actor, asg.programmeId);
  const [en] = await ctx.db
    .select()
    .from(e)
    .where(and(eq(e.programmeId, asg.programmeId), eq(e.userId, ctx.actor.id!), inArray(e.status, ['enrolled', 'completed'])));
  if (!en) throw new AppError('TRAINING_NOT_ENROLLED');
  return ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(sub)
      .where(and(eq(sub.assignmentId, asg.id), eq(sub.userId, en.userId)))
      .orderBy(desc(sub.attempt))
      .limit(1)
      .for('update');
    if (latest && latest.status !== 'needs_revision') throw new AppError('TRAINING_RESUBMISSION_NOT_ALLOWED');
    const [row] = await tx
      .insert(sub)
      .values({
        assignmentId: asg.id,
        programmeId: asg.programmeId,
        userId: en.userId,
        jurisdictionId: en.jurisdictionId,
        schoolId: en.schoolId,
        attempt: (latest?.attempt ?? 0) + 1,
        text: input.text,
        resourceId: input.resourceId ?? null,
        url: input.url ?? null,
        status: 'submitted',
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.submission.create',
      targetType: 'training_submission',
      targetId: row.id,
      jurisdictionId: en.jurisdictionId,
      schoolId: en.schoolId,
      details: { attempt: row.attempt },
    });
    return presentSubmission(row);
  });
}

/**
 * The reviewer scores each rubric criterion and writes feedback: passed when the total reaches the pass
 * mark, otherwise sent back for revision (the teacher may resubmit).
 */
export async function reviewSubmission(ctx: Ctx, submissionId: string, input: ReviewBody) {
  const [found] = await ctx.db.select().from(sub).where(eq(sub.id, submissionId));
  if (!found) throw new AppError('NOT_FOUND');
  const prog = await managedProgramme(ctx.db, ctx.actor, found.programmeId);
  const [asg] = await ctx.db.select().from(trainingAssignments).where(eq(trainingAssignments.id, found.assignmentId));
  const scores = new Map(input.scores.map((s) => [s.criterion, s.points]));
  const complete =
    asg.rubric.every((c) => scores.has(c.criterion) && scores.get(c.criterion)! <= c.maxPoints) && scores.size === asg.rubric.length;
  if (!complete) throw new AppError('TRAINING_SCORE_INVALID');
  const total = asg.rubric.reduce((s, c) => s + scores.get(c.criterion)!, 0);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(sub)
      .set({
        status: total >= asg.passMark ? 'passed' : 'needs_revision',
        scores: asg.rubric.map((c) => ({ criterion: c.criterion, points: scores.get(c.criterion)! })),
        total,
        feedback: input.feedback,
        reviewedBy: ctx.actor.id,
        reviewedAt: new Date(),
      })
      .where(and(eq(sub.id, found.id), eq(sub.status, 'submitted')))
      .returning();
    if (!row) throw new AppError('TRAINING_DECISION_NOT_PENDING');
    await recordAudit(tx, ctx.actor, {
      action: 'training.submission.review',
      targetType: 'training_submission',
      targetId: row.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { total, status: row.status },
    });
    return presentSubmission(row);
  });
}

/** All attempts in a programme, newest first, for the organiser's grading queue. */
export async function listSubmissions(ctx: Ctx, programmeId: string) {
  await managedProgramme(ctx.db, ctx.actor, programmeId);
  const rows = await ctx.db
    .select({ s: sub, displayName: users.displayName })
    .from(sub)
    .innerJoin(users, eq(users.id, sub.userId))
    .where(eq(sub.programmeId, programmeId))
    .orderBy(desc(sub.createdAt))
    .limit(2000);
  const attached = await filesOfSubmissions(
    ctx.db,
    rows.map((r) => r.s.id),
  );
  return { items: rows.map((r) => ({ ...presentSubmission(r.s, r), files: attached.get(r.s.id) ?? [] })) };
}
