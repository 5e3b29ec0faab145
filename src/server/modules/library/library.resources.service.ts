import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireUser, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { visibleWhere } from '../search/search.visibility.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { convertForDisplay } from '../../../lib/text/convert-for-display.ts';
import { allowsDerivatives } from '../../../shared/library.ts';
import type { TCreateResourceBody, TListResourcesQuery, TUpdateResourceBody } from '../../../shared/api/library.ts';
import { availableLevels, reviewPlaceFor } from './library.levels.ts';
import { notify } from '../notifications/notifications.service.ts';
import { libraryPolicy, mayReview } from './library.policy.ts';
import { presentResource, presentResourceSummary } from './library.present.ts';
import {
  bump,
  currentFiles,
  idCursor,
  loadOwnForUpdate,
  loadVisible,
  resourceAudience,
  schoolPlace,
  snapshot,
} from './library.resource-store.ts';
import { sanitiseBody } from './library.sanitise.ts';
import { resourceFavourites, resourceRatings, resources, resourceSubmissions, type ResourceRow } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

export interface Ctx {
  db: Db;
  actor: Actor;
}

/** The school a new resource (or adaptation) belongs to: the one asked for, or the author's only school. */
export function authorSchoolId(actor: Actor, wanted?: string): string {
  const schoolsHeld = [
    ...new Set(
      placesFor(actor, libraryPolicy.author)
        .map((p) => p.schoolId)
        .filter((s): s is string => !!s),
    ),
  ];
  if (!schoolsHeld.length) throw new AppError('FORBIDDEN');
  if (wanted) {
    if (!schoolsHeld.includes(wanted)) throw new AppError('FORBIDDEN');
    return wanted;
  }
  return schoolsHeld[0];
}

/** A new private draft, version 1. */
export async function createResource(ctx: Ctx, input: TCreateResourceBody) {
  const schoolId = authorSchoolId(ctx.actor, input.schoolId);
  const school = await schoolPlace(ctx.db, schoolId);
  const id = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(resources)
      .values({
        jurisdictionId: school.jurisdictionId,
        schoolId,
        authorId: ctx.actor.id!,
        title: input.title,
        summary: input.summary,
        bodyHtml: sanitiseBody(input.body),
        language: input.language,
        subject: input.subject,
        gradeBand: input.gradeBand,
        grades: input.grades,
        aiCompetencies: input.aiCompetencies,
        keywords: input.keywords,
        licence: input.licence,
      })
      .returning({ id: resources.id });
    await snapshot(tx, r.id, 'create', ctx.actor.id);
    await reindexResource(tx, r.id);
    await recordAudit(tx, ctx.actor, {
      action: 'resource.create',
      targetType: 'resource',
      targetId: r.id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { title: input.title },
    });
    return r.id;
  });
  return getResource({ db: ctx.db, actor: ctx.actor }, id, {});
}

/** An edit by the author: a new version (412 when `expectedVersion` is stale). Not while in review. */
export async function updateResource(ctx: Ctx, id: string, expectedVersion: number, patch: TUpdateResourceBody) {
  await ctx.db.transaction(async (tx) => {
    const r = await loadOwnForUpdate(tx, ctx.actor, id, expectedVersion);
    if (r.status === 'in_review' || r.status === 'withdrawn') throw new AppError('LIBRARY_NOT_EDITABLE');
    const { body, ...rest } = patch;
    await bump(tx, id, { ...rest, ...(body !== undefined ? { bodyHtml: sanitiseBody(body) } : {}) });
    await snapshot(tx, id, 'edit', ctx.actor.id);
    await reindexResource(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'resource.update',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { fields: Object.keys(patch) },
    });
  });
  return getResource(ctx, id, {});
}

/**
 * Takes a resource out of circulation (author, or a reviewer of its current level). It stays in the index
 * with status withdrawn, which the visibility rule hides from everyone but its author.
 */
export async function withdrawResource(ctx: Ctx, id: string) {
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const r = await loadVisible(tx, actor, id);
    const school = await schoolPlace(tx, r.schoolId);
    const reviewer = r.status === 'published' && mayReview(actor, await reviewPlaceFor(tx, school, r.publishLevel));
    if (r.authorId !== actor.id && !reviewer) throw new AppError('FORBIDDEN');
    if (r.status === 'withdrawn') return;
    await tx
      .update(resourceSubmissions)
      .set({ status: 'cancelled', decidedAt: new Date() })
      .where(and(eq(resourceSubmissions.resourceId, id), eq(resourceSubmissions.status, 'pending')));
    await tx.update(resources).set({ status: 'withdrawn', updatedAt: new Date() }).where(eq(resources.id, id));
    await reindexResource(tx, id);
    await recordAudit(tx, actor, {
      action: 'resource.withdraw',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { level: r.publishLevel, byReviewer: r.authorId !== actor.id },
    });
    if (r.authorId !== actor.id) {
      await notify(tx, {
        userIds: [r.authorId],
        kind: 'library.withdrawn',
        data: { resourceId: id, title: r.title, level: r.publishLevel },
        link: `/library/resources/${id}`,
      });
    }
  });
  return getResource(ctx, id, {});
}

