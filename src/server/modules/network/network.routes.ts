import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import {
  ZAddMemberBody,
  ZCreateProjectBody,
  ZDecisionBody,
  ZDirectoryQuery,
  ZDocumentBody,
  ZExchangeBody,
  ZExpertBody,
  ZLectureBody,
  ZMentoringLogBody,
  ZMentorshipBody,
  ZMilestoneBody,
  ZPostBody,
  ZProposeBody,
  ZPublishBody,
  ZReflectionBody,
  ZSuggestionsQuery,
  ZSummaryQuery,
  ZTaskBody,
  ZTaskStatusBody,
  ZThreadBody,
  ZUpdateProfileBody,
} from '../../../shared/api/network.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { addExchange, addPhoto, listExchanges, openPhoto, setReflection, yearlySummary } from './network.exchanges.service.ts';
import { addLecture, addMentoringLog, createExpert, listExperts, listMentoringLog, pairExpert } from './network.experts.service.ts';
import { decidePair, getPair, listPairs, proposePair } from './network.pairs.service.ts';
import { getProfile, listDirectory, suggestPartners, updateProfile } from './network.profiles.service.ts';
import {
  addDocument,
  addMember,
  addMilestone,
  addTask,
  createProject,
  createThread,
  getProject,
  listDocuments,
  listProjects,
  listThreads,
  moveTask,
  publishProject,
  replyToThread,
} from './network.projects.service.ts';

/**
 * The collaboration network (姐妹结对, 项目共研, 专家结对): thin routes under /api/v1/network — parse with the
 * shared zod schemas, one service call. The directory and school profiles answer anonymous readers too
 * (without contact persons); everything else needs a signed-in account.
 */
