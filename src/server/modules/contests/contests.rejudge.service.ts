import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { managedContest } from './contests.access.ts';
import type { Ctx } from './contests.contests.service.ts';
import { contestAppeals, contestAssignments, contestEntries, contests } from './contests.schema.ts';

/**
 * After an upheld appeal the organiser reopens that entry's judging: its judges' locked scores are unlocked
 * (kept as drafts) and the round goes back to judging, so the published ranking is withdrawn until the
 * organiser publishes again — which recomputes ranks and awards for everyone, replaces award credentials
 * whose award changed, and only then allows promotion. A round already promoted upward cannot be reopened:
 * its entries may be confirmed in the next round.
 */
export async function reopenJudging(ctx: Ctx, appealId: string) {
  const [appeal] = await ctx.db.select().from(contestAppeals).where(eq(contestAppeals.id, appealId));
  if (!appeal) throw new AppError('NOT_FOUND');
  const contest = await managedContest(ctx.db, ctx.actor, appeal.contestId);
  if (appeal.status !== 'upheld') throw new AppError('CONFLICT');
  if (contest.status === 'promoted') throw new AppError('CONTESTS_ALREADY_PROMOTED');
  if (contest.status !== 'published') throw new AppError('CONTESTS_NOT_PUBLISHED');
  return ctx.db.transaction(async (tx) => {
    const [reopened] = await tx
      .update(contests)
      .set({ status: 'open', version: sql`${contests.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contests.id, contest.id), eq(contests.status, 'published')))
      .returning();
    if (!reopened) throw new AppError('VERSION_CONFLICT');
    const unlocked = await tx
      .update(contestAssignments)
      .set({ submittedAt: null })
      .where(eq(contestAssignments.entryId, appeal.entryId))
      .returning({ judgeUserId: contestAssignments.judgeUserId });
    const [entry] = await tx.select({ code: contestEntries.code }).from(contestEntries).where(eq(contestEntries.id, appeal.entryId));
    await notify(tx, {
      userIds: unlocked.map((u) => u.judgeUserId),
      kind: 'contests.rejudge',
      data: { contest: contest.name, code: entry.code },
      link: `/contests/${contest.id}`,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'contests.appeal.reopen',
      targetType: 'contest_appeal',
      targetId: appeal.id,
      jurisdictionId: contest.jurisdictionId,
      details: { entryId: appeal.entryId, assignments: unlocked.length },
    });
    return { contestId: contest.id, entryId: appeal.entryId, reopenedAssignments: unlocked.length, status: reopened.status };
  });
}
