import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCursor, ZIdParams, ZIfMatch, ZLimit } from '../../../shared/api/common.ts';
import {
  ZCollectionBody,
  ZCollectionItemBody,
  ZCollectionItemParams,
  ZImportQuery,
  ZListCollectionsQuery,
  ZRatingBody,
  ZUpdateCollectionBody,
} from '../../../shared/api/library.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import {
  createCollection,
  getCollection,
  listCollections,
  putCollectionItem,
  removeCollectionItem,
  updateCollection,
} from './library.collections.service.ts';
import { importResourcesAsActor } from './library.import.service.ts';
import { resourceJsonLd } from './library.jsonld.ts';
import { listFavourites, listRatings, rateResource, setFavourite, unrateResource } from './library.social.service.ts';
import type { LibraryRouteOptions } from './library.routes.ts';

const tags = ['library'];
const ZPage = z.object({ limit: ZLimit, cursor: ZCursor });
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Ratings, favourites, collections, bulk import and JSON-LD (the second half of the library's routes). */
export const libraryExtraRoutes: FastifyPluginAsyncZod<LibraryRouteOptions> = async (app, { db, publicUrl }) => {
  // JSONL bodies for the import (this plugin's scope only).
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/jsonl', 'application/jsonlines'],
    { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  // Ratings and favourites
  app.put(
    '/api/v1/resources/:id/rating',
    { schema: { tags, summary: 'Rate 1–5 with a short review (one per user)', params: ZIdParams, body: ZRatingBody } },
    async (request) => rateResource({ db, actor: actorOf(request) }, request.params.id, request.body),
  );
  app.delete('/api/v1/resources/:id/rating', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await unrateResource({ db, actor: actorOf(request) }, request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/v1/resources/:id/ratings', { schema: { tags, params: ZIdParams, querystring: ZPage } }, async (request) =>
    listRatings({ db, actor: request.actor }, request.params.id, request.query),
  );
  app.put('/api/v1/resources/:id/favourite', { schema: { tags, params: ZIdParams } }, async (request) =>
    setFavourite({ db, actor: actorOf(request) }, request.params.id, true),
  );
  app.delete('/api/v1/resources/:id/favourite', { schema: { tags, params: ZIdParams } }, async (request) =>
    setFavourite({ db, actor: actorOf(request) }, request.params.id, false),
  );
  app.get('/api/v1/library/favourites', { schema: { tags, querystring: ZPage } }, async (request) =>
    listFavourites({ db, actor: actorOf(request) }, request.query),
  );

  // JSON-LD (LRMI) for the resource page
  app.get(
    '/api/v1/resources/:id/jsonld',
    { schema: { tags, summary: 'schema.org LearningResource JSON-LD', params: ZIdParams } },
    async (request, reply) =>
      reply
        .type('application/ld+json; charset=utf-8')
        .send(JSON.stringify(await resourceJsonLd({ db, actor: request.actor, publicUrl }, request.params.id))),
  );

  // Bulk import
  app.post(
    '/api/v1/resources/import',
    { schema: { tags, summary: 'Bulk import JSONL (body or multipart file), idempotent by externalId', querystring: ZImportQuery } },
    async (request) => {
      const actor = actorOf(request);
      let text: string;
      if (request.isMultipart()) {
        const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
        if (!part) throw new AppError('LIBRARY_FILE_MISSING');
        text = (await part.toBuffer()).toString('utf8');
      } else if (typeof request.body === 'string') {
        text = request.body;
      } else {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      }
      return importResourcesAsActor({ db, actor }, text, request.query);
    },
  );

  // Collections
  app.get('/api/v1/collections', { schema: { tags, querystring: ZListCollectionsQuery } }, async (request) =>
    listCollections({ db, actor: request.actor }, request.query),
  );
  app.post('/api/v1/collections', { schema: { tags, body: ZCollectionBody } }, async (request, reply) =>
    reply.status(201).send(await createCollection({ db, actor: actorOf(request) }, request.body)),
  );
  app.get('/api/v1/collections/:id', { schema: { tags, params: ZIdParams } }, async (request) =>
    getCollection({ db, actor: request.actor }, request.params.id),
  );
  app.patch(
    '/api/v1/collections/:id',
    { schema: { tags, params: ZIdParams, headers: ZIfMatch, body: ZUpdateCollectionBody } },
    async (request) => {
      const version = request.headers['if-match'];
      if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
      return updateCollection({ db, actor: actorOf(request) }, request.params.id, version, request.body);
    },
  );
  app.put(
    '/api/v1/collections/:id/items/:resourceId',
    { schema: { tags, params: ZCollectionItemParams, body: ZCollectionItemBody.nullish() } },
    async (request) => putCollectionItem({ db, actor: actorOf(request) }, request.params.id, request.params.resourceId, request.body?.note),
  );
  app.delete('/api/v1/collections/:id/items/:resourceId', { schema: { tags, params: ZCollectionItemParams } }, async (request) =>
    removeCollectionItem({ db, actor: actorOf(request) }, request.params.id, request.params.resourceId),
  );
};
