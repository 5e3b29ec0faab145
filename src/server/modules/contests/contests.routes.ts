import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { create as contentDisposition } from 'content-disposition';
import { ZId, ZIdParams, ZIfMatch, ZUiLanguage } from '../../../shared/api/common.ts';
import {
  ZAddJudgesBody,
  ZAppealBody,
  ZAppealDecisionBody,
  ZAttendanceBody,
  ZCreateContestBody,
  ZCreateEventBody,
  ZFeedbackBody,
  ZPublicEventsQuery,
  ZRegisterBody,
  ZScoreBody,
  ZSubmitBody,
  ZMembersBody,
  ZUpdateContestBody,
} from '../../../shared/api/contests.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { awardCertificate } from './contests.certificates.service.ts';
import { createContest, getContest, listContests } from './contests.contests.service.ts';
import { registerContestCredentials } from './contests.credentials.ts';
import { updateContest } from './contests.edit.service.ts';
import { changeMembers } from './contests.members.service.ts';
import { reopenJudging } from './contests.rejudge.service.ts';
import {
  cancelSignUp,
  createEvent,
  eventSignups,
  giveFeedback,
  listEvents,
  markAttendance,
  publicEvents,
  signUp,
} from './contests.events.service.ts';
import {
  addJudges,
  judgeQueue,
  judgingProgress,
  normalisationPreview,
  runAssignment,
  scoreAssignment,
} from './contests.judging.service.ts';
import { confirmPromotions, promoteEntries } from './contests.promotion.service.ts';
import { getEntry, listEntries, registerEntry } from './contests.registration.service.ts';
import { contestResults, decideAppeal, fileAppeal, listAppeals, publishResults } from './contests.results.service.ts';
import {
  listSubmissions,
  readSubmissionFile,
  submitWork,
  SUBMISSION_FILE_MAX_BYTES,
  uploadSubmissionFile,
} from './contests.submissions.service.ts';

/**
 * Competitions and events (以赛促学): thin routes — parse with the shared zod schemas, one service call.
 * `/api/v1/contests/public/events` needs no sign-in and carries no personal data.
 */
