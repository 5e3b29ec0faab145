import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { memberships } from '../identity/identity.schema.ts';
import { resourceFiles, resources } from '../library/library.schema.ts';
import { plainText } from '../library/library.sanitise.ts';
import { notify } from '../notifications/notifications.service.ts';
import { checkOutbound } from '../privacy/privacy.outbound.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import { levelsForPeer, type NodeSelf } from './federation.node.ts';
import { federationPolicy } from './federation.policy.ts';
import { federationHeld, type PeerRow } from './federation.schema.ts';
import type { FeedFile, FeedItem, FeedPage } from './federation.wire.ts';

/** Changes younger than this are left for the next pull: a save still committing cannot be skipped over. */
const SETTLE_MS = 3000;
const MAX_TEXT = 20_000;

interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new AppError('VALIDATION_FAILED', { detail: 'bad cursor' });
  return { at: date, id };
}

/** The audience the peer may see: levels by relation, and only jurisdictions this node serves. */
async function audienceOf(db: DbOrTx, self: NodeSelf, peer: PeerRow) {
  const levels = levelsForPeer(peer.relation, peer.level, self.settings.level);
  const served = await db
    .select({ id: jurisdictions.id, code: jurisdictions.code })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, self.settings.jurisdictions));
  return { levels, served: new Map(served.map((j) => [j.id, j.code])) };
}

/** Resources published to a level the peer may see (what the feed lists and the blob route serves). */
function visibleToPeer(levels: PublishLevel[], servedIds: string[]) {
  return and(eq(resources.status, 'published'), inArray(resources.publishLevel, levels), inArray(resources.jurisdictionId, servedIds));
}

/**
 * One page of this node's change feed for a peer: resources in (updatedAt, id) order after the cursor.
 * A resource the peer may see is sent whole; one it may no longer see (withdrawn, narrowed) is a
 * tombstone. Every item passes the outbound personal-data check first; a failing one is held — not
 * sent — with an audit entry and a notice to the data stewards of its jurisdiction.
 */
export async function changesFor(db: DbOrTx, self: NodeSelf, peer: PeerRow, since: string | undefined, limit: number): Promise<FeedPage> {
  const cursor = decodeCursor(since);
  const { levels, served } = await audienceOf(db, self, peer);
  const servedIds = [...served.keys()];
  if (!servedIds.length) return { items: [], cursor: since ?? '', hasMore: false };
  const settled = new Date(Date.now() - SETTLE_MS);
  const after = cursor
    ? or(gt(resources.updatedAt, cursor.at), and(eq(resources.updatedAt, cursor.at), gt(resources.id, cursor.id)))
    : undefined;
  const rows = await db
    .select()
    .from(resources)
    .where(and(after, lt(resources.updatedAt, settled), isNotNull(resources.publishedAt), inArray(resources.jurisdictionId, servedIds)))
    .orderBy(asc(resources.updatedAt), asc(resources.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const visible = new Set(
    page.length
      ? (
          await db
            .select({ id: resources.id })
            .from(resources)
            .where(
              and(
                visibleToPeer(levels, servedIds),
                inArray(
                  resources.id,
                  page.map((r) => r.id),
                ),
              ),
            )
        ).map((r) => r.id)
      : [],
  );
  const files = page.length
    ? await db
        .select()
        .from(resourceFiles)
        .where(
          and(
            inArray(resourceFiles.resourceId, [...visible].length ? [...visible] : ['00000000-0000-0000-0000-000000000000']),
            isNull(resourceFiles.removedAt),
          ),
        )
        .orderBy(asc(resourceFiles.createdAt))
    : [];
  const items: FeedItem[] = [];
  for (const r of page) {
    if (!visible.has(r.id)) {
      items.push({ kind: 'resource', id: r.id, deleted: true, updatedAt: r.updatedAt.toISOString() });
      continue;
    }
    const own = files.filter((f) => f.resourceId === r.id);
    const item: FeedItem = {
      kind: 'resource',
      id: r.id,
      deleted: false,
      updatedAt: r.updatedAt.toISOString(),
      jurisdiction: served.get(r.jurisdictionId)!,
      level: r.publishLevel,
      title: r.title,
      summary: r.summary,
      text: [plainText(r.bodyHtml), ...own.map((f) => f.extractedText ?? '')].filter(Boolean).join('\n\n').slice(0, MAX_TEXT),
      keywords: r.keywords,
      language: r.language,
      subject: r.subject,
      gradeBand: r.gradeBand,
      licence: r.licence,
      attribution: r.attribution,
      files: own.map((f): FeedFile => ({ sha256: f.sha256, filename: f.filename, mediaType: f.mediaType, size: f.size })),
    };
    if (await passesOutbound(db, r.jurisdictionId, item)) items.push(item);
    // A held item leaves a tombstone: a copy sent earlier (before the text changed) must not stay out there.
    else items.push({ kind: 'resource', id: r.id, deleted: true, updatedAt: item.updatedAt });
  }
  const last = page.at(-1);
  return { items, cursor: last ? encodeCursor({ at: last.updatedAt, id: last.id }) : (since ?? ''), hasMore: rows.length > limit };
}

/** `checkOutbound` on one item; on failure the item is held, the stewards told and the hold audited. */
async function passesOutbound(db: DbOrTx, jurisdictionId: string, item: Extract<FeedItem, { deleted: false }>): Promise<boolean> {
  try {
    await checkOutbound(item);
    return true;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'OUTBOUND_PII_BLOCKED') throw err;
    // outboundProblems words each finding as "<TYPE> found <n> time(s) in <path>" (never the value).
    const findings = (err.errors ?? []).map((p) => {
      const m = /^(\S+) found (\d+)/.exec(p.message);
      return { path: p.path, type: m?.[1] ?? 'PII', count: Number(m?.[2] ?? 1) };
    });
    await db.transaction(async (tx) => {
      const held = await tx
        .insert(federationHeld)
        .values({ kind: item.kind, itemId: item.id, jurisdictionId, findings, itemUpdatedAt: new Date(item.updatedAt) })
        .onConflictDoNothing()
        .returning({ id: federationHeld.id });
      // Once per version of the item, however many peers pull it.
      if (!held.length) return;
      const stewards = await tx
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(and(inArray(memberships.role, [...federationPolicy.heldNoticeTo]), eq(memberships.jurisdictionId, jurisdictionId)));
      await notify(tx, {
        userIds: stewards.map((s) => s.userId),
        kind: 'federation.held',
        data: { title: item.title, findings: findings.length },
        link: '/federation/held',
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'federation.item.held',
        targetType: item.kind,
        targetId: item.id,
        jurisdictionId,
        details: { findings },
      });
    });
    return false;
  }
}

/** Whether a blob belongs to a resource the peer may see (the only blobs the blob route serves). */
export async function blobVisibleToPeer(db: DbOrTx, self: NodeSelf, peer: PeerRow, sha256: string): Promise<boolean> {
  const { levels, served } = await audienceOf(db, self, peer);
  if (!served.size) return false;
  const [row] = await db
    .select({ id: resourceFiles.id })
    .from(resourceFiles)
    .innerJoin(resources, eq(resources.id, resourceFiles.resourceId))
    .where(
      and(
        eq(resourceFiles.sha256, sha256),
        isNull(resourceFiles.removedAt),
        visibleToPeer(levels, [...served.keys()]),
        sql`not exists (select 1 from ${federationHeld} where ${federationHeld.itemId} = ${resources.id}::text and ${federationHeld.itemUpdatedAt} = ${resources.updatedAt})`,
      ),
    )
    .limit(1);
  return !!row;
}
