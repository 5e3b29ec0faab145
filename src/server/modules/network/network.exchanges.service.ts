import type { Readable } from 'node:stream';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { BlobTooLargeError, type BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser, type Actor } from '../identity/identity.access.ts';
import { sniff } from '../library/library.file-types.ts';
import { cleanFilename, peek } from '../library/library.files.service.ts';
import type { TExchangeBody } from '../../../shared/api/network.ts';
import { EXCHANGE_KINDS } from '../../../shared/api/network.ts';
import { loadReadablePair } from './network.pairs.service.ts';
import { networkPolicy } from './network.policy.ts';
import { presentExchange } from './network.present.ts';
import { networkExchangePhotos, networkExchanges } from './network.schema.ts';
import { nameIn, notifyLocalised, ownSchoolIds, usersWithRoleAt } from './network.store.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/** Today in the region's time zone (Asia/Shanghai and Hong Kong share UTC+8): what counts as past. */
export function todayInRegion(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Staff of either school of an active pair record its exchanges; returns the side the actor is on. */
async function loadRecordablePair(db: Db, actor: Actor, pairId: string) {
  const loaded = await loadReadablePair(db, actor, pairId);
  const own = ownSchoolIds(actor, networkPolicy.recordExchange);
  const side = own.includes(loaded.pair.schoolAId) ? loaded.a : own.includes(loaded.pair.schoolBId) ? loaded.b : null;
  if (!side) throw new AppError('FORBIDDEN');
  if (loaded.pair.status !== 'active') throw new AppError('NETWORK_PAIR_NOT_ACTIVE');
  return { ...loaded, side, other: side.id === loaded.a.id ? loaded.b : loaded.a };
}

export async function listExchanges(ctx: Ctx, pairId: string) {
  const actor = requireUser(ctx.actor);
  await loadReadablePair(ctx.db, actor, pairId);
  const rows = await ctx.db
    .select()
    .from(networkExchanges)
    .where(eq(networkExchanges.pairId, pairId))
    .orderBy(asc(networkExchanges.startsOn));
  const photos = rows.length
    ? await ctx.db
        .select({ id: networkExchangePhotos.id, exchangeId: networkExchangePhotos.exchangeId, filename: networkExchangePhotos.filename })
        .from(networkExchangePhotos)
        .where(
          inArray(
            networkExchangePhotos.exchangeId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(networkExchangePhotos.createdAt))
    : [];
  const today = todayInRegion();
  return {
    items: rows.map((r) =>
      presentExchange(
        r,
        photos.filter((p) => p.exchangeId === r.id).map(({ id, filename }) => ({ id, filename })),
        today,
      ),
    ),
  };
}

/** Plans or records an activity of the pair; the other school's principals hear of it. */
export async function addExchange(ctx: Ctx, pairId: string, body: TExchangeBody) {
  const actor = requireUser(ctx.actor);
  const { side, other } = await loadRecordablePair(ctx.db, actor, pairId);
  if (body.endsOn && body.endsOn < body.startsOn) throw new AppError('VALIDATION_FAILED', { detail: 'endsOn before startsOn' });
  const id = await ctx.db.transaction(async (tx) => {
    const [e] = await tx
      .insert(networkExchanges)
      .values({ pairId, ...body, endsOn: body.endsOn ?? null, createdBy: actor.id })
      .returning({ id: networkExchanges.id });
    await recordAudit(tx, actor, {
      action: 'network.exchange.add',
      targetType: 'network_exchange',
      targetId: e.id,
      jurisdictionId: side.jurisdictionId,
      schoolId: side.id,
      details: { pairId, kind: body.kind, startsOn: body.startsOn },
    });
    await notifyLocalised(tx, {
      userIds: await usersWithRoleAt(tx, other.id, 'principal'),
      kind: 'network.exchange',
      data: (language) => ({ pairId, title: body.title, date: body.startsOn, school: nameIn(side.names, language) }),
      link: `/network/pairs/${pairId}`,
    });
    return e.id;
  });
  return { id };
}

/** A reflection written after the activity (replaces the previous one). */
export async function setReflection(ctx: Ctx, exchangeId: string, reflection: string) {
  const actor = requireUser(ctx.actor);
  const [e] = await ctx.db.select().from(networkExchanges).where(eq(networkExchanges.id, exchangeId));
  if (!e) throw new AppError('NOT_FOUND');
  const { side } = await loadRecordablePair(ctx.db, actor, e.pairId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(networkExchanges).set({ reflection }).where(eq(networkExchanges.id, exchangeId));
    await recordAudit(tx, actor, {
      action: 'network.exchange.reflect',
      targetType: 'network_exchange',
      targetId: exchangeId,
      jurisdictionId: side.jurisdictionId,
      schoolId: side.id,
    });
  });
  return { id: exchangeId };
}

/** Adds a photo (JPEG, PNG, WebP, GIF by content, not by name) to an exchange; bytes go to the blob store. */
export async function addPhoto(
  ctx: Ctx & { blobs: BlobStore; maxBytes: number },
  exchangeId: string,
  file: { filename: string; stream: Readable },
) {
  const actor = requireUser(ctx.actor);
  const [e] = await ctx.db.select().from(networkExchanges).where(eq(networkExchanges.id, exchangeId));
  if (!e) {
    file.stream.resume();
    throw new AppError('NOT_FOUND');
  }
  const { side } = await loadRecordablePair(ctx.db, actor, e.pairId).catch((err) => {
    file.stream.resume();
    throw err;
  });
  const { head, rest, drain } = await peek(file.stream, 4100);
  const kind = await sniff(head);
  if (!kind.ok || !kind.mediaType.startsWith('image/') || kind.mediaType === 'image/svg+xml') {
    await drain();
    throw new AppError('NETWORK_PHOTO_NOT_IMAGE');
  }
  let stored;
  try {
    stored = await ctx.blobs.put(rest, { maxBytes: ctx.maxBytes });
  } catch (err) {
    if (err instanceof BlobTooLargeError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', { cause: err });
    throw err;
  }
  const filename = cleanFilename(file.filename, kind.ext);
  const id = await ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(networkExchangePhotos)
      .values({ exchangeId, sha256: stored.sha256, size: stored.size, mediaType: kind.mediaType, filename, createdBy: actor.id })
      .returning({ id: networkExchangePhotos.id });
    await recordAudit(tx, actor, {
      action: 'network.exchange.photo',
      targetType: 'network_exchange',
      targetId: exchangeId,
      jurisdictionId: side.jurisdictionId,
      schoolId: side.id,
      details: { photoId: p.id, sha256: stored.sha256, size: stored.size },
    });
    return p.id;
  });
  return { id, filename };
}

