import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachesSchool } from '../identity/identity.access.ts';
import { notify } from '../notifications/notifications.service.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { MembersBody } from '../../../shared/api/contests.ts';
import type { Ctx } from './contests.contests.service.ts';
import { contestsPolicy } from './contests.policy.ts';
import { activePupils, assertGradesInBands, assertNotRegistered, assertSchoolsAllowed } from './contests.eligibility.ts';
import { entryView, visibleEntry } from './contests.registration.service.ts';
import { contestEntryMembers } from './contests.schema.ts';

/**
 * Team changes before the submission deadline (a pupil moves away, another joins): by the organiser or a
 * teacher of the entry's school. Added pupils pass the registration checks (a student in the area, in a grade
 * band, same school unless cross-school teams are allowed, not in another entry of this round); the team stays
 * within its size and keeps at least one pupil. Everyone added or removed is told; the change is audited.
 */
export async function changeMembers(ctx: Ctx, entryId: string, input: MembersBody) {
  const { entry, contest, manager } = await visibleEntry(ctx.db, ctx.actor, entryId);
  const [lead] = await ctx.db.select().from(schools).where(eq(schools.id, entry.schoolId));
  if (!manager && !reachesSchool(ctx.actor, contestsPolicy.register, lead)) throw new AppError('FORBIDDEN');
  if (
    contest.status !== 'open' ||
    new Date() > contest.submissionClosesAt ||
    !['registered', 'pending_confirmation'].includes(entry.status)
  )
    throw new AppError('CONTESTS_SUBMISSION_CLOSED');
  const current = await ctx.db.select().from(contestEntryMembers).where(eq(contestEntryMembers.entryId, entry.id));
  const addIds = [...new Set(input.addStudentIds)].filter((id) => !current.some((m) => m.userId === id));
  const removeIds = [...new Set(input.removeUserIds)].filter((id) => current.some((m) => m.userId === id));
  if (input.removeUserIds.some((id) => !current.some((m) => m.userId === id))) throw new AppError('NOT_FOUND');
  const pupilsAfter = current.filter((m) => m.role === 'student' && !removeIds.includes(m.userId)).length + addIds.length;
  if (pupilsAfter < 1 || (entry.kind === 'individual' ? pupilsAfter !== 1 : pupilsAfter > contest.rules.maxTeamSize))
    throw new AppError('CONTESTS_TEAM_SIZE');

  const { pupils: added, schools: schoolRows } = addIds.length ? await activePupils(ctx.db, addIds) : { pupils: [], schools: [] };
  const addedById = new Map(added.map((s) => [s.id, s]));
  assertSchoolsAllowed(contest, schoolRows, lead.id);
  await assertGradesInBands(ctx.db, contest, addIds);

  return ctx.db.transaction(async (tx) => {
    await assertNotRegistered(tx, contest.id, addIds);
    if (addIds.length) {
      await tx.insert(contestEntryMembers).values(
        addIds.map((id) => ({
          entryId: entry.id,
          userId: id,
          role: 'student' as const,
          schoolId: addedById.get(id)!.schoolId,
          jurisdictionId: addedById.get(id)!.jurisdictionId,
        })),
      );
    }
    if (removeIds.length)
      await tx
        .delete(contestEntryMembers)
        .where(and(eq(contestEntryMembers.entryId, entry.id), inArray(contestEntryMembers.userId, removeIds)));
    const told = [...addIds, ...removeIds].filter((id) => id !== ctx.actor.id);
    if (told.length)
      await notify(tx, {
        userIds: told,
        kind: 'contests.team_changed',
        data: { contest: contest.name, title: entry.title },
        link: `/contests/${contest.id}/entries/${entry.id}`,
      });
    await recordAudit(tx, ctx.actor, {
      action: 'contests.entry.members',
      targetType: 'contest_entry',
      targetId: entry.id,
      jurisdictionId: entry.jurisdictionId,
      schoolId: entry.schoolId,
      details: { added: addIds, removed: removeIds },
    });
    return entryView(tx, ctx.actor, entry, contest);
  });
}
