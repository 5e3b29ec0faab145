import type { ReadableStream } from 'node:stream/web';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { indexDocument, removeDocument } from '../search/search.service.ts';
import type { SearchDocument } from '../search/search.types.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { signedFetch } from './federation.client.ts';
import type { NodeSelf } from './federation.node.ts';
import { federatedItems, federationPeers, type FederatedItemRow, type PeerRow } from './federation.schema.ts';
import { purgeExpiredNonces } from './federation.verify.ts';
import { ZFeedItem, ZFeedPage, type FeedItem, type LiveItem } from './federation.wire.ts';

/** Federated items are nobody's here: these stand in for author and school in the search index. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
/** Longest wait between attempts at a failing peer. */
const MAX_BACKOFF_MS = 3600_000;
const PAGES_PER_PULL = 50;
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** `externalId` of a federated search document: tells the web app to link to the federated item page. */
export const FEDERATED_EXTERNAL_PREFIX = 'federated:';

/**
 * The search document of a received resource or course: visible here as the origin published it, marked
 * as federated. Other kinds are listed on the federated items page, not in the resource search.
 */
function searchDocumentOf(row: FederatedItemRow, item: LiveItem, jurisdictionId: string): SearchDocument | null {
  if (item.kind !== 'resource' && item.kind !== 'course') return null;
  return {
    id: row.id,
    kind: item.kind,
    externalId: `${FEDERATED_EXTERNAL_PREFIX}${row.originName}`,
    title: item.title,
    summary: item.summary,
    body: item.text,
    keywords: item.kind === 'resource' ? item.keywords : [],
    language: item.language,
    subject: item.kind === 'resource' ? item.subject : 'ai',
    gradeBand: item.gradeBand,
    licence: item.kind === 'resource' ? item.licence : 'CC-BY-4.0',
    publishLevel: item.level,
    status: 'published',
    authorId: NOBODY,
    schoolId: NOBODY,
    jurisdictionId,
    anchorUnitId: null,
    popularity: 0,
    updatedAt: new Date(item.updatedAt),
  };
}

/**
 * Copies a file from the peer by hash. The bytes are spooled to a temporary file and hashed on the way;
 * only bytes that hash to the announced value enter the blob store. Bytes that do not are deleted at once
 * and the pull fails with that error (shown in feed health; retried with backoff). They are never put in
 * the store first: under content addressing they could equal — and a delete would remove — a file this
 * node already holds.
 */
