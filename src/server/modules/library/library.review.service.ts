import { aliasedTable, and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.schema.ts';
import { levelRank, type PublishLevel, type ReviewDecision } from '../../../shared/library.ts';
import { anchorFor, nextAvailableLevel, reviewPlaceFor } from './library.levels.ts';
import { notify } from '../notifications/notifications.service.ts';
import { mayReview, reviewableWhere } from './library.policy.ts';
import { presentSubmission } from './library.present.ts';
import { idCursor, loadVisible, schoolPlace } from './library.resource-store.ts';
import type { Ctx } from './library.resources.service.ts';
import { resources, resourceSubmissions } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

/**
 * Publishing up the levels (四级联动). A draft is submitted for a level and is `in_review` until a
 * reviewer of that level approves (published there) or returns it (back to a private draft, with
 * comments). A published resource can be recommended one level further, by its author or by a reviewer
 * of its current level; it stays visible where it is until the wider level approves. Every step is
 * audited and tells the author.
 */
export async function submitResource(ctx: Ctx, id: string, input: { level: Exclude<PublishLevel, 'private'>; note?: string }) {
  const { actor } = ctx;
  const submissionId = await ctx.db.transaction(async (tx) => {
    const r = await loadVisible(tx, actor, id);
    const [locked] = await tx.select().from(resources).where(eq(resources.id, id)).for('update');
    const school = await schoolPlace(tx, r.schoolId);
    const isAuthor = locked.authorId === actor.id;
    const reviewerHere = locked.status === 'published' && mayReview(actor, await reviewPlaceFor(tx, school, locked.publishLevel));
    if (!isAuthor && !reviewerHere) throw new AppError('FORBIDDEN');
    if (locked.status === 'withdrawn') throw new AppError('LIBRARY_NOT_EDITABLE');
    const [pending] = await tx
      .select({ id: resourceSubmissions.id })
      .from(resourceSubmissions)
      .where(and(eq(resourceSubmissions.resourceId, id), eq(resourceSubmissions.status, 'pending')));
    if (pending || locked.status === 'in_review') throw new AppError('LIBRARY_SUBMISSION_PENDING');
    if (locked.status === 'published') {
      if (levelRank(input.level) <= levelRank(locked.publishLevel)) throw new AppError('LIBRARY_LEVEL_NOT_WIDER');
      if (input.level !== (await nextAvailableLevel(tx, school, locked.publishLevel))) throw new AppError('LIBRARY_LEVEL_UNAVAILABLE');
    }
    const place = await reviewPlaceFor(tx, school, input.level);
    const [sub] = await tx
      .insert(resourceSubmissions)
      .values({
        resourceId: id,
        schoolId: locked.schoolId,
        jurisdictionId: locked.jurisdictionId,
        level: input.level,
        anchorUnitId: place.anchorUnitId,
        fromLevel: locked.status === 'published' ? locked.publishLevel : 'private',
        submittedBy: actor.id!,
        note: input.note ?? null,
        resourceVersion: locked.version,
      })
      .returning({ id: resourceSubmissions.id });
    if (locked.status === 'draft') {
      // The audience columns now name the level under review, so its reviewers see the draft.
      await tx
        .update(resources)
        .set({
          status: 'in_review',
          publishLevel: input.level,
          anchorUnitId: await anchorFor(tx, school, input.level),
          updatedAt: new Date(),
        })
        .where(eq(resources.id, id));
      await reindexResource(tx, id);
    }
    await recordAudit(tx, actor, {
      action: locked.status === 'published' ? 'resource.recommend' : 'resource.submit',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: locked.jurisdictionId,
      schoolId: locked.schoolId,
      details: { submissionId: sub.id, level: input.level, from: locked.status === 'published' ? locked.publishLevel : 'private' },
    });
    await notify(tx, {
      userIds: [locked.authorId],
      kind: 'library.submitted',
      data: { resourceId: id, title: locked.title, level: input.level, byAuthor: isAuthor },
      link: `/library/resources/${id}`,
    });
    return sub.id;
  });
  return getSubmission(ctx, submissionId);
}

/** A reviewer's decision. Out-of-scope submissions answer NOT_FOUND, like missing ones. */
export async function decideSubmission(ctx: Ctx, submissionId: string, input: { decision: ReviewDecision; comment?: string }) {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [sub] = await tx.select().from(resourceSubmissions).where(eq(resourceSubmissions.id, submissionId)).for('update');
    if (!sub || !mayReview(actor, sub)) throw new AppError('NOT_FOUND');
    if (sub.status !== 'pending') throw new AppError('LIBRARY_REVIEW_NOT_PENDING');
    const [r] = await tx.select().from(resources).where(eq(resources.id, sub.resourceId)).for('update');
    const approve = input.decision === 'approve';
    await tx
      .update(resourceSubmissions)
      .set({ status: approve ? 'approved' : 'returned', reviewerId: actor.id, comment: input.comment ?? null, decidedAt: new Date() })
      .where(eq(resourceSubmissions.id, submissionId));
    if (approve) {
      const school = await schoolPlace(tx, r.schoolId);
      await tx
        .update(resources)
        .set({
          status: 'published',
          publishLevel: sub.level,
          anchorUnitId: await anchorFor(tx, school, sub.level),
          publishedAt: r.publishedAt ?? new Date(),
          updatedAt: new Date(),
        })
        .where(eq(resources.id, r.id));
    } else if (r.status === 'in_review') {
      await tx
        .update(resources)
        .set({ status: 'draft', publishLevel: 'private', anchorUnitId: null, updatedAt: new Date() })
        .where(eq(resources.id, r.id));
    }
    await reindexResource(tx, r.id);
    await recordAudit(tx, actor, {
      action: approve ? 'resource.review.approve' : 'resource.review.return',
      targetType: 'resource',
      targetId: r.id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { submissionId, level: sub.level, comment: input.comment ?? null },
    });
    await notify(tx, {
      userIds: [r.authorId],
      kind: approve ? 'library.approved' : 'library.returned',
      data: { resourceId: r.id, title: r.title, level: sub.level, comment: input.comment ?? null },
      link: `/library/resources/${r.id}`,
    });
  });
  return getSubmission(ctx, submissionId);
}

