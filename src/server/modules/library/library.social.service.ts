import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../identity/identity.schema.ts';
import { requireUser, type Actor } from '../identity/identity.access.ts';
import { idCursor, loadVisible, resourceAudience } from './library.resource-store.ts';
import { visibleWhere } from '../search/search.visibility.ts';
import { presentResourceSummary } from './library.present.ts';
import { resourceFavourites, resourceRatings, resources } from './library.schema.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * Ratings (1–5 with a short review, one per user per resource) and favourites. Counters on the resource
 * row are updated in the same transaction, so lists and ranking need no aggregation.
 */
type Ctx = { db: Db; actor: Actor };

export async function rateResource(ctx: Ctx, id: string, input: { stars: number; review?: string }) {
  const actor = requireUser(ctx.actor);
  if (!actor.id) throw new AppError('FORBIDDEN');
  const userId = actor.id;
  const r = await loadVisible(ctx.db, actor, id);
  if (r.authorId === actor.id) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ stars: resourceRatings.stars })
      .from(resourceRatings)
      .where(and(eq(resourceRatings.resourceId, id), eq(resourceRatings.userId, userId)))
      .for('update');
    await tx
      .insert(resourceRatings)
      .values({ resourceId: id, userId, stars: input.stars, review: input.review ?? null })
      .onConflictDoUpdate({
        target: [resourceRatings.resourceId, resourceRatings.userId],
        set: { stars: input.stars, review: input.review ?? null, updatedAt: new Date() },
      });
    await tx
      .update(resources)
      .set({
        ratingSum: sql`${resources.ratingSum} + ${input.stars - (before?.stars ?? 0)}`,
        ratingCount: sql`${resources.ratingCount} + ${before ? 0 : 1}`,
      })
      .where(eq(resources.id, id));
  });
  return { stars: input.stars, review: input.review ?? null };
}

export async function unrateResource(ctx: Ctx, id: string) {
  const userId = ctx.actor.id;
  await loadVisible(ctx.db, ctx.actor, id);
  if (!userId) return;
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(resourceRatings)
      .where(and(eq(resourceRatings.resourceId, id), eq(resourceRatings.userId, userId)))
      .returning({ stars: resourceRatings.stars });
    if (deleted.length) {
      await tx
        .update(resources)
        .set({ ratingSum: sql`${resources.ratingSum} - ${deleted[0].stars}`, ratingCount: sql`${resources.ratingCount} - 1` })
        .where(eq(resources.id, id));
    }
  });
}

/** Reviews of a resource, newest first, with the reviewer's display name. */
export async function listRatings(ctx: { db: Db; actor: Actor | null }, id: string, q: { limit: number; cursor?: string }) {
  await loadVisible(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select({
      userId: resourceRatings.userId,
      displayName: users.displayName,
      stars: resourceRatings.stars,
      review: resourceRatings.review,
      updatedAt: resourceRatings.updatedAt,
    })
    .from(resourceRatings)
    .innerJoin(users, eq(users.id, resourceRatings.userId))
    .where(and(eq(resourceRatings.resourceId, id), q.cursor ? lt(resourceRatings.userId, idCursor(q.cursor)) : undefined))
    .orderBy(desc(resourceRatings.userId))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      user: { id: r.userId, displayName: r.displayName },
      stars: r.stars,
      review: r.review,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].userId : null,
  };
}

export async function setFavourite(ctx: Ctx, id: string, on: boolean) {
  const userId = ctx.actor.id;
  if (!userId) throw new AppError('FORBIDDEN');
  await loadVisible(ctx.db, ctx.actor, id);
  await ctx.db.transaction(async (tx) => {
    const changed = on
      ? await tx
          .insert(resourceFavourites)
          .values({ resourceId: id, userId })
          .onConflictDoNothing()
          .returning({ id: resourceFavourites.resourceId })
      : await tx
          .delete(resourceFavourites)
          .where(and(eq(resourceFavourites.resourceId, id), eq(resourceFavourites.userId, userId)))
          .returning({ id: resourceFavourites.resourceId });
    if (changed.length) {
      await tx
        .update(resources)
        .set({ favouriteCount: sql`${resources.favouriteCount} + ${on ? 1 : -1}` })
        .where(eq(resources.id, id));
    }
  });
  return { favourite: on };
}

/** My favourites that I may still see (a withdrawn one drops out). */
export async function listFavourites(ctx: Ctx, q: { limit: number; cursor?: string }) {
  const userId = ctx.actor.id ?? '00000000-0000-0000-0000-000000000000';
  const rows = await ctx.db
    .select({ r: resources })
    .from(resourceFavourites)
    .innerJoin(resources, eq(resources.id, resourceFavourites.resourceId))
    .where(
      and(
        eq(resourceFavourites.userId, userId),
        visibleWhere(ctx.actor, resourceAudience),
        q.cursor ? lt(resources.id, idCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(desc(resources.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map((x) => presentResourceSummary(x.r)), nextCursor: rows.length > q.limit ? page[page.length - 1].r.id : null };
}
