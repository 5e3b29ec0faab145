import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCreateCommentBody,
  ZCreateSnapshotBody,
  ZDocumentParams,
  ZReplyBody,
  ZResolveBody,
  ZSnapshotParams,
  ZThreadParams,
} from '../../../shared/api/collab.ts';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { createComment, listComments, replyToComment, resolveComment } from './collab.comments.service.ts';
import { requireDocumentAccess } from './collab.policy.ts';
import { collabInternals, type Collab } from './collab.service.ts';
import { createSnapshot, listSnapshots, restoreSnapshot } from './collab.snapshots.service.ts';
import { attachCollabWebsocket } from './collab.websocket.ts';

/**
 * The websocket endpoint `/collab` (Hocuspocus protocol) and the REST API around live documents:
 * named versions (snapshots) with restore, and comment threads on passages. `publicUrl` is the origin
 * browsers open the app from (checked on the websocket upgrade); the Host header is accepted too.
 */
export const collabRoutes: FastifyPluginAsyncZod<{ db: Db; collab: Collab; publicUrl?: string }> = async (app, opts) => {
  const inner = collabInternals(opts.collab);
  const detach = attachCollabWebsocket(app, opts);
  app.addHook('onClose', async () => detach());

  const tags = ['collab'];
  const base = '/api/v1/collab/documents/:name';
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ inner, actor: actorOf(request) });

  app.get(base, { schema: { tags, summary: 'What the caller may do with a live document', params: ZDocumentParams } }, async (request) => ({
    name: request.params.name,
    access: await requireDocumentAccess(inner, actorOf(request), request.params.name, 'read'),
  }));

  app.get(`${base}/snapshots`, { schema: { tags, summary: 'Named versions, newest first', params: ZDocumentParams } }, async (request) =>
    listSnapshots(ctx(request), request.params.name),
  );
  app.post(
    `${base}/snapshots`,
    { schema: { tags, summary: 'Save the current content as a named version', params: ZDocumentParams, body: ZCreateSnapshotBody } },
    async (request, reply) => reply.status(201).send(await createSnapshot(ctx(request), request.params.name, request.body)),
  );
  app.post(
    `${base}/snapshots/:snapshotId/restore`,
    { schema: { tags, summary: 'Restore a version (the content before is kept as a version)', params: ZSnapshotParams } },
    async (request) => restoreSnapshot(ctx(request), request.params.name, request.params.snapshotId),
  );

  app.get(`${base}/comments`, { schema: { tags, summary: 'Comment threads with replies', params: ZDocumentParams } }, async (request) =>
    listComments(ctx(request), request.params.name),
  );
  app.post(
    `${base}/comments`,
    { schema: { tags, summary: 'Comment on a passage', params: ZDocumentParams, body: ZCreateCommentBody } },
    async (request, reply) => reply.status(201).send(await createComment(ctx(request), request.params.name, request.body)),
  );
  app.post(
    `${base}/comments/:threadId/replies`,
    { schema: { tags, summary: 'Reply in a thread', params: ZThreadParams, body: ZReplyBody } },
    async (request, reply) =>
      reply.status(201).send(await replyToComment(ctx(request), request.params.name, request.params.threadId, request.body)),
  );
  app.post(
    `${base}/comments/:threadId/resolve`,
    { schema: { tags, summary: 'Resolve or reopen a thread', params: ZThreadParams, body: ZResolveBody } },
    async (request) => resolveComment(ctx(request), request.params.name, request.params.threadId, request.body.resolved),
  );
};
