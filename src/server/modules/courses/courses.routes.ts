import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import {
  ZCourseFileParams,
  ZCourseLessonParams,
  ZCourseUnitParams,
  ZCreateCourseBody,
  ZCreateLessonBody,
  ZInvitationDecisionBody,
  ZInviteBody,
  ZLessonBodyBody,
  ZMemberParams,
  ZReorderBody,
  ZUnitBody,
  ZUpdateCourseBody,
  ZUpdateLessonBody,
  ZVisibleCoursesQuery,
} from '../../../shared/api/courses.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { adoptColumnBodies, collabLessonBodies, columnLessonBodies, type CollabDocuments } from './courses.bodies.ts';
import type { CoursesCtx } from './courses.context.ts';
import { attachLessonFile, LESSON_FILE_MAX_BYTES, readLessonFile, removeLessonFile } from './courses.files.service.ts';
import {
  addLesson,
  addUnit,
  deleteLesson,
  deleteUnit,
  getLesson,
  renameUnit,
  reorderOutline,
  setLessonBody,
  updateLesson,
} from './courses.outline.service.ts';
import { createCourse, deleteCourse, getCourse, listMyCourses, listVisibleCourses, updateCourse } from './courses.service.ts';
import { courseInvitationsList, decideInvitation, invite, myInvitations, removeMember } from './courses.team.service.ts';
import { coursesExtraRoutes } from './courses.extra.routes.ts';

export interface CoursesRoutesOptions {
  db: Db;
  blobs: BlobStore;
  /** The live co-editing module; without it lesson rich text is kept in a column. */
  collab?: CollabDocuments;
}

/**
 * Co-built courses (课程共建): thin routes — parse with the shared zod schemas, one service call.
 * Editions, forks, progression, publishing and Common Cartridge are in courses.extra.routes.ts.
 */
