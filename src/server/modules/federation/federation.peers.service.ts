import { and, desc, eq, ne } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, SYSTEM_ACTOR, type Actor } from '../identity/identity.access.ts';
import { expectOk, fetchNodeDescription, normaliseBaseUrl, signedFetch } from './federation.client.ts';
import { describeNode, inverseRelation, type NodeDescription, type NodeSelf } from './federation.node.ts';
import { federationPolicy } from './federation.policy.ts';
import { federationPeers, type PeerRelation, type PeerRow } from './federation.schema.ts';
import { publicKeyOf, verifyPeerRequest, verifySigned } from './federation.verify.ts';

export type RemoveItems = (tx: DbOrTx, peerId: string) => Promise<number>;

export interface FederationCtx {
  db: Db;
  self: NodeSelf;
}

const peerFields = (d: NodeDescription) => ({
  nodeId: d.nodeId,
  name: d.name,
  baseUrl: normaliseBaseUrl(d.url),
  publicJwk: d.publicKey,
  jurisdictions: d.jurisdictions,
  level: d.level,
});

export async function listPeers(ctx: FederationCtx & { actor: Actor }): Promise<PeerRow[]> {
  requireRole(ctx.actor, federationPolicy.managePeers);
  return ctx.db.select().from(federationPeers).orderBy(desc(federationPeers.createdAt));
}

/**
 * An admin proposes a peer by URL: its description is fetched, the proposal is sent to it signed (so the
 * other node can check it came from the key we publish), and the peer is kept as `proposed` until the
 * other admin accepts.
 */
export async function proposePeer(ctx: FederationCtx & { actor: Actor }, input: { url: string; relation: PeerRelation }): Promise<PeerRow> {
  requireRole(ctx.actor, federationPolicy.managePeers);
  const remote = await fetchNodeDescription(input.url);
  if (remote.nodeId === ctx.self.key.keyId) throw new AppError('FEDERATION_PEER_INVALID', { detail: 'that is this node' });
  const [known] = await ctx.db.select().from(federationPeers).where(eq(federationPeers.nodeId, remote.nodeId));
  if (known && known.status !== 'revoked') throw new AppError('FEDERATION_PEER_EXISTS');
  // The network call happens before the transaction: no transaction is held open across another node.
  await expectOk(
    await signedFetch(ctx.self.key, 'POST', `${normaliseBaseUrl(remote.url)}/federation/v1/peering`, {
      url: ctx.self.publicUrl,
      relation: inverseRelation(input.relation),
    }).catch((err: unknown) => {
      throw new AppError('FEDERATION_PEER_UNREACHABLE', { cause: err });
    }),
    'proposal',
  );
  return ctx.db.transaction(async (tx) => {
    const values = {
      ...peerFields(remote),
      relation: input.relation,
      status: 'proposed' as const,
      proposedBy: ctx.actor.id,
      decidedBy: null,
    };
    const [row] = known
      ? await tx
          .update(federationPeers)
          .set({ ...values, cursor: '', failures: 0, lastError: null, updatedAt: new Date() })
          .where(eq(federationPeers.id, known.id))
          .returning()
      : await tx.insert(federationPeers).values(values).returning();
    await recordAudit(tx, ctx.actor, {
      action: 'federation.peer.propose',
      targetType: 'federation_peer',
      targetId: row.id,
      details: { nodeId: remote.nodeId, url: row.baseUrl, relation: input.relation },
    });
    return row;
  });
}

/** The other node's signed proposal: verified with the key its well-known publishes; kept `pending`. */
export async function receiveProposal(
  ctx: FederationCtx,
  request: FastifyRequest,
  input: { url: string; relation: PeerRelation },
): Promise<void> {
  const remote = await fetchNodeDescription(input.url);
  await verifySigned(ctx.db, request, async (keyId) => (keyId === remote.nodeId ? publicKeyOf(remote.publicKey) : null));
  if (remote.nodeId === ctx.self.key.keyId) throw new AppError('FEDERATION_PEER_INVALID');
  await ctx.db.transaction(async (tx) => {
    const [known] = await tx.select().from(federationPeers).where(eq(federationPeers.nodeId, remote.nodeId));
    if (known?.status === 'active' || known?.status === 'pending') return;
    const values = { ...peerFields(remote), relation: input.relation, status: 'pending' as const, proposedBy: null, decidedBy: null };
    const [row] = known
      ? await tx
          .update(federationPeers)
          .set({ ...values, cursor: '', failures: 0, lastError: null, updatedAt: new Date() })
          .where(eq(federationPeers.id, known.id))
          .returning()
      : await tx.insert(federationPeers).values(values).returning();
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'federation.peer.proposal_received',
      targetType: 'federation_peer',
      targetId: row.id,
      details: { nodeId: remote.nodeId, url: row.baseUrl, relation: input.relation },
    });
  });
}

