import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import { ZCreateClassBody, ZCreateSchoolBody, ZListSchoolsQuery, ZUpdateSchoolBody } from '../../../shared/api/tenancy.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { AppError } from '../../http/app-error.ts';
import type { Db } from '../../db/client.ts';
import {
  createClass,
  createSchool,
  getSchool,
  listAuthorityUnits,
  listClasses,
  listJurisdictions,
  listSchools,
  schoolRoster,
  updateSchool,
} from './tenancy.service.ts';

export const tenancyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/v1/jurisdictions', { schema: { tags: ['tree'], summary: 'Jurisdictions served by this node' } }, async (request) => {
    actorOf(request);
    return listJurisdictions({ db });
  });

  app.get(
    '/api/v1/authority-units',
    { schema: { tags: ['tree'], querystring: z.object({ jurisdictionId: ZId.optional() }) } },
    async (request) => {
      actorOf(request);
      return listAuthorityUnits({ db }, request.query);
    },
  );

  app.get(
    '/api/v1/schools',
    { schema: { tags: ['tree'], summary: 'School directory', querystring: ZListSchoolsQuery } },
    async (request) => {
      actorOf(request);
      return listSchools({ db }, request.query);
    },
  );

  app.get('/api/v1/schools/:id', { schema: { tags: ['tree'], params: ZIdParams } }, async (request) => {
    actorOf(request);
    return getSchool({ db }, request.params.id);
  });

  app.post('/api/v1/schools', { schema: { tags: ['tree'], body: ZCreateSchoolBody } }, async (request, reply) =>
    reply.status(201).send(await createSchool({ db, actor: actorOf(request) }, request.body)),
  );

  app.patch(
    '/api/v1/schools/:id',
    { schema: { tags: ['tree'], params: ZIdParams, headers: ZIfMatch, body: ZUpdateSchoolBody } },
    async (request) => {
      const actor = actorOf(request);
      const version = request.headers['if-match'];
      if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
      return updateSchool({ db, actor }, request.params.id, version, request.body);
    },
  );

  app.get('/api/v1/schools/:id/classes', { schema: { tags: ['tree'], params: ZIdParams } }, async (request) =>
    listClasses({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/v1/schools/:id/classes',
    { schema: { tags: ['tree'], params: ZIdParams, body: ZCreateClassBody } },
    async (request, reply) => reply.status(201).send(await createClass({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/schools/:id/roster',
    { schema: { tags: ['tree'], summary: 'Classes with their students', params: ZIdParams } },
    async (request) => schoolRoster({ db, actor: actorOf(request) }, request.params.id),
  );
};