export const coursesRoutes: FastifyPluginAsyncZod<CoursesRoutesOptions> = async (app, opts) => {
  const { db, blobs } = opts;
  const bodies = opts.collab ? collabLessonBodies(opts.collab) : columnLessonBodies;
  const ctx = (request: FastifyRequest): CoursesCtx => ({ db, actor: actorOf(request), bodies, blobs });
  // The demo seeder runs after the app is built and before it listens; its lesson text goes live here.
  const collab = opts.collab;
  if (collab) app.addHook('onReady', async () => void (await adoptColumnBodies(db, collab)));
  const tags = ['courses'];
  const P = '/api/v1/courses';

  app.get(P, { schema: { tags, summary: 'My courses (where I am on the team)' } }, async (request) => listMyCourses(ctx(request)));
  app.post(P, { schema: { tags, body: ZCreateCourseBody } }, async (request, reply) =>
    reply.status(201).send(await createCourse(ctx(request), request.body)),
  );
  app.get(
    `${P}/visible`,
    { schema: { tags, summary: 'Courses I may see (choices for prerequisites)', querystring: ZVisibleCoursesQuery } },
    async (request) => listVisibleCourses(ctx(request), request.query),
  );
  app.get(`${P}/invitations`, { schema: { tags, summary: 'Invitations addressed to me' } }, async (request) => myInvitations(ctx(request)));
  app.post(`${P}/invitations/:id/decision`, { schema: { tags, params: ZIdParams, body: ZInvitationDecisionBody } }, async (request) =>
    decideInvitation(ctx(request), request.params.id, request.body.accept),
  );
  app.get(`${P}/:id`, { schema: { tags, summary: 'Course with outline, team and editions', params: ZIdParams } }, async (request) =>
    getCourse(ctx(request), request.params.id),
  );
  app.patch(`${P}/:id`, { schema: { tags, params: ZIdParams, headers: ZIfMatch, body: ZUpdateCourseBody } }, async (request) =>
    updateCourse(ctx(request), request.params.id, request.headers['if-match'], request.body),
  );
  app.delete(`${P}/:id`, { schema: { tags, summary: 'Delete a draft course (owner)', params: ZIdParams } }, async (request, reply) => {
    await deleteCourse(ctx(request), request.params.id);
    return reply.status(204).send();
  });

  // Outline
  app.post(`${P}/:id/units`, { schema: { tags, params: ZIdParams, body: ZUnitBody } }, async (request, reply) =>
    reply.status(201).send(await addUnit(ctx(request), request.params.id, request.body)),
  );
  app.patch(`${P}/:id/units/:unitId`, { schema: { tags, params: ZCourseUnitParams, body: ZUnitBody } }, async (request) =>
    renameUnit(ctx(request), request.params.id, request.params.unitId, request.body),
  );
  app.delete(`${P}/:id/units/:unitId`, { schema: { tags, params: ZCourseUnitParams } }, async (request, reply) => {
    await deleteUnit(ctx(request), request.params.id, request.params.unitId);
    return reply.status(204).send();
  });
  app.put(
    `${P}/:id/outline`,
    {
      schema: {
        tags,
        summary: 'Reorder units and lessons (drag and drop); If-Match: the outlineVersion',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZReorderBody,
      },
    },
    async (request) => reorderOutline(ctx(request), request.params.id, request.headers['if-match'], request.body),
  );

  // Lessons
  app.post(`${P}/:id/lessons`, { schema: { tags, params: ZIdParams, body: ZCreateLessonBody } }, async (request, reply) =>
    reply.status(201).send(await addLesson(ctx(request), request.params.id, request.body)),
  );
  app.get(`${P}/:id/lessons/:lessonId`, { schema: { tags, params: ZCourseLessonParams } }, async (request) =>
    getLesson(ctx(request), request.params.id, request.params.lessonId),
  );
  app.patch(
    `${P}/:id/lessons/:lessonId`,
    { schema: { tags, params: ZCourseLessonParams, headers: ZIfMatch, body: ZUpdateLessonBody } },
    async (request) => updateLesson(ctx(request), request.params.id, request.params.lessonId, request.headers['if-match'], request.body),
  );
  app.put(
    `${P}/:id/lessons/:lessonId/body`,
    { schema: { tags, summary: 'Replace the lesson rich text', params: ZCourseLessonParams, body: ZLessonBodyBody } },
    async (request) => setLessonBody(ctx(request), request.params.id, request.params.lessonId, request.body.html),
  );
  app.delete(`${P}/:id/lessons/:lessonId`, { schema: { tags, params: ZCourseLessonParams } }, async (request, reply) => {
    await deleteLesson(ctx(request), request.params.id, request.params.lessonId);
    return reply.status(204).send();
  });
  app.post(
    `${P}/:id/lessons/:lessonId/files`,
    { schema: { tags, summary: 'Attach a file to the lesson materials', params: ZCourseLessonParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file({ limits: { fileSize: LESSON_FILE_MAX_BYTES } });
      if (!part) throw new AppError('VALIDATION_FAILED');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
      return reply
        .status(201)
        .send(await attachLessonFile(ctx(request), request.params.id, request.params.lessonId, { filename: part.filename, data }));
    },
  );
  app.get(`${P}/:id/lessons/:lessonId/files/:sha256`, { schema: { tags, params: ZCourseFileParams } }, async (request, reply) => {
    const file = await readLessonFile(ctx(request), request.params.id, request.params.lessonId, request.params.sha256);
    return reply
      .type(file.mediaType)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .send(file.stream);
  });
  app.delete(
    `${P}/:id/lessons/:lessonId/files/:sha256`,
    { schema: { tags, summary: 'Remove a file from the lesson materials', params: ZCourseFileParams } },
    async (request) => removeLessonFile(ctx(request), request.params.id, request.params.lessonId, request.params.sha256),
  );

  // Team
  app.post(
    `${P}/:id/invitations`,
    { schema: { tags, summary: 'Invite by username or a whole school', params: ZIdParams, body: ZInviteBody } },
    async (request, reply) => reply.status(201).send(await invite(ctx(request), request.params.id, request.body)),
  );
  app.get(`${P}/:id/invitations`, { schema: { tags, summary: 'Open invitations (owner)', params: ZIdParams } }, async (request) =>
    courseInvitationsList(ctx(request), request.params.id),
  );
  app.delete(`${P}/:id/members/:userId`, { schema: { tags, params: ZMemberParams } }, async (request, reply) => {
    await removeMember(ctx(request), request.params.id, request.params.userId);
    return reply.status(204).send();
  });

  await app.register(coursesExtraRoutes, { ctx });
};
