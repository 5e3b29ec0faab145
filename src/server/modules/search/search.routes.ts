import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSearchQuery, ZSuggestQuery, type SuggestResponse } from '../../../shared/api/search.ts';
import type { Db } from '../../db/client.ts';
import { searchDocuments, suggestTitles } from './search.service.ts';

/**
 * Search and typeahead over the resource index. Anonymous callers are allowed and see published public
 * documents only (the visibility rule decides, inside the query). Registered before the library's routes
 * so `/api/v1/resources/search` is not taken for a resource id.
 */
export const searchRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/resources/search',
    { schema: { tags: ['search'], summary: 'Search resources in either script and any region’s words', querystring: ZSearchQuery } },
    async (request) => searchDocuments({ db, actor: request.actor ?? null }, request.query),
  );

  app.get(
    '/api/v1/resources/suggest',
    { schema: { tags: ['search'], summary: 'Title completions (typeahead)', querystring: ZSuggestQuery } },
    async (request): Promise<SuggestResponse> => ({
      items: await suggestTitles({ db, actor: request.actor ?? null }, request.query.q, request.query.limit),
    }),
  );
};
