import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { managedContest, type Contest } from './contests.access.ts';
import type { Ctx } from './contests.contests.service.ts';
import { selectForPromotion } from './contests.ranking.ts';
import { newEntryCode } from './contests.registration.service.ts';
import { contestEntries, contestEntryMembers, contestSubmissions, contestUploads, contests } from './contests.schema.ts';

/**
 * Upward recommendation (逐级推荐). The quota is the receiving round's `quotaPerUnit`: how many entries each
 * unit directly below its organiser may send (a city round takes N per district; a district round N per
 * school). The lower round's published ranking is walked from the top; chosen entries are copied into the
 * parent round with their members and every submission version (same blob hashes), linked back through
 * `sourceEntryId`, and wait for the parent organiser's confirmation.
 */

/** The unit directly below the parent's organiser on the school's path; the school itself at the bottom. */
export function sendingUnit(parent: Contest, school: { id: string; authorityPath: string[] }): string {
  if (parent.organiserSchoolId || !parent.organiserUnitId) return school.id;
  const i = school.authorityPath.indexOf(parent.organiserUnitId);
  return i >= 0 && i + 1 < school.authorityPath.length ? school.authorityPath[i + 1] : school.id;
}

export async function promoteEntries(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  if (contest.status === 'open') throw new AppError('CONTESTS_NOT_PUBLISHED');
  if (contest.status === 'promoted') throw new AppError('CONTESTS_ALREADY_PROMOTED');
  if (!contest.parentContestId) throw new AppError('CONTESTS_NO_PARENT');
  return ctx.db.transaction(async (tx) => {
    const [parent] = await tx.select().from(contests).where(eq(contests.id, contest.parentContestId!));
    if (!parent || parent.status !== 'open') throw new AppError('CONTESTS_NO_PARENT');
    const ranked = await tx
      .select({ e: contestEntries, authorityPath: schools.authorityPath })
      .from(contestEntries)
      .innerJoin(schools, eq(schools.id, contestEntries.schoolId))
      .where(and(eq(contestEntries.contestId, contest.id), eq(contestEntries.status, 'registered')));
    const chosen = selectForPromotion(
      ranked
        .filter((r) => r.e.rank !== null)
        .map((r) => ({
          entryId: r.e.id,
          rank: r.e.rank!,
          unitId: sendingUnit(parent, { id: r.e.schoolId, authorityPath: r.authorityPath }),
        })),
      parent.quotaPerUnit,
    );
    const promoted: { fromEntryId: string; entryId: string; code: string }[] = [];
    for (const id of chosen) {
      const src = ranked.find((r) => r.e.id === id)!.e;
      const [copy] = await tx
        .insert(contestEntries)
        .values({
          contestId: parent.id,
          code: newEntryCode(),
          title: src.title,
          track: parent.tracks.includes(src.track) ? src.track : parent.tracks[0],
          kind: src.kind,
          schoolId: src.schoolId,
          jurisdictionId: src.jurisdictionId,
          guardianConsent: src.guardianConsent,
          status: 'pending_confirmation',
          sourceEntryId: src.id,
          createdBy: ctx.actor.id,
        })
        .returning();
      const members = await tx.select().from(contestEntryMembers).where(eq(contestEntryMembers.entryId, src.id));
      if (members.length) {
        await tx.insert(contestEntryMembers).values(members.map(({ id: _id, entryId: _e, ...m }) => ({ ...m, entryId: copy.id })));
      }
      const subs = await tx.select().from(contestSubmissions).where(eq(contestSubmissions.entryId, src.id));
      if (subs.length) {
        await tx.insert(contestSubmissions).values(subs.map(({ id: _id, entryId: _e, ...s }) => ({ ...s, entryId: copy.id })));
      }
      // Uploaded files travel by hash: the new entry may serve the same bytes.
      const uploads = await tx.select().from(contestUploads).where(eq(contestUploads.entryId, src.id));
      if (uploads.length) {
        await tx.insert(contestUploads).values(uploads.map(({ id: _id, entryId: _e, ...u }) => ({ ...u, entryId: copy.id })));
      }
      await notify(tx, {
        userIds: members.map((m) => m.userId),
        kind: 'contests.promoted',
        data: { contest: parent.name, title: src.title },
        link: `/contests/${parent.id}/entries/${copy.id}`,
      });
      promoted.push({ fromEntryId: src.id, entryId: copy.id, code: copy.code });
    }
    await tx.update(contests).set({ status: 'promoted' }).where(eq(contests.id, contest.id));
    await recordAudit(tx, ctx.actor, {
      action: 'contests.promote',
      targetType: 'contest',
      targetId: contest.id,
      jurisdictionId: contest.jurisdictionId,
      details: { parentContestId: parent.id, quota: parent.quotaPerUnit, promoted: promoted.map((p) => p.fromEntryId) },
    });
    return { parentContestId: parent.id, promoted };
  });
}

/** The parent round's organiser accepts promoted entries (all pending ones when no ids are given). */
export async function confirmPromotions(ctx: Ctx, contestId: string, entryIds?: string[]) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(contestEntries)
      .set({ status: 'registered' })
      .where(
        and(
          eq(contestEntries.contestId, contest.id),
          eq(contestEntries.status, 'pending_confirmation'),
          entryIds?.length ? inArray(contestEntries.id, entryIds) : undefined,
        ),
      )
      .returning({ id: contestEntries.id });
    await recordAudit(tx, ctx.actor, {
      action: 'contests.promotion.confirm',
      targetType: 'contest',
      targetId: contest.id,
      jurisdictionId: contest.jurisdictionId,
      details: { entries: rows.map((r) => r.id) },
    });
    return { confirmed: rows.length };
  });
}
