import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { JUDGING_FIELDS, type UpdateContestBody } from '../../../shared/api/contests.ts';
import { managedContest } from './contests.access.ts';
import { contestView, type Ctx } from './contests.contests.service.ts';
import { contests } from './contests.schema.ts';

const TIMELINE = [
  'registrationOpensAt',
  'registrationClosesAt',
  'submissionClosesAt',
  'judgingClosesAt',
  'resultsAt',
  'appealsClosesAt',
] as const;

/**
 * Edits a round by its organiser. `version` is the If-Match the editor read: a concurrent edit makes it
 * stale → VERSION_CONFLICT (412) and nothing is written. Once judging has started (submissions closed, by
 * the server clock) the rubric, the rules and the submission deadline are frozen, so no judge scores against
 * criteria that changed under them; names, dates after judging, whitelist flag and quota stay editable
 * until results are published.
 */
export async function updateContest(ctx: Ctx, id: string, version: number, input: UpdateContestBody) {
  const current = await managedContest(ctx.db, ctx.actor, id);
  if (current.status !== 'open') throw new AppError('CONTESTS_ALREADY_PUBLISHED');
  const changed = (Object.keys(input) as (keyof UpdateContestBody)[]).filter((k) => input[k] !== undefined);
  const judgingStarted = Date.now() >= current.submissionClosesAt.getTime();
  if (judgingStarted && changed.some((k) => (JUDGING_FIELDS as readonly string[]).includes(k))) {
    throw new AppError('CONTESTS_JUDGING_STARTED');
  }
  if (input.rubric) {
    const keys = input.rubric.map((c) => c.key);
    if (new Set(keys).size !== keys.length) throw new AppError('VALIDATION_FAILED');
  }
  const merged = { ...current, ...input };
  for (let i = 1; i < TIMELINE.length; i++) {
    if (merged[TIMELINE[i - 1]].getTime() > merged[TIMELINE[i]].getTime())
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: `body.${TIMELINE[i]}`, code: 'timeline_order', message: 'timeline out of order' }],
      });
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contests)
      .set({ ...input, version: sql`${contests.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contests.id, current.id), eq(contests.version, version), eq(contests.status, 'open')))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx.actor, {
      action: 'contests.contest.update',
      targetType: 'contest',
      targetId: row.id,
      jurisdictionId: row.jurisdictionId,
      schoolId: row.organiserSchoolId,
      details: { fields: changed, version: row.version },
    });
    return contestView(tx, ctx.actor, row);
  });
}