export async function fetchBlob(self: NodeSelf, blobs: BlobStore, peer: PeerRow, sha256: string): Promise<void> {
  if (await blobs.has(sha256)) return;
  const res = await signedFetch(self.key, 'GET', `${peer.baseUrl}/federation/v1/blobs/${sha256}`);
  if (!res.ok || !res.body) throw new Error(`blob ${sha256}: ${res.status}`);
  const dir = await mkdtemp(join(tmpdir(), 'edubridge-fed-'));
  const spool = join(dir, 'blob');
  try {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > MAX_FILE_BYTES) throw new Error(`blob ${sha256}: larger than ${MAX_FILE_BYTES} bytes`);
        hash.update(chunk);
        yield chunk;
      }
    };
    await pipeline(Readable.fromWeb(res.body as ReadableStream<Uint8Array>), counted, createWriteStream(spool));
    if (hash.digest('hex') !== sha256) throw new Error(`blob ${sha256}: content does not match its hash (discarded)`);
    const stored = await blobs.put(createReadStream(spool), { maxBytes: MAX_FILE_BYTES });
    // The file changed between hashing and storing (it cannot, but a store that keeps other bytes must not win).
    if (stored.sha256 !== sha256) throw new Error(`blob ${sha256}: content does not match its hash`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Applies one item idempotently: upsert (newer wins) or tombstone. */
async function applyItem(tx: DbOrTx, peer: PeerRow, item: FeedItem, jurisdictionIds: Map<string, string>): Promise<void> {
  const [existing] = await tx
    .select()
    .from(federatedItems)
    .where(and(eq(federatedItems.originNodeId, peer.nodeId), eq(federatedItems.kind, item.kind), eq(federatedItems.originId, item.id)));
  if (item.deleted) {
    if (!existing) return;
    await tx.delete(federatedItems).where(eq(federatedItems.id, existing.id));
    await removeDocument(tx, existing.id);
    return;
  }
  if (existing && existing.originUpdatedAt.getTime() > new Date(item.updatedAt).getTime()) return;
  const jurisdictionId = jurisdictionIds.get(item.jurisdiction);
  if (!jurisdictionId) return;
  const values = {
    peerId: peer.id,
    originNodeId: peer.nodeId,
    originName: peer.name,
    originUrl: peer.baseUrl,
    kind: item.kind,
    originId: item.id,
    jurisdictionCode: item.jurisdiction,
    level: item.level,
    title: item.title,
    summary: item.summary,
    payload: item as unknown as Record<string, unknown>,
    files: item.files,
    originUpdatedAt: new Date(item.updatedAt),
    receivedAt: new Date(),
  };
  const [row] = existing
    ? await tx.update(federatedItems).set(values).where(eq(federatedItems.id, existing.id)).returning()
    : await tx.insert(federatedItems).values(values).returning();
  const doc = searchDocumentOf(row, item, jurisdictionId);
  if (doc) await indexDocument(tx, doc);
}

/**
 * Pulls one peer's feed from its cursor to the end (bounded), page by page: files first (verified by
 * hash), then the page's items and the new cursor in one transaction, so a crash between pages repeats at
 * most one page and repeating is harmless (upserts keyed by origin).
 */
export async function pullPeer(db: Db, blobs: BlobStore, self: NodeSelf, peer: PeerRow): Promise<{ received: number }> {
  const jur = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
  const jurisdictionIds = new Map(jur.map((j) => [j.code, j.id]));
  let cursor = peer.cursor;
  let received = 0;
  for (let page = 0; page < PAGES_PER_PULL; page++) {
    const url = `${peer.baseUrl}/federation/v1/changes?since=${encodeURIComponent(cursor)}&limit=100`;
    const res = await signedFetch(self.key, 'GET', url);
    if (!res.ok) throw new Error(`changes: ${res.status} ${(await res.text().catch(() => '')).slice(0, 200)}`);
    const body = ZFeedPage.parse(await res.json());
    const items: FeedItem[] = [];
    for (const raw of body.items) {
      const parsed = ZFeedItem.safeParse(raw);
      if (parsed.success) items.push(parsed.data);
    }
    for (const item of items) if (!item.deleted) for (const f of item.files) await fetchBlob(self, blobs, peer, f.sha256);
    const newest = items.reduce<Date | null>((m, i) => (!m || new Date(i.updatedAt) > m ? new Date(i.updatedAt) : m), null);
    await db.transaction(async (tx) => {
      for (const item of items) await applyItem(tx, peer, item, jurisdictionIds);
      await tx
        .update(federationPeers)
        .set({ cursor: body.cursor, ...(newest ? { lastChangeAt: newest } : {}) })
        .where(eq(federationPeers.id, peer.id));
    });
    received += items.length;
    cursor = body.cursor;
    if (!body.hasMore) break;
  }
  return { received };
}

/**
 * Pulls every active peer whose turn has come. Success schedules the next pull after the node's interval;
 * failure doubles the wait (up to an hour) and keeps the error for the feed-health page.
 */
export async function pullDuePeers(
  db: Db,
  blobs: BlobStore,
  self: NodeSelf,
  onError?: (err: unknown, peer: PeerRow) => void,
): Promise<void> {
  await purgeExpiredNonces(db);
  const due = await db
    .select()
    .from(federationPeers)
    .where(and(inArray(federationPeers.status, ['active']), lte(federationPeers.nextPullAt, new Date())));
  const interval = self.settings.pullSeconds * 1000;
  for (const peer of due) {
    const started = new Date();
    try {
      await pullPeer(db, blobs, self, peer);
      await db
        .update(federationPeers)
        .set({ lastPullAt: started, lastSuccessAt: new Date(), lastError: null, failures: 0, nextPullAt: new Date(Date.now() + interval) })
        .where(eq(federationPeers.id, peer.id));
    } catch (err) {
      onError?.(err, peer);
      const failures = peer.failures + 1;
      const wait = Math.min(interval * 2 ** failures, MAX_BACKOFF_MS);
      await db
        .update(federationPeers)
        .set({ lastPullAt: started, lastError: errorText(err), failures, nextPullAt: new Date(Date.now() + wait) })
        .where(eq(federationPeers.id, peer.id));
    }
  }
}

function errorText(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ').slice(0, 500) || 'unknown error';
}

/** Removes every item received from a peer (the peering ended), from the table and the search index. */
export async function removePeerItems(tx: DbOrTx, peerId: string): Promise<number> {
  const rows = await tx.delete(federatedItems).where(eq(federatedItems.peerId, peerId)).returning({ id: federatedItems.id });
  for (const r of rows) await removeDocument(tx, r.id);
  return rows.length;
}
