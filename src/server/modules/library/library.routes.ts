import { create as contentDisposition } from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import {
  ZAdaptBody,
  ZCreateResourceBody,
  ZDecisionBody,
  ZDiffQuery,
  ZDownloadQuery,
  ZEditionBody,
  ZGetResourceQuery,
  ZListResourcesQuery,
  ZResourceFileParams,
  ZReviewQueueQuery,
  ZSubmitBody,
  ZUpdateResourceBody,
  ZVersionParams,
} from '../../../shared/api/library.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { addResourceFile, openResourceFile, removeResourceFile } from './library.files.service.ts';
import { createResource, getResource, listResources, updateResource, withdrawResource } from './library.resources.service.ts';
import { adaptResource, makeResourceEdition } from './library.reuse.service.ts';
import { decideSubmission, listReviewQueue, listSubmissions, submitResource } from './library.review.service.ts';
import { libraryExtraRoutes } from './library.extra.routes.ts';
import { diffVersions, getVersion, listVersions, restoreVersion } from './library.versions.service.ts';

export interface LibraryRouteOptions {
  db: Db;
  blobs: BlobStore;
  maxUploadBytes: number;
  publicUrl: string;
}

const tags = ['library'];

/** `If-Match` is required on every change to an existing resource (412 on a stale version, 428 without). */
function ifMatch(request: FastifyRequest<{ Headers: { 'if-match'?: number } }>): number {
  const v = request.headers['if-match'];
  if (v === undefined) throw new AppError('PRECONDITION_REQUIRED');
  return v;
}

const truthy = (v?: string) => v === '1' || v === 'true';

/**
 * The library's HTTP surface (docs/library.md). Reads accept anonymous callers (they see public
 * resources only); writes need a signed-in actor. `/api/v1/resources/search` and `/suggest` belong to
 * the search module.
 */
export const libraryRoutes: FastifyPluginAsyncZod<LibraryRouteOptions> = async (app, opts) => {
  const { db, blobs } = opts;

  app.get(
    '/api/v1/resources',
    { schema: { tags, summary: 'Resources the caller may see', querystring: ZListResourcesQuery } },
    async (request) => listResources({ db, actor: request.actor }, request.query),
  );

  app.post(
    '/api/v1/resources',
    { schema: { tags, summary: 'Create a private draft', body: ZCreateResourceBody } },
    async (request, reply) => reply.status(201).send(await createResource({ db, actor: actorOf(request) }, request.body)),
  );

  app.get('/api/v1/resources/:id', { schema: { tags, params: ZIdParams, querystring: ZGetResourceQuery } }, async (request) =>
    getResource({ db, actor: request.actor }, request.params.id, { display: request.query.display, countView: true }),
  );

  app.patch(
    '/api/v1/resources/:id',
    { schema: { tags, summary: 'Edit (a new version)', params: ZIdParams, headers: ZIfMatch, body: ZUpdateResourceBody } },
    async (request) => updateResource({ db, actor: actorOf(request) }, request.params.id, ifMatch(request), request.body),
  );

  app.post('/api/v1/resources/:id/withdraw', { schema: { tags, params: ZIdParams } }, async (request) =>
    withdrawResource({ db, actor: actorOf(request) }, request.params.id),
  );

  // Files
  app.post(
    '/api/v1/resources/:id/files',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart, field "file")',
        params: ZIdParams,
        headers: ZIfMatch,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = ifMatch(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('LIBRARY_FILE_MISSING');
      const result = await addResourceFile({ db, actor, blobs, maxBytes: opts.maxUploadBytes }, request.params.id, version, {
        filename: part.filename,
        stream: part.file,
      });
      return reply.status(201).send(result);
    },
  );

  app.delete('/api/v1/resources/:id/files/:fileId', { schema: { tags, params: ZResourceFileParams, headers: ZIfMatch } }, async (request) =>
    removeResourceFile({ db, actor: actorOf(request) }, request.params.id, request.params.fileId, ifMatch(request)),
  );

  app.get(
    '/api/v1/resources/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download (or ?inline=1 preview of a PDF or image)',
        params: ZResourceFileParams,
        querystring: ZDownloadQuery,
      },
    },
    async (request, reply) => {
      const file = await openResourceFile(
        { db, actor: request.actor, blobs },
        request.params.id,
        request.params.fileId,
        truthy(request.query.inline),
      );
      reply
        .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
        .header('content-disposition', contentDisposition(file.filename, { type: file.inline ? 'inline' : 'attachment' }))
        .header('content-length', String(file.size))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300');
      // A previewed file must never run as a page of this origin.
      if (file.inline) reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      return reply.send(file.stream);
    },
  );

  // Versions
  app.get('/api/v1/resources/:id/versions', { schema: { tags, params: ZIdParams } }, async (request) =>
    listVersions({ db, actor: request.actor }, request.params.id),
  );
  app.get('/api/v1/resources/:id/versions/:number', { schema: { tags, params: ZVersionParams } }, async (request) =>
    getVersion({ db, actor: request.actor }, request.params.id, request.params.number),
  );
  app.get(
    '/api/v1/resources/:id/diff',
    { schema: { tags, summary: 'Diff two versions', params: ZIdParams, querystring: ZDiffQuery } },
    async (request) => diffVersions({ db, actor: request.actor }, request.params.id, request.query.from, request.query.to),
  );
  app.post(
    '/api/v1/resources/:id/versions/:number/restore',
    { schema: { tags, summary: 'Restore as a new version', params: ZVersionParams, headers: ZIfMatch } },
    async (request) => restoreVersion({ db, actor: actorOf(request) }, request.params.id, request.params.number, ifMatch(request)),
  );

  // Publishing up the levels
  app.post(
    '/api/v1/resources/:id/submissions',
    { schema: { tags, summary: 'Submit or recommend for a level', params: ZIdParams, body: ZSubmitBody } },
    async (request, reply) =>
      reply.status(201).send(await submitResource({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );
  app.get('/api/v1/resources/:id/submissions', { schema: { tags, params: ZIdParams } }, async (request) =>
    listSubmissions({ db, actor: request.actor }, request.params.id),
  );
  app.get(
    '/api/v1/library/reviews',
    { schema: { tags, summary: 'Review queue of the caller', querystring: ZReviewQueueQuery } },
    async (request) => listReviewQueue({ db, actor: actorOf(request) }, request.query),
  );
  app.post(
    '/api/v1/library/reviews/:id/decision',
    { schema: { tags, summary: 'Approve or return a submission', params: ZIdParams, body: ZDecisionBody } },
    async (request) => decideSubmission({ db, actor: actorOf(request) }, request.params.id, request.body),
  );

  // Reuse
  app.post(
    '/api/v1/resources/:id/adaptations',
    { schema: { tags, summary: 'Adapt into my school (linked copy)', params: ZIdParams, body: ZAdaptBody } },
    async (request, reply) =>
      reply.status(201).send(await adaptResource({ db, actor: actorOf(request) }, request.params.id, request.body ?? {})),
  );
  app.post(
    '/api/v1/resources/:id/editions',
    { schema: { tags, summary: 'Make a 繁體/简体 edition', params: ZIdParams, body: ZEditionBody } },
    async (request, reply) =>
      reply.status(201).send(await makeResourceEdition({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );

  // Notifications moved to modules/notifications (same paths).

  await app.register(libraryExtraRoutes, opts);
};
