import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../db/columns.ts';
import type { FeedKind } from './federation.wire.ts';

/** Where a node sits in the four-level linkage (四级联动); `national` is the top. */
export type NodeLevel = 'district' | 'city' | 'province' | 'national';
/** What the peer is to this node. */
export type PeerRelation = 'parent' | 'child' | 'sibling';
/**
 * `proposed`: this node asked, waiting for the other admin; `pending`: the other node asked, waiting for
 * ours; `active`: both agreed, feeds flow; `revoked`: either side ended it (kept for the audit trail).
 */
export type PeerStatus = 'proposed' | 'pending' | 'active' | 'revoked';

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid?: string;
}

/** Another node this node knows, with its key and the state of pulling its feed. */
export const federationPeers = pgTable(
  'federation_peers',
  {
    id: idColumn(),
    /** The peer's key id (RFC 7638 thumbprint of its Ed25519 key): what its signatures name. */
    nodeId: text('node_id').notNull(),
    name: text('name').notNull(),
    baseUrl: text('base_url').notNull(),
    publicJwk: jsonb('public_jwk').$type<PublicJwk>().notNull(),
    jurisdictions: text('jurisdictions').array().notNull(),
    level: text('level').$type<NodeLevel>().notNull(),
    relation: text('relation').$type<PeerRelation>().notNull(),
    status: text('status').$type<PeerStatus>().notNull(),
    proposedBy: uuid('proposed_by'),
    decidedBy: uuid('decided_by'),
    /** Opaque position in the peer's change feed; '' = from the start. */
    cursor: text('cursor').notNull().default(''),
    lastPullAt: timestamp('last_pull_at', { withTimezone: true, mode: 'date' }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true, mode: 'date' }),
    /** Time of the newest change received: feed lag = now − this (as far as this node knows). */
    lastChangeAt: timestamp('last_change_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    failures: integer('failures').notNull().default(0),
    nextPullAt: timestamp('next_pull_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('federation_peers_node_uq').on(t.nodeId), index('federation_peers_status_idx').on(t.status, t.nextPullAt)],
);

/** Nonces of accepted signed requests, kept until their signature could no longer be accepted anyway. */
export const federationNonces = pgTable(
  'federation_nonces',
  {
    keyId: text('key_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] }), index('federation_nonces_expiry_idx').on(t.expiresAt)],
);

/** A published item received from a peer: one row per (origin node, kind, origin id), replaced on update. */
export const federatedItems = pgTable(
  'federated_items',
  {
    id: idColumn(),
    peerId: uuid('peer_id')
      .notNull()
      .references(() => federationPeers.id),
    originNodeId: text('origin_node_id').notNull(),
    originName: text('origin_name').notNull(),
    originUrl: text('origin_url').notNull(),
    kind: text('kind').$type<FeedKind>().notNull(),
    originId: text('origin_id').notNull(),
    /** The jurisdiction code at the origin (GD, HK…): mapped to this node's jurisdiction of that code. */
    jurisdictionCode: text('jurisdiction_code').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The item as the origin sent it (after its outbound check), for the provenance page. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Files copied into this node's blob store (verified by hash). */
    files: jsonb('files').$type<{ sha256: string; filename: string; mediaType: string; size: number }[]>().notNull().default([]),
    originUpdatedAt: timestamp('origin_updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('federated_items_origin_uq').on(t.originNodeId, t.kind, t.originId), index('federated_items_peer_idx').on(t.peerId)],
);

/** An outgoing item the outbound personal-data check stopped: not sent, the steward was told. */
export const federationHeld = pgTable(
  'federation_held',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    itemId: text('item_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    /** Where and what was found (never the values). */
    findings: jsonb('findings').$type<{ path: string; type: string; count: number }[]>().notNull(),
    itemUpdatedAt: timestamp('item_updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('federation_held_item_uq').on(t.kind, t.itemId, t.itemUpdatedAt)],
);

export type PeerRow = typeof federationPeers.$inferSelect;
export type FederatedItemRow = typeof federatedItems.$inferSelect;