const submitter = aliasedTable(users, 'submitter');
const reviewer = aliasedTable(users, 'reviewer');

function submissionQuery(db: Db) {
  return db
    .select({ s: resourceSubmissions, title: resources.title, submitterName: submitter.displayName, reviewerName: reviewer.displayName })
    .from(resourceSubmissions)
    .innerJoin(resources, eq(resources.id, resourceSubmissions.resourceId))
    .innerJoin(submitter, eq(submitter.id, resourceSubmissions.submittedBy))
    .leftJoin(reviewer, eq(reviewer.id, resourceSubmissions.reviewerId));
}

interface SubmissionJoin {
  s: typeof resourceSubmissions.$inferSelect;
  title: string;
  submitterName: string;
  reviewerName: string | null;
}
const present = (x: SubmissionJoin) =>
  presentSubmission(x.s, { resourceTitle: x.title, submitterName: x.submitterName, reviewerName: x.reviewerName });

async function getSubmission(ctx: Ctx, id: string) {
  const [row] = await submissionQuery(ctx.db).where(eq(resourceSubmissions.id, id));
  return present(row);
}

/** The review queue: submissions the actor may decide, newest first. */
export async function listReviewQueue(ctx: Ctx, q: { status: 'pending' | 'approved' | 'returned'; limit: number; cursor?: string }) {
  const rows: SubmissionJoin[] = await submissionQuery(ctx.db)
    .where(
      and(
        reviewableWhere(ctx.actor, resourceSubmissions),
        eq(resourceSubmissions.status, q.status),
        q.cursor ? lt(resourceSubmissions.id, idCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(desc(resourceSubmissions.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(present), nextCursor: rows.length > q.limit ? page[page.length - 1].s.id : null };
}

/** The submission history of a resource the actor may see. */
export async function listSubmissions(ctx: { db: Db; actor: Ctx['actor'] | null }, resourceId: string) {
  await loadVisible(ctx.db, ctx.actor, resourceId);
  const rows = await submissionQuery(ctx.db).where(eq(resourceSubmissions.resourceId, resourceId)).orderBy(desc(resourceSubmissions.id));
  return { items: rows.map(present) };
}
