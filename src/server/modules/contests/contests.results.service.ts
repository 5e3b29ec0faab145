import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, isAppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordEvidenceFromSource } from '../growth/growth.sources.ts';
import { users } from '../identity/identity.schema.ts';
import { notify } from '../notifications/notifications.service.ts';
import { managedContest, visibleContest } from './contests.access.ts';
import type { Ctx } from './contests.contests.service.ts';
import { syncAwardCredentials } from './contests.credentials.ts';
import { computeRanking } from './contests.judging.service.ts';
import { presentAppeal } from './contests.present.ts';
import { visibleEntry } from './contests.registration.service.ts';
import { contestAppeals, contestAssignments, contestEntries, contestEntryMembers, contests } from './contests.schema.ts';

const AWARD_TEXT = {
  'zh-Hans': { first: '一等奖', second: '二等奖', third: '三等奖', merit: '优秀奖', note: '本奖项不作为招生录取依据。' },
  'zh-Hant': { first: '一等獎', second: '二等獎', third: '三等獎', merit: '優異獎', note: '本獎項不作為招生錄取依據。' },
  en: { first: 'First prize', second: 'Second prize', third: 'Third prize', merit: 'Merit award', note: 'Not for admissions use.' },
} as const;

const dayUtc8 = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Publishes results: every assignment must be locked; the normalised ranking is written to the entries,
 * members are told, and each award becomes growth evidence for each pupil — marked "not for admissions use"
 * (the ministry's rule for competition results in 综合素质评价), waiting for teacher review like any other.
 */
export async function publishResults(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  if (contest.status !== 'open') throw new AppError('CONTESTS_ALREADY_PUBLISHED');
  return ctx.db.transaction(async (tx) => {
    const [{ open }] = await tx
      .select({ open: sql<number>`count(*)`.mapWith(Number) })
      .from(contestAssignments)
      .where(and(eq(contestAssignments.contestId, contest.id), isNull(contestAssignments.submittedAt)));
    if (open > 0) throw new AppError('CONTESTS_JUDGING_INCOMPLETE');
    const ranked = await computeRanking(tx, contest);
    if (!ranked.length) throw new AppError('CONTESTS_JUDGING_INCOMPLETE');
    for (const r of ranked) {
      await tx.update(contestEntries).set({ score: r.normalised, rank: r.rank, award: r.award }).where(eq(contestEntries.id, r.entryId));
    }
    const now = new Date();
    await tx
      .update(contests)
      .set({ status: 'published', publishedAt: now, version: sql`${contests.version} + 1` })
      .where(eq(contests.id, contest.id));
    const members = await tx
      .select({
        entryId: contestEntryMembers.entryId,
        userId: contestEntryMembers.userId,
        role: contestEntryMembers.role,
        locale: users.locale,
      })
      .from(contestEntryMembers)
      .innerJoin(users, eq(users.id, contestEntryMembers.userId))
      .where(
        inArray(
          contestEntryMembers.entryId,
          ranked.map((r) => r.entryId),
        ),
      );
    await notify(tx, {
      userIds: members.map((m) => m.userId),
      kind: 'contests.results',
      data: { contest: contest.name },
      link: `/contests/${contest.id}`,
    });
    let evidence = 0;
    const occurredOn = dayUtc8(now);
    const text = contest.language.startsWith('zh-Hant')
      ? AWARD_TEXT['zh-Hant']
      : contest.language === 'en'
        ? AWARD_TEXT.en
        : AWARD_TEXT['zh-Hans'];
    for (const r of ranked) {
      for (const m of members.filter((x) => x.entryId === r.entryId && x.role === 'student')) {
        try {
          const res = await recordEvidenceFromSource(
            { db: tx, actor: ctx.actor },
            {
              source: 'contest',
              sourceRef: r.entryId,
              studentId: m.userId,
              dimensionKey: 'academic',
              title: `${contest.name} ${text[r.award!]}`,
              description: `${r.title}\n${text.note}`,
              language: contest.language,
              occurredOn,
              notForAdmissions: true,
            },
          );
          if (res.created) evidence++;
        } catch (e) {
          // A school with no open growth term (or a closed record) simply gets no entry; results still publish.
          if (!isAppError(e)) throw e;
        }
      }
    }
    const credentials = await syncAwardCredentials(
      tx,
      { ...contest, status: 'published', publishedAt: now },
      ranked.map((r) => r.entryId),
      'results republished',
    );
    await recordAudit(tx, ctx.actor, {
      action: 'contests.results.publish',
      targetType: 'contest',
      targetId: contest.id,
      jurisdictionId: contest.jurisdictionId,
      details: { entries: ranked.length, evidence, credentials: credentials.issued },
    });
    return { published: ranked.length, evidence, credentials: credentials.issued };
  });
}

/** Public results (to everyone who sees the contest): entry code, title, rank and award — no names. */
export async function contestResults(ctx: Ctx, contestId: string) {
  const contest = await visibleContest(ctx.db, ctx.actor, contestId);
  if (contest.status === 'open') return { items: [] };
  const rows = await ctx.db
    .select({
      code: contestEntries.code,
      title: contestEntries.title,
      track: contestEntries.track,
      rank: contestEntries.rank,
      award: contestEntries.award,
    })
    .from(contestEntries)
    .where(and(eq(contestEntries.contestId, contest.id), sql`${contestEntries.rank} is not null`))
    .orderBy(contestEntries.rank);
  return { items: rows };
}

/** An appeal by an entry's member or teacher, while the appeals window is open (after results). */
export async function fileAppeal(ctx: Ctx, contestId: string, input: { entryId: string; reason: string }) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, input.entryId);
  if (contest.id !== contestId) throw new AppError('NOT_FOUND');
  if (contest.status === 'open' || new Date() > contest.appealsClosesAt) throw new AppError('CONTESTS_APPEALS_CLOSED');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contestAppeals)
      .values({ contestId, entryId: entry.id, filedBy: ctx.actor.id, reason: input.reason })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'contests.appeal.file',
      targetType: 'contest_appeal',
      targetId: row.id,
      jurisdictionId: entry.jurisdictionId,
      schoolId: entry.schoolId,
    });
    return presentAppeal(row, entry.code);
  });
}

