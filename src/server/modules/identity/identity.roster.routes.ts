import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../shared/api/common.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import type { Db } from '../../db/client.ts';
import type { UploadedFile } from './identity.roster-parse.ts';
import { checkRoster, commitRoster, listRosterImports } from './identity.roster.service.ts';

export const rosterRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/schools/:id/roster-imports',
    {
      schema: {
        tags: ['roster'],
        summary: 'Dry run of a roster file (CSV, XLSX or ZIP of OneRoster CSVs); nothing changes',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const files: UploadedFile[] = [];
      for await (const part of request.files()) {
        files.push({ filename: part.filename || 'upload', data: await part.toBuffer() });
      }
      if (!files.length) throw new AppError('ROSTER_FILE_MISSING');
      return checkRoster({ db, actor }, request.params.id, files);
    },
  );

  app.post(
    '/api/v1/roster-imports/:id/commit',
    { schema: { tags: ['roster'], summary: 'Apply a checked roster in one transaction', params: ZIdParams } },
    async (request) => commitRoster({ db, actor: actorOf(request) }, request.params.id),
  );

  app.get('/api/v1/roster-imports', { schema: { tags: ['roster'], querystring: z.object({ schoolId: ZId }) } }, async (request) =>
    listRosterImports({ db, actor: actorOf(request) }, request.query.schoolId),
  );
};