/** Accepts a pending proposal: tells the proposer (signed), then both sides are `active`. */
export async function acceptPeer(ctx: FederationCtx & { actor: Actor }, peerId: string): Promise<PeerRow> {
  requireRole(ctx.actor, federationPolicy.managePeers);
  const peer = await peerById(ctx.db, peerId);
  if (peer.status !== 'pending') throw new AppError('FEDERATION_PEER_STATE');
  await expectOk(
    await signedFetch(ctx.self.key, 'POST', `${peer.baseUrl}/federation/v1/peering/accept`, { nodeId: ctx.self.key.keyId }).catch(
      (err: unknown) => {
        throw new AppError('FEDERATION_PEER_UNREACHABLE', { cause: err });
      },
    ),
    'accept',
  );
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(federationPeers)
      .set({ status: 'active', decidedBy: ctx.actor.id, nextPullAt: new Date(), updatedAt: new Date() })
      .where(eq(federationPeers.id, peer.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'federation.peer.accept',
      targetType: 'federation_peer',
      targetId: peer.id,
      details: { nodeId: peer.nodeId },
    });
    return row;
  });
}

export async function receiveAcceptance(ctx: FederationCtx, request: FastifyRequest): Promise<void> {
  const peer = await verifyPeerRequest(ctx.db, request, ['proposed', 'active']);
  if (peer.status === 'active') return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(federationPeers)
      .set({ status: 'active', nextPullAt: new Date(), updatedAt: new Date() })
      .where(eq(federationPeers.id, peer.id));
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'federation.peer.accepted_by_peer',
      targetType: 'federation_peer',
      targetId: peer.id,
      details: { nodeId: peer.nodeId },
    });
  });
}

/**
 * Ends a peering (either side, any state). The peer's key is refused from now on; the other node is told
 * (best effort: a node that cannot be reached is revoked here all the same). Items received from it are
 * removed with the peering: nobody would keep them current any more.
 */
export async function revokePeer(ctx: FederationCtx & { actor: Actor }, peerId: string, removeItems: RemoveItems): Promise<PeerRow> {
  requireRole(ctx.actor, federationPolicy.managePeers);
  const peer = await peerById(ctx.db, peerId);
  if (peer.status === 'revoked') throw new AppError('FEDERATION_PEER_STATE');
  const told = await signedFetch(ctx.self.key, 'POST', `${peer.baseUrl}/federation/v1/peering/revoke`, { nodeId: ctx.self.key.keyId })
    .then((r) => r.ok)
    .catch(() => false);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(federationPeers)
      .set({ status: 'revoked', decidedBy: ctx.actor.id, updatedAt: new Date() })
      .where(eq(federationPeers.id, peer.id))
      .returning();
    const removed = await removeItems(tx, peer.id);
    await recordAudit(tx, ctx.actor, {
      action: 'federation.peer.revoke',
      targetType: 'federation_peer',
      targetId: peer.id,
      details: { nodeId: peer.nodeId, peerTold: told, itemsRemoved: removed },
    });
    return row;
  });
}

export async function receiveRevocation(ctx: FederationCtx, request: FastifyRequest, removeItems: RemoveItems): Promise<void> {
  const peer = await verifyPeerRequest(ctx.db, request, ['proposed', 'pending', 'active']);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(federationPeers)
      .set({ status: 'revoked', updatedAt: new Date() })
      .where(and(eq(federationPeers.id, peer.id), ne(federationPeers.status, 'revoked')));
    const removed = await removeItems(tx, peer.id);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'federation.peer.revoked_by_peer',
      targetType: 'federation_peer',
      targetId: peer.id,
      details: { nodeId: peer.nodeId, itemsRemoved: removed },
    });
  });
}

async function peerById(db: Db, id: string): Promise<PeerRow> {
  const [peer] = await db.select().from(federationPeers).where(eq(federationPeers.id, id));
  if (!peer) throw new AppError('NOT_FOUND');
  return peer;
}

export { describeNode };