export const contestsRoutes: FastifyPluginAsyncZod<{ db: Db; blobs: BlobStore }> = async (app, opts) => {
  const { db, blobs } = opts;
  const tags = ['contests'];
  const B = '/api/v1/contests';
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ db, actor: actorOf(request) });
  registerContestCredentials();

  app.get(`${B}/contests`, { schema: { tags } }, async (r) => listContests(ctx(r)));
  app.post(`${B}/contests`, { schema: { tags, body: ZCreateContestBody } }, async (r, reply) =>
    reply.status(201).send(await createContest(ctx(r), r.body)),
  );
  app.get(`${B}/contests/:id`, { schema: { tags, params: ZIdParams } }, async (r) => getContest(ctx(r), r.params.id));
  app.patch(
    `${B}/contests/:id`,
    { schema: { tags, summary: 'Edit a round (If-Match: version)', params: ZIdParams, headers: ZIfMatch, body: ZUpdateContestBody } },
    async (r) => {
      const version = r.headers['if-match'];
      if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
      return updateContest(ctx(r), r.params.id, version, r.body);
    },
  );
  app.get(`${B}/contests/:id/entries`, { schema: { tags, params: ZIdParams } }, async (r) => listEntries(ctx(r), r.params.id));
  app.post(
    `${B}/contests/:id/entries`,
    { schema: { tags, summary: 'Register an individual or a team', params: ZIdParams, body: ZRegisterBody } },
    async (r, reply) => reply.status(201).send(await registerEntry(ctx(r), r.params.id, r.body)),
  );
  app.post(`${B}/contests/:id/judges`, { schema: { tags, params: ZIdParams, body: ZAddJudgesBody } }, async (r) =>
    addJudges(ctx(r), r.params.id, r.body.userIds),
  );
  app.post(
    `${B}/contests/:id/assignment`,
    { schema: { tags, summary: 'Assign entries to judges (conflict-of-interest aware)', params: ZIdParams } },
    async (r) => runAssignment(ctx(r), r.params.id),
  );
  app.get(`${B}/contests/:id/progress`, { schema: { tags, params: ZIdParams } }, async (r) => judgingProgress(ctx(r), r.params.id));
  app.get(`${B}/contests/:id/preview`, { schema: { tags, summary: 'Normalised ranking preview', params: ZIdParams } }, async (r) =>
    normalisationPreview(ctx(r), r.params.id),
  );
  app.get(
    `${B}/contests/:id/judging`,
    { schema: { tags, summary: "The judge's queue (blind in blind mode)", params: ZIdParams } },
    async (r) => judgeQueue(ctx(r), r.params.id),
  );
  app.post(`${B}/contests/:id/publish`, { schema: { tags, params: ZIdParams } }, async (r) => publishResults(ctx(r), r.params.id));
  app.get(`${B}/contests/:id/results`, { schema: { tags, params: ZIdParams } }, async (r) => contestResults(ctx(r), r.params.id));
  app.post(
    `${B}/contests/:id/promote`,
    { schema: { tags, summary: 'Recommend the top entries per quota to the parent round', params: ZIdParams } },
    async (r) => promoteEntries(ctx(r), r.params.id),
  );
  app.post(
    `${B}/contests/:id/confirm-promotions`,
    { schema: { tags, params: ZIdParams, body: z.object({ entryIds: z.array(ZId).max(500).optional() }) } },
    async (r) => confirmPromotions(ctx(r), r.params.id, r.body.entryIds),
  );
  app.get(`${B}/contests/:id/appeals`, { schema: { tags, params: ZIdParams } }, async (r) => listAppeals(ctx(r), r.params.id));
  app.post(`${B}/contests/:id/appeals`, { schema: { tags, params: ZIdParams, body: ZAppealBody } }, async (r, reply) =>
    reply.status(201).send(await fileAppeal(ctx(r), r.params.id, r.body)),
  );
  app.post(`${B}/appeals/:id/decision`, { schema: { tags, params: ZIdParams, body: ZAppealDecisionBody } }, async (r) =>
    decideAppeal(ctx(r), r.params.id, r.body),
  );
  app.post(
    `${B}/appeals/:id/reopen`,
    { schema: { tags, summary: "Reopen an upheld appeal's entry for re-judging", params: ZIdParams } },
    async (r) => reopenJudging(ctx(r), r.params.id),
  );

  app.get(`${B}/entries/:id`, { schema: { tags, params: ZIdParams } }, async (r) => getEntry(ctx(r), r.params.id));
  app.get(`${B}/entries/:id/submissions`, { schema: { tags, params: ZIdParams } }, async (r) => listSubmissions(ctx(r), r.params.id));
  app.post(
    `${B}/entries/:id/submissions`,
    { schema: { tags, summary: 'Submit a new version (until the deadline)', params: ZIdParams, body: ZSubmitBody } },
    async (r, reply) => reply.status(201).send(await submitWork(ctx(r), r.params.id, r.body)),
  );
  app.post(`${B}/entries/:id/files`, { schema: { tags, params: ZIdParams, consumes: ['multipart/form-data'] } }, async (r, reply) => {
    const c = ctx(r);
    if (!r.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const part = await r.file({ limits: { fileSize: SUBMISSION_FILE_MAX_BYTES } });
    if (!part) throw new AppError('VALIDATION_FAILED');
    const data = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
    return reply.status(201).send(await uploadSubmissionFile({ ...c, blobs }, r.params.id, { filename: part.filename, data }));
  });
  app.get(
    `${B}/entries/:id/files/:sha256`,
    { schema: { tags, params: z.object({ id: ZId, sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (r, reply) => {
      const file = await readSubmissionFile({ ...ctx(r), blobs }, r.params.id, r.params.sha256);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
  app.post(
    `${B}/entries/:id/members`,
    { schema: { tags, summary: 'Add or remove team members before the submission deadline', params: ZIdParams, body: ZMembersBody } },
    async (r) => changeMembers(ctx(r), r.params.id, r.body),
  );
  app.get(
    `${B}/entries/:id/certificate.pdf`,
    { schema: { tags, params: ZIdParams, querystring: z.object({ lang: ZUiLanguage.default('zh-Hans') }) } },
    async (r, reply) => {
      const { pdf, filename } = await awardCertificate(ctx(r), r.params.id, r.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(filename, { type: 'inline' }))
        .send(pdf);
    },
  );

  app.post(
    `${B}/assignments/:id/scores`,
    { schema: { tags, summary: 'Save or submit (lock) scores', params: ZIdParams, body: ZScoreBody } },
    async (r) => scoreAssignment(ctx(r), r.params.id, r.body),
  );

  app.get(`${B}/events`, { schema: { tags } }, async (r) => listEvents(ctx(r)));
  app.post(`${B}/events`, { schema: { tags, body: ZCreateEventBody } }, async (r, reply) =>
    reply.status(201).send(await createEvent(ctx(r), r.body)),
  );
  app.post(`${B}/events/:id/signup`, { schema: { tags, params: ZIdParams } }, async (r) => signUp(ctx(r), r.params.id));
  app.delete(`${B}/events/:id/signup`, { schema: { tags, params: ZIdParams } }, async (r) => cancelSignUp(ctx(r), r.params.id));
  app.get(`${B}/events/:id/signups`, { schema: { tags, params: ZIdParams } }, async (r) => eventSignups(ctx(r), r.params.id));
  app.post(`${B}/events/:id/attendance`, { schema: { tags, params: ZIdParams, body: ZAttendanceBody } }, async (r) =>
    markAttendance(ctx(r), r.params.id, r.body),
  );
  app.post(`${B}/events/:id/feedback`, { schema: { tags, params: ZIdParams, body: ZFeedbackBody } }, async (r) =>
    giveFeedback(ctx(r), r.params.id, r.body),
  );
  app.get(
    `${B}/public/events`,
    { schema: { tags, summary: 'Public listing of a jurisdiction (no sign-in)', querystring: ZPublicEventsQuery } },
    async (r) => publicEvents(db, r.query.jurisdiction),
  );
};
