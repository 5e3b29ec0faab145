import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { visibleWhere } from '../search/search.visibility.ts';
import type { ContentLanguage } from '../../../shared/languages.ts';
import { levelRank, type PublishLevel } from '../../../shared/library.ts';
import { anchorFor, reviewPlaceFor } from './library.levels.ts';
import { mayReview } from './library.policy.ts';
import { presentResourceSummary } from './library.present.ts';
import { idCursor, loadVisible, resourceAudience, schoolPlace } from './library.resource-store.ts';
import { authorSchoolId } from './library.resources.service.ts';
import { collectionItems, collections, resources, type CollectionRow } from './library.schema.ts';

/**
 * Curated collections ("AI ethics for junior secondary", "机器人编程 starter kit"), shared at the same
 * publish levels as resources and read through the same visibility rule. The owner shares at `private`
 * or `school` directly; wider levels need someone who could approve a resource at that level (a
 * district researcher curates for the district). Items show only the resources the reader may see.
 */
type Ctx = { db: Db; actor: Actor };

const audience = {
  publishLevel: collections.publishLevel,
  status: collections.status,
  authorId: collections.ownerId,
  schoolId: collections.schoolId,
  jurisdictionId: collections.jurisdictionId,
  anchorUnitId: collections.anchorUnitId,
};

async function levelColumns(db: DbOrTx, actor: Actor, schoolId: string, level: PublishLevel) {
  const school = await schoolPlace(db, schoolId);
  if (levelRank(level) > levelRank('school') && !mayReview(actor, await reviewPlaceFor(db, school, level))) throw new AppError('FORBIDDEN');
  return { publishLevel: level, anchorUnitId: await anchorFor(db, school, level) };
}

function presentCollection(c: CollectionRow, items?: { resource: ReturnType<typeof presentResourceSummary>; note: string | null }[]) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    language: c.language,
    publishLevel: c.publishLevel,
    ownerId: c.ownerId,
    schoolId: c.schoolId,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(items ? { items } : {}),
  };
}

export async function createCollection(
  ctx: Ctx,
  input: { title: string; description: string; language: ContentLanguage; publishLevel: PublishLevel; schoolId?: string },
) {
  const schoolId = authorSchoolId(ctx.actor, input.schoolId);
  const school = await schoolPlace(ctx.db, schoolId);
  const level = await levelColumns(ctx.db, ctx.actor, schoolId, input.publishLevel);
  const id = await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(collections)
      .values({
        title: input.title,
        description: input.description,
        language: input.language,
        ...level,
        schoolId,
        jurisdictionId: school.jurisdictionId,
        ownerId: ctx.actor.id!,
      })
      .returning({ id: collections.id });
    await recordAudit(tx, ctx.actor, {
      action: 'collection.create',
      targetType: 'collection',
      targetId: c.id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { level: input.publishLevel },
    });
    return c.id;
  });
  return getCollection(ctx, id);
}

async function loadOwn(db: DbOrTx, actor: Actor, id: string) {
  const [c] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.id, id), visibleWhere(actor, audience)));
  if (!c) throw new AppError('NOT_FOUND');
  if (c.ownerId !== actor.id) throw new AppError('FORBIDDEN');
  return c;
}

export async function updateCollection(
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  patch: Partial<{ title: string; description: string; language: ContentLanguage; publishLevel: PublishLevel }>,
) {
  const c = await loadOwn(ctx.db, ctx.actor, id);
  const { publishLevel, ...rest } = patch;
  const level = publishLevel ? await levelColumns(ctx.db, ctx.actor, c.schoolId, publishLevel) : {};
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(collections)
      .set({ ...rest, ...level, version: sql`${collections.version} + 1`, updatedAt: new Date() })
      .where(and(eq(collections.id, id), eq(collections.version, expectedVersion)))
      .returning({ id: collections.id });
    if (!done.length) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx.actor, {
      action: 'collection.update',
      targetType: 'collection',
      targetId: id,
      jurisdictionId: c.jurisdictionId,
      schoolId: c.schoolId,
      details: { fields: Object.keys(patch) },
    });
  });
  return getCollection(ctx, id);
}

/** A collection with the items the reader may see, in the curator's order. */
export async function getCollection(ctx: { db: Db; actor: Actor | null }, id: string) {
  const [c] = await ctx.db
    .select()
    .from(collections)
    .where(and(eq(collections.id, id), visibleWhere(ctx.actor, audience)));
  if (!c) throw new AppError('NOT_FOUND');
  const items = await ctx.db
    .select({ r: resources, note: collectionItems.note })
    .from(collectionItems)
    .innerJoin(resources, eq(resources.id, collectionItems.resourceId))
    .where(and(eq(collectionItems.collectionId, id), visibleWhere(ctx.actor, resourceAudience)))
    .orderBy(asc(collectionItems.position));
  return presentCollection(
    c,
    items.map((i) => ({ resource: presentResourceSummary(i.r), note: i.note })),
  );
}

export async function listCollections(ctx: { db: Db; actor: Actor | null }, q: { scope: 'mine' | 'all'; limit: number; cursor?: string }) {
  const rows = await ctx.db
    .select()
    .from(collections)
    .where(
      and(
        visibleWhere(ctx.actor, audience),
        q.scope === 'mine' ? eq(collections.ownerId, ctx.actor?.id ?? '00000000-0000-0000-0000-000000000000') : undefined,
        q.cursor ? lt(collections.id, idCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(desc(collections.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map((c) => presentCollection(c)), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** Adds (or re-notes) a resource the owner may see. */
export async function putCollectionItem(ctx: Ctx, id: string, resourceId: string, note?: string) {
  await loadOwn(ctx.db, ctx.actor, id);
  await loadVisible(ctx.db, ctx.actor, resourceId);
  const [last] = await ctx.db
    .select({ p: sql<number>`coalesce(max(${collectionItems.position}), 0)` })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, id));
  await ctx.db
    .insert(collectionItems)
    .values({ collectionId: id, resourceId, position: Number(last.p) + 1, note: note ?? null })
    .onConflictDoUpdate({ target: [collectionItems.collectionId, collectionItems.resourceId], set: { note: note ?? null } });
  return getCollection(ctx, id);
}

export async function removeCollectionItem(ctx: Ctx, id: string, resourceId: string) {
  await loadOwn(ctx.db, ctx.actor, id);
  await ctx.db.delete(collectionItems).where(and(eq(collectionItems.collectionId, id), eq(collectionItems.resourceId, resourceId)));
  return getCollection(ctx, id);
}