export const networkRoutes: FastifyPluginAsyncZod<{ db: Db; blobs: BlobStore; maxUploadBytes: number }> = async (app, opts) => {
  const { db, blobs } = opts;
  const tags = ['network'];
  const base = '/api/v1/network';
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ db, actor: actorOf(request) });

  // Schools
  app.get(`${base}/schools`, { schema: { tags, summary: 'Directory of schools', querystring: ZDirectoryQuery } }, async (request) =>
    listDirectory({ db, actor: request.actor ?? null }, request.query),
  );
  app.get(`${base}/schools/:id`, { schema: { tags, summary: 'School profile', params: ZIdParams } }, async (request) =>
    getProfile({ db, actor: request.actor ?? null }, request.params.id),
  );
  app.put(`${base}/schools/:id`, { schema: { tags, params: ZIdParams, headers: ZIfMatch, body: ZUpdateProfileBody } }, async (request) => {
    const version = request.headers['if-match'];
    if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
    return updateProfile(ctx(request), request.params.id, version, request.body);
  });
  app.get(
    `${base}/suggestions`,
    { schema: { tags, summary: 'Explainable partner suggestions', querystring: ZSuggestionsQuery } },
    async (request) => suggestPartners(ctx(request), request.query.schoolId),
  );

  // Pairs
  app.get(`${base}/pairs`, { schema: { tags } }, async (request) => listPairs(ctx(request)));
  app.post(
    `${base}/pairs`,
    { schema: { tags, summary: 'Propose a sister-school agreement', body: ZProposeBody } },
    async (request, reply) => reply.status(201).send(await proposePair(ctx(request), request.body)),
  );
  app.get(`${base}/pairs/:id`, { schema: { tags, params: ZIdParams } }, async (request) => getPair(ctx(request), request.params.id));
  app.post(`${base}/pairs/:id/decision`, { schema: { tags, params: ZIdParams, body: ZDecisionBody } }, async (request) =>
    decidePair(ctx(request), request.params.id, request.body.decision),
  );
  app.get(`${base}/pairs/:id/exchanges`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listExchanges(ctx(request), request.params.id),
  );
  app.post(`${base}/pairs/:id/exchanges`, { schema: { tags, params: ZIdParams, body: ZExchangeBody } }, async (request, reply) =>
    reply.status(201).send(await addExchange(ctx(request), request.params.id, request.body)),
  );
  app.get(
    `${base}/pairs/:id/summary`,
    { schema: { tags, summary: 'Yearly summary', params: ZIdParams, querystring: ZSummaryQuery } },
    async (request) => yearlySummary(ctx(request), request.params.id, request.query.year),
  );
  app.put(`${base}/exchanges/:id/reflection`, { schema: { tags, params: ZIdParams, body: ZReflectionBody } }, async (request) =>
    setReflection(ctx(request), request.params.id, request.body.reflection),
  );
  app.post(
    `${base}/exchanges/:id/photos`,
    { schema: { tags, summary: 'Upload a photo (multipart, field "file")', params: ZIdParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const c = ctx(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('NETWORK_PHOTO_NOT_IMAGE');
      return reply
        .status(201)
        .send(
          await addPhoto({ ...c, blobs, maxBytes: opts.maxUploadBytes }, request.params.id, { filename: part.filename, stream: part.file }),
        );
    },
  );
  app.get(`${base}/photos/:id`, { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const photo = await openPhoto({ ...ctx(request), blobs }, request.params.id);
    reply
      .header('content-type', photo.mediaType)
      .header('content-disposition', contentDisposition(photo.filename, { type: 'inline' }))
      .header('content-length', String(photo.size))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=300');
    return reply.send(photo.stream);
  });

  // Projects
  app.get(`${base}/projects`, { schema: { tags } }, async (request) => listProjects(ctx(request)));
  app.post(`${base}/projects`, { schema: { tags, body: ZCreateProjectBody } }, async (request, reply) =>
    reply.status(201).send(await createProject(ctx(request), request.body)),
  );
  app.get(`${base}/projects/:id`, { schema: { tags, params: ZIdParams } }, async (request) => getProject(ctx(request), request.params.id));
  app.post(`${base}/projects/:id/members`, { schema: { tags, params: ZIdParams, body: ZAddMemberBody } }, async (request) =>
    addMember(ctx(request), request.params.id, request.body),
  );
  app.post(`${base}/projects/:id/milestones`, { schema: { tags, params: ZIdParams, body: ZMilestoneBody } }, async (request) =>
    addMilestone(ctx(request), request.params.id, request.body),
  );
  app.post(`${base}/projects/:id/tasks`, { schema: { tags, params: ZIdParams, body: ZTaskBody } }, async (request) =>
    addTask(ctx(request), request.params.id, request.body),
  );
  app.put(`${base}/tasks/:id/status`, { schema: { tags, params: ZIdParams, body: ZTaskStatusBody } }, async (request) =>
    moveTask(ctx(request), request.params.id, request.body.status),
  );
  app.get(`${base}/projects/:id/threads`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listThreads(ctx(request), request.params.id),
  );
  app.post(`${base}/projects/:id/threads`, { schema: { tags, params: ZIdParams, body: ZThreadBody } }, async (request) =>
    createThread(ctx(request), request.params.id, request.body),
  );
  app.post(`${base}/threads/:id/posts`, { schema: { tags, params: ZIdParams, body: ZPostBody } }, async (request) =>
    replyToThread(ctx(request), request.params.id, request.body.body),
  );
  app.get(`${base}/projects/:id/documents`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listDocuments(ctx(request), request.params.id),
  );
  app.post(`${base}/projects/:id/documents`, { schema: { tags, params: ZIdParams, body: ZDocumentBody } }, async (request) =>
    addDocument(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${base}/projects/:id/publish`,
    { schema: { tags, summary: 'Publish the output to the library', params: ZIdParams, body: ZPublishBody } },
    async (request) => publishProject(ctx(request), request.params.id, request.body),
  );

  // Experts
  app.get(`${base}/experts`, { schema: { tags } }, async (request) => listExperts(ctx(request)));
  app.post(`${base}/experts`, { schema: { tags, body: ZExpertBody } }, async (request, reply) =>
    reply.status(201).send(await createExpert(ctx(request), request.body)),
  );
  app.post(`${base}/experts/:id/mentorships`, { schema: { tags, params: ZIdParams, body: ZMentorshipBody } }, async (request, reply) =>
    reply.status(201).send(await pairExpert(ctx(request), request.params.id, request.body)),
  );
  app.post(`${base}/experts/:id/lectures`, { schema: { tags, params: ZIdParams, body: ZLectureBody } }, async (request, reply) =>
    reply.status(201).send(await addLecture(ctx(request), request.params.id, request.body)),
  );
  app.get(`${base}/mentorships/:id/log`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listMentoringLog(ctx(request), request.params.id),
  );
  app.post(`${base}/mentorships/:id/log`, { schema: { tags, params: ZIdParams, body: ZMentoringLogBody } }, async (request) =>
    addMentoringLog(ctx(request), request.params.id, request.body),
  );
};