export async function openPhoto(ctx: Ctx & { blobs: BlobStore }, photoId: string) {
  const actor = requireUser(ctx.actor);
  const [p] = await ctx.db
    .select({ photo: networkExchangePhotos, pairId: networkExchanges.pairId })
    .from(networkExchangePhotos)
    .innerJoin(networkExchanges, eq(networkExchanges.id, networkExchangePhotos.exchangeId))
    .where(eq(networkExchangePhotos.id, photoId));
  if (!p) throw new AppError('NOT_FOUND');
  await loadReadablePair(ctx.db, actor, p.pairId);
  return { ...p.photo, stream: await ctx.blobs.get(p.photo.sha256) };
}

/**
 * The year of a pair at a glance, for the schools and the bureaus above them: past activities by kind,
 * people involved, reflections written, and what is still planned.
 */
export async function yearlySummary(ctx: Ctx, pairId: string, year: number) {
  const actor = requireUser(ctx.actor);
  const { pair } = await loadReadablePair(ctx.db, actor, pairId);
  const rows = await ctx.db
    .select()
    .from(networkExchanges)
    .where(
      and(
        eq(networkExchanges.pairId, pairId),
        gte(networkExchanges.startsOn, `${year}-01-01`),
        lte(networkExchanges.startsOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(networkExchanges.startsOn));
  const today = todayInRegion();
  const past = rows.filter((r) => (r.endsOn ?? r.startsOn) < today);
  const [photoCount] = past.length
    ? await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(networkExchangePhotos)
        .where(
          inArray(
            networkExchangePhotos.exchangeId,
            past.map((r) => r.id),
          ),
        )
    : [{ n: 0 }];
  return {
    pairId,
    year,
    status: pair.status,
    byKind: Object.fromEntries(EXCHANGE_KINDS.map((k) => [k, past.filter((r) => r.kind === k).length])),
    held: past.length,
    planned: rows.length - past.length,
    teachers: past.reduce((s, r) => s + r.teachers, 0),
    students: past.reduce((s, r) => s + r.students, 0),
    reflections: past.filter((r) => r.reflection.trim()).length,
    photos: photoCount.n,
    activities: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, startsOn: r.startsOn, past: (r.endsOn ?? r.startsOn) < today })),
  };
}
