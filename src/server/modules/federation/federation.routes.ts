import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../shared/api/common.ts';
import { BlobNotFoundError, isSha256, type BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { blobVisibleToPeer, changesFor } from './federation.feed.ts';
import { getFederatedItem, itemCounts, listFederatedItems, listHeld } from './federation.items.service.ts';
import { describeNode, WELL_KNOWN_PATH, type NodeSelf } from './federation.node.ts';
import {
  acceptPeer,
  listPeers,
  proposePeer,
  receiveAcceptance,
  receiveProposal,
  receiveRevocation,
  revokePeer,
} from './federation.peers.service.ts';
import { presentItem, presentPeer } from './federation.present.ts';
import { removePeerItems } from './federation.pull.ts';
import { rawBodies, verifyPeerRequest } from './federation.verify.ts';
import { FEED_KINDS, ZChangesQuery, ZPeeringBody, ZProposeBody } from './federation.wire.ts';

/**
 * Federation (docs/federation.md): the node's public description, the signed wire API other nodes call
 * under /federation/v1, and the admin API under /api/v1/federation.
 */
export const federationRoutes: FastifyPluginAsyncZod<{ db: Db; blobs: BlobStore; self: NodeSelf }> = async (app, { db, blobs, self }) => {
  const tags = ['federation'];
  const ctx = { db, self };

  app.get(
    WELL_KNOWN_PATH,
    { schema: { tags, summary: 'This node: id, public key, jurisdictions, level, feed' } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return describeNode(self);
    },
  );

  // Wire API: every route verifies the RFC 9421 signature over the exact bytes received.
  await app.register(async (scope) => {
    const wire = scope.withTypeProvider<ZodTypeProvider>();
    wire.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (request, body, done) => {
      rawBodies.set(request, body as string);
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new AppError('MALFORMED_REQUEST'), undefined);
      }
    });

    wire.post(
      '/federation/v1/peering',
      { schema: { tags, summary: 'A node proposes peering (signed)', body: ZPeeringBody } },
      async (request, reply) => {
        await receiveProposal(ctx, request, request.body);
        return reply.status(202).send({ status: 'pending' });
      },
    );
    wire.post(
      '/federation/v1/peering/accept',
      { schema: { tags, summary: 'The proposed node accepted (signed)' } },
      async (request, reply) => {
        await receiveAcceptance(ctx, request);
        return reply.status(204).send();
      },
    );
    wire.post(
      '/federation/v1/peering/revoke',
      { schema: { tags, summary: 'The peer ended the peering (signed)' } },
      async (request, reply) => {
        await receiveRevocation(ctx, request, removePeerItems);
        return reply.status(204).send();
      },
    );
    wire.get(
      '/federation/v1/changes',
      { schema: { tags, summary: 'Change feed for the calling peer (signed)', querystring: ZChangesQuery } },
      async (request) => {
        const peer = await verifyPeerRequest(db, request, ['active']);
        return changesFor(db, self, peer, request.query.since, request.query.limit);
      },
    );
    wire.get(
      '/federation/v1/blobs/:sha256',
      { schema: { tags, summary: 'A file of a fed resource, by SHA-256 (signed)', params: z.object({ sha256: z.string() }) } },
      async (request, reply) => {
        const peer = await verifyPeerRequest(db, request, ['active']);
        const { sha256 } = request.params;
        if (!isSha256(sha256) || !(await blobVisibleToPeer(db, self, peer, sha256))) throw new AppError('NOT_FOUND');
        try {
          const stream = await blobs.get(sha256);
          return reply.type('application/octet-stream').header('digest-sha256', sha256).send(stream);
        } catch (err) {
          if (err instanceof BlobNotFoundError) throw new AppError('NOT_FOUND');
          throw err;
        }
      },
    );
  });

  // Admin and reader API.
  const base = '/api/v1/federation';
  app.get(`${base}/node`, { schema: { tags, summary: 'This node as peers see it' } }, async (request) => {
    actorOf(request);
    return describeNode(self);
  });
  app.get(`${base}/peers`, { schema: { tags, summary: 'Peers and feed health (platform_admin)' } }, async (request) => {
    const peers = await listPeers({ ...ctx, actor: actorOf(request) });
    const counts = await itemCounts(db);
    return { items: peers.map((p) => presentPeer(p, counts.get(p.id) ?? 0)) };
  });
  app.post(
    `${base}/peers`,
    { schema: { tags, summary: 'Propose a peer by URL (platform_admin)', body: ZProposeBody } },
    async (request, reply) => reply.status(201).send(presentPeer(await proposePeer({ ...ctx, actor: actorOf(request) }, request.body), 0)),
  );
  app.post(
    `${base}/peers/:id/accept`,
    { schema: { tags, summary: 'Accept a pending peer (platform_admin)', params: ZIdParams } },
    async (request) => presentPeer(await acceptPeer({ ...ctx, actor: actorOf(request) }, request.params.id), 0),
  );
  app.post(
    `${base}/peers/:id/revoke`,
    { schema: { tags, summary: 'End a peering (platform_admin)', params: ZIdParams } },
    async (request) => presentPeer(await revokePeer({ ...ctx, actor: actorOf(request) }, request.params.id, removePeerItems), 0),
  );
  app.get(
    `${base}/held`,
    { schema: { tags, summary: 'Outgoing items held by the personal-data check (platform_admin)' } },
    async (request) => ({
      items: (await listHeld({ db, actor: actorOf(request) })).map((h) => ({
        id: h.id,
        kind: h.kind,
        itemId: h.itemId,
        findings: h.findings,
        createdAt: h.createdAt.toISOString(),
      })),
    }),
  );
  app.get(
    `${base}/items`,
    {
      schema: {
        tags,
        summary: 'Items received from peers',
        querystring: z.object({ before: z.uuid().optional(), kind: z.enum(FEED_KINDS).optional() }),
      },
    },
    async (request) => ({ items: (await listFederatedItems({ db, actor: request.actor }, request.query)).map(presentItem) }),
  );
  app.get(`${base}/items/:id`, { schema: { tags, summary: 'One received item with its provenance', params: ZIdParams } }, async (request) =>
    presentItem(await getFederatedItem({ db, actor: request.actor }, request.params.id)),
  );
};