/** The organiser records the outcome; it stays with the appeal for good. */
export async function decideAppeal(ctx: Ctx, appealId: string, input: { status: 'upheld' | 'dismissed'; outcome: string }) {
  const [appeal] = await ctx.db.select().from(contestAppeals).where(eq(contestAppeals.id, appealId));
  if (!appeal) throw new AppError('NOT_FOUND');
  const contest = await managedContest(ctx.db, ctx.actor, appeal.contestId);
  if (appeal.status !== 'open') throw new AppError('CONFLICT');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contestAppeals)
      .set({ status: input.status, outcome: input.outcome, decidedBy: ctx.actor.id, decidedAt: new Date() })
      .where(eq(contestAppeals.id, appeal.id))
      .returning();
    const [entry] = await tx.select().from(contestEntries).where(eq(contestEntries.id, row.entryId));
    if (row.filedBy) {
      await notify(tx, {
        userIds: [row.filedBy],
        kind: 'contests.appeal_decided',
        data: { contest: contest.name, status: { t: `contests.appealStatus.${row.status}` } },
        link: `/contests/${contest.id}`,
      });
    }
    await recordAudit(tx, ctx.actor, {
      action: 'contests.appeal.decide',
      targetType: 'contest_appeal',
      targetId: row.id,
      jurisdictionId: contest.jurisdictionId,
      details: { status: row.status },
    });
    return presentAppeal(row, entry.code);
  });
}

/** Organisers see all appeals of the contest; others only those of entries they see. */
export async function listAppeals(ctx: Ctx, contestId: string) {
  const contest = await managedContest(ctx.db, ctx.actor, contestId);
  const rows = await ctx.db
    .select({ a: contestAppeals, code: contestEntries.code })
    .from(contestAppeals)
    .innerJoin(contestEntries, eq(contestEntries.id, contestAppeals.entryId))
    .where(eq(contestAppeals.contestId, contest.id))
    .orderBy(contestAppeals.createdAt);
  return { items: rows.map((r) => presentAppeal(r.a, r.code)) };
}
