import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { memberships } from '../identity/identity.schema.ts';
import { resourceFiles, resources } from '../library/library.schema.ts';
import { notify } from '../notifications/notifications.service.ts';
import { checkOutbound } from '../privacy/privacy.outbound.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import { levelsForPeer, type NodeSelf } from './federation.node.ts';
import { federationPolicy } from './federation.policy.ts';
import { federationHeld, type PeerRow } from './federation.schema.ts';
import { FEED_SOURCES, type Audience, type Change, type KindCursor } from './federation.sources.ts';
import { FEED_KINDS, type FeedItem, type FeedKind, type FeedPage, type LiveItem } from './federation.wire.ts';

/** Changes younger than this are left for the next pull: a save still committing cannot be skipped over. */
const SETTLE_MS = 3000;

/** Per kind, the position reached in that kind's change order (see federation.sources.ts). */
type Cursor = Partial<Record<FeedKind, KindCursor>>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const ZCursor = z.partialRecord(z.enum(FEED_KINDS), z.object({ at: z.iso.datetime(), key: z.string().max(200) }));

export function decodeCursor(raw: string | undefined): Cursor {
  if (!raw) return {};
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  // Protocol 1 before other kinds: "<iso>|<resource id>".
  const old = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f-]{36})$/.exec(text);
  if (old && !Number.isNaN(new Date(old[1]!).getTime())) return { resource: { at: old[1]!, key: old[2]! } };
  try {
    const parsed = ZCursor.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { detail: 'bad cursor' });
}

/** The audience the peer may see: levels by relation, and only jurisdictions this node serves. */
async function audienceOf(db: DbOrTx, self: NodeSelf, peer: PeerRow): Promise<Audience> {
  const levels = levelsForPeer(peer.relation, peer.level, self.settings.level);
  const served = await db
    .select({ id: jurisdictions.id, code: jurisdictions.code })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, self.settings.jurisdictions));
  return { levels, served: new Map(served.map((j) => [j.id, j.code])), peerJurisdictions: peer.jurisdictions };
}

/** Resources published to a level the peer may see (what the blob route serves). */
function visibleToPeer(levels: PublishLevel[], servedIds: string[]) {
  return and(eq(resources.status, 'published'), inArray(resources.publishLevel, levels), inArray(resources.jurisdictionId, servedIds));
}

/**
 * One page of this node's change feed for a peer: every kind (federation.sources.ts) in change order after
 * the cursor, which keeps one position per kind. An item the peer may see is sent whole; one it may no
 * longer see (withdrawn, unpublished, narrowed, agreement ended) is a tombstone. Every item passes the
 * outbound personal-data check first; a failing one is held — not sent — with an audit entry and a notice
 * to the data stewards of its jurisdiction.
 */
export async function changesFor(db: DbOrTx, self: NodeSelf, peer: PeerRow, since: string | undefined, limit: number): Promise<FeedPage> {
  const cursor = decodeCursor(since);
  const aud = await audienceOf(db, self, peer);
  if (!aud.served.size) return { items: [], cursor: since ?? '', hasMore: false };
  const settled = new Date(Date.now() - SETTLE_MS);
  const perKind = await Promise.all(FEED_SOURCES.map((s) => s.changes(db, aud, cursor[s.kind] ?? null, settled, limit + 1)));
  // Oldest changes first across kinds; a stable sort keeps each kind's own order, so what is taken of a
  // kind is always a prefix of its list and its cursor can move to the last one taken.
  const merged = perKind.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const page = merged.slice(0, limit);
  const next: Cursor = { ...cursor };
  const items: FeedItem[] = [];
  for (const change of page) {
    next[change.kind] = { at: change.at, key: change.key };
    items.push(await outgoing(db, change));
  }
  return { items, cursor: page.length ? encodeCursor(next) : (since ?? ''), hasMore: merged.length > limit };
}

/** The item for a change, or its tombstone when the peer may not see it or the personal-data check holds it. */
async function outgoing(db: DbOrTx, change: Change): Promise<FeedItem> {
  const item = await change.build();
  const tombstone: FeedItem = {
    kind: change.kind,
    id: change.id,
    deleted: true,
    updatedAt: item?.updatedAt ?? `${change.at.slice(0, 23)}Z`,
  };
  if (!item) return tombstone;
  // A held item leaves a tombstone: a copy sent earlier (before the text changed) must not stay out there.
  return (await passesOutbound(db, change.jurisdictionId, item)) ? item : tombstone;
}

/** `checkOutbound` on one item; on failure the item is held, the stewards told and the hold audited. */
async function passesOutbound(db: DbOrTx, jurisdictionId: string, item: LiveItem): Promise<boolean> {
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
