import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/api/common.ts';
import { ZEditionBody, ZExportQuery, ZForkBody, ZProgressionQuery, ZPublishBody, ZPullBody } from '../../../shared/api/courses.ts';
import { create as contentDisposition } from 'content-disposition';
import { AppError } from '../../http/app-error.ts';
import { exportCourse, importCourse } from './courses.cc.service.ts';
import type { CoursesCtx } from './courses.context.ts';
import { createEdition } from './courses.editions.service.ts';
import { forkCourse, forkDiff, pullFromUpstream } from './courses.forks.service.ts';
import { progressionMap } from './courses.progression.service.ts';
import { publishCourse } from './courses.publish.service.ts';

/** Editions, forks, progression map, publishing, Common Cartridge (thin routes, one service call each). */
export const coursesExtraRoutes: FastifyPluginAsyncZod<{ ctx: (request: FastifyRequest) => CoursesCtx }> = async (app, opts) => {
  const { ctx } = opts;
  const tags = ['courses'];
  const P = '/api/v1/courses';

  app.post(
    `${P}/:id/editions`,
    { schema: { tags, summary: 'Start a linked edition (简体 / 繁體 / English)', params: ZIdParams, body: ZEditionBody } },
    async (request, reply) => reply.status(201).send(await createEdition(ctx(request), request.params.id, request.body.language)),
  );
  app.post(
    `${P}/:id/fork`,
    { schema: { tags, summary: 'Adopt the course for a school (fork)', params: ZIdParams, body: ZForkBody } },
    async (request, reply) => reply.status(201).send(await forkCourse(ctx(request), request.params.id, request.body)),
  );
  app.get(
    `${P}/:id/fork/diff`,
    { schema: { tags, summary: 'Per-lesson changes upstream since the last pull', params: ZIdParams } },
    async (request) => forkDiff(ctx(request), request.params.id),
  );
  app.post(
    `${P}/:id/fork/pull`,
    { schema: { tags, summary: 'Apply upstream changes to the chosen lessons', params: ZIdParams, body: ZPullBody } },
    async (request) => pullFromUpstream(ctx(request), request.params.id, request.body.lessonIds),
  );

  app.get(
    `${P}/progression`,
    { schema: { tags, summary: 'Progression map (小初高一体化) of a district', querystring: ZProgressionQuery } },
    async (request) => progressionMap(ctx(request), request.query),
  );
  app.post(
    `${P}/:id/publish`,
    { schema: { tags, summary: 'Publish through the library review workflow', params: ZIdParams, body: ZPublishBody } },
    async (request, reply) => reply.status(201).send(await publishCourse(ctx(request), request.params.id, request.body)),
  );

  app.get(
    `${P}/:id/export.imscc`,
    { schema: { tags, summary: 'Export as IMS Common Cartridge', params: ZIdParams, querystring: ZExportQuery } },
    async (request, reply) => {
      const { bytes, filename } = await exportCourse(ctx(request), request.params.id, request.query.version);
      return reply
        .type('application/vnd.ims.imsccv1p3')
        .header('content-disposition', contentDisposition(filename))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
  app.post(
    `${P}/import`,
    { schema: { tags, summary: 'Import an IMS Common Cartridge (.imscc) as a new course', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const c = ctx(request);
      if (!request.isMultipart()) throw new AppError('COURSE_IMPORT_FILE_MISSING');
      const part = await request.file();
      if (!part) throw new AppError('COURSE_IMPORT_FILE_MISSING');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
      return reply.status(201).send(await importCourse(c, new Uint8Array(data), part.filename));
    },
  );
};