/**
 * One resource as its reader may see it, with files, lineage, review state and the reader's own rating.
 * `display` converts title, summary and body into another Chinese script (labelled as machine-converted).
 * Counts a view.
 */
export async function getResource(
  ctx: { db: Db; actor: Actor | null },
  id: string,
  opts: { display?: 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO'; countView?: boolean },
) {
  const { db, actor } = ctx;
  let r = await loadVisible(db, actor, id);
  if (opts.countView) {
    await db
      .update(resources)
      .set({ viewCount: sql`${resources.viewCount} + 1` })
      .where(eq(resources.id, id));
    r = { ...r, viewCount: r.viewCount + 1 };
  }
  const [author] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, r.authorId));
  const [school] = await db
    .select({ id: schools.id, code: schools.code, names: schools.names })
    .from(schools)
    .where(eq(schools.id, r.schoolId));
  const files = await currentFiles(db, id);
  const [pending] = await db
    .select()
    .from(resourceSubmissions)
    .where(and(eq(resourceSubmissions.resourceId, id), eq(resourceSubmissions.status, 'pending')));
  const visible = (ids: string[]) => and(inArray(resources.id, ids), visibleWhere(actor, resourceAudience));
  const [adaptedFrom] = r.adaptedFromId
    ? await db
        .select({ id: resources.id, title: resources.title })
        .from(resources)
        .where(visible([r.adaptedFromId]))
    : [];
  const adaptations = await db
    .select({ id: resources.id, title: resources.title, language: resources.language, kind: resources.adaptationKind })
    .from(resources)
    .where(and(eq(resources.adaptedFromId, id), ne(resources.id, id), visibleWhere(actor, resourceAudience)))
    .orderBy(desc(resources.id))
    .limit(50);
  let rating = null;
  let favourite = false;
  if (actor?.id) {
    const [mine] = await db
      .select({ stars: resourceRatings.stars, review: resourceRatings.review })
      .from(resourceRatings)
      .where(and(eq(resourceRatings.resourceId, id), eq(resourceRatings.userId, actor.id)));
    rating = mine ?? null;
    favourite =
      (await db.$count(resourceFavourites, and(eq(resourceFavourites.resourceId, id), eq(resourceFavourites.userId, actor.id)))) > 0;
  }
  const place = await schoolPlace(db, r.schoolId);
  const isAuthor = !!actor && actor.id === r.authorId;
  const reviewPlace = pending ? await reviewPlaceFor(db, place, pending.level) : null;
  const permissions = {
    edit: isAuthor && (r.status === 'draft' || r.status === 'published'),
    submit: isAuthor && !pending && (r.status === 'draft' || r.status === 'published'),
    withdraw: isAuthor && r.status !== 'withdrawn',
    adapt: !!actor && allowsDerivatives(r.licence) && placesFor(actor, libraryPolicy.author).some((p) => p.schoolId),
    review: !!actor && !!reviewPlace && mayReview(actor, reviewPlace),
  };
  let display = null;
  if (opts.display) {
    const title = convertForDisplay(r.title, r.language, opts.display);
    const summary = convertForDisplay(r.summary, r.language, opts.display);
    const body = convertForDisplay(r.bodyHtml, r.language, opts.display);
    r = { ...r, title: title.text, summary: summary.text, bodyHtml: body.text };
    display = {
      language: opts.display,
      converted: title.converted || summary.converted || body.converted,
      machineConverted: true as const,
    };
  }
  return presentResource(r, {
    author: author ?? { id: r.authorId, displayName: '' },
    school,
    files,
    pendingSubmission: pending ?? null,
    adaptedFrom: adaptedFrom ?? null,
    adaptations,
    mine: { rating, favourite },
    permissions,
    availableLevels: isAuthor ? await availableLevels(db, place) : null,
    display,
  });
}

/** Resources the actor may see, newest first, cursor-paginated by id (UUIDv7 = creation order). */
export async function listResources(ctx: { db: Db; actor: Actor | null }, q: TListResourcesQuery) {
  const { db, actor } = ctx;
  if (q.scope !== 'all') requireUser(actor);
  const mySchools = actor ? [...new Set(actor.memberships.map((m) => m.schoolId).filter((s): s is string => !!s))] : [];
  const rows: ResourceRow[] = await db
    .select()
    .from(resources)
    .where(
      and(
        visibleWhere(actor, resourceAudience),
        q.scope === 'mine' ? eq(resources.authorId, actor!.id ?? '00000000-0000-0000-0000-000000000000') : undefined,
        q.scope === 'school' ? (mySchools.length ? inArray(resources.schoolId, mySchools) : sql`false`) : undefined,
        q.status ? eq(resources.status, q.status) : undefined,
        q.level ? eq(resources.publishLevel, q.level) : undefined,
        q.subject ? eq(resources.subject, q.subject) : undefined,
        q.gradeBand ? eq(resources.gradeBand, q.gradeBand) : undefined,
        q.language ? eq(resources.language, q.language) : undefined,
        q.cursor ? lt(resources.id, idCursor(q.cursor)) : undefined,
      ),
    )
    .orderBy(desc(resources.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(presentResourceSummary), nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}
