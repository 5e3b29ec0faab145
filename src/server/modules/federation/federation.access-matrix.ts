import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';
import { federatedItems, federationHeld, federationPeers } from './federation.schema.ts';

/**
 * Federation routes in the authorisation matrix (src/server/test/access-matrix.ts). The owner's rows: a
 * pending peer (only platform admins act on peers), an outgoing item held for personal data in GD (its
 * stewards and node admins see it), and a province-level item received for GD (GD's jurisdiction-wide
 * staff read it; bay-area items are for everyone on the node).
 */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'federation',
  async setup(ctx) {
    const [peer] = await ctx.db
      .insert(federationPeers)
      .values({
        nodeId: 'matrix-peer-node-id-0000000000000',
        name: 'Matrix peer',
        baseUrl: 'http://127.0.0.1:9',
        publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) },
        jurisdictions: ['GD'],
        level: 'city',
        relation: 'child',
        status: 'pending',
      })
      .returning();
    const heldItemId = 'matrix-held-item-GD-secret';
    await ctx.db.insert(federationHeld).values({
      kind: 'resource',
      itemId: heldItemId,
      jurisdictionId: ctx.gd.jurisdictionId,
      findings: [{ path: 'summary', type: 'PERSON', count: 1 }],
      itemUpdatedAt: new Date(),
    });
    const title = 'Matrix province-only item GD-secret';
    const [item] = await ctx.db
      .insert(federatedItems)
      .values({
        peerId: peer.id,
        originNodeId: peer.nodeId,
        originName: peer.name,
        originUrl: peer.baseUrl,
        kind: 'resource',
        originId: 'matrix-origin-1',
        jurisdictionCode: 'GD',
        level: 'province',
        title,
        summary: 'for GD staff',
        payload: {},
        originUpdatedAt: new Date(),
      })
      .returning();
    return {
      values: { peers: peer.id, items: item.id },
      markers: [peer.id, 'matrix-peer-node-id-0000000000000', heldItemId, item.id, title],
    };
  },
  routes: {
    'GET /.well-known/edubridge': { kind: 'public', why: "the node's public description (id, public key, feed URL) that peers fetch" },
    'POST /federation/v1/peering': { kind: 'peer-node' },
    'POST /federation/v1/peering/accept': { kind: 'peer-node' },
    'POST /federation/v1/peering/revoke': { kind: 'peer-node' },
    'GET /federation/v1/changes': { kind: 'peer-node' },
    'GET /federation/v1/blobs/:sha256': { kind: 'peer-node', params: () => ({ sha256: 'a'.repeat(64) }) },
    'GET /api/v1/federation/node': { kind: 'public', why: 'the same public description as /.well-known/edubridge, for the admin page' },
    'GET /api/v1/federation/peers': { kind: 'scoped' },
    'POST /api/v1/federation/peers': { kind: 'scoped', body: () => ({ url: 'http://127.0.0.1:9', relation: 'sibling' }) },
    'POST /api/v1/federation/peers/:id/accept': { kind: 'scoped' },
    'POST /api/v1/federation/peers/:id/revoke': { kind: 'scoped' },
    'GET /api/v1/federation/held': { kind: 'scoped-list' },
    'GET /api/v1/federation/items': { kind: 'scoped-list' },
    'GET /api/v1/federation/items/:id': { kind: 'scoped' },
  },
};
