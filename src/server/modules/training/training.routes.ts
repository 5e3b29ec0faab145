import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../shared/api/common.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { AppError } from '../../http/app-error.ts';
import {
  ZCatalogueQuery,
  ZCheckInBody,
  ZCreateAssignmentBody,
  ZCreateFrameworkBody,
  ZCreateProgrammeBody,
  ZCreateCohortBody,
  ZCreateSessionBody,
  ZEnrolBody,
  ZDashboardQuery,
  ZDecisionBody,
  ZReviewBody,
  ZRevokeBody,
  ZRollCallBody,
  ZSelfAssessmentBody,
  ZSubmitBody,
  ZVerifyBody,
} from '../../../shared/api/training.ts';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { submitAssignment, listSubmissions, reviewSubmission } from './training.assignments.service.ts';
import { addSubmissionFile, openSubmissionFile } from './training.submission-files.service.ts';
import { checkIn, rollCall, sessionAttendance, sessionQr } from './training.attendance.service.ts';
import {
  certifyProgramme,
  credentialDocument,
  credentialPdf,
  issuerProfile,
  revokeCredential,
  verifyById,
  verifyPresented,
} from './training.credentials.service.ts';
import { addCohort } from './training.cohorts.service.ts';
import { trainingDashboard } from './training.dashboard.service.ts';
import { enrol, listEnrolments, listPrincipalApprovals, organiserDecide, principalDecide, withdraw } from './training.enrolment.service.ts';
import { createFramework, listFrameworks, seedUnescoFramework } from './training.frameworks.service.ts';
import { configureTraining } from './training.keys.ts';
import { addSelfAssessment, myLearning, myProfile } from './training.learning.service.ts';
import {
  addAssignment,
  addSession,
  createProgramme,
  getProgramme,
  listProgrammes,
  publishProgramme,
} from './training.programmes.service.ts';

/**
 * Teacher development (师资共训): thin routes — parse with the shared zod schemas, one service call.
 * `/api/v1/credentials/*` reads are public (no login): verification must work for anyone holding a
 * certificate or scanning its QR code.
 */
const ZSubmissionFileParams = z.object({ id: ZId, fileId: ZId });

export const trainingRoutes: FastifyPluginAsyncZod<{
  db: Db;
  sessionSecret: string;
  dataDir: string;
  publicUrl: string;
  /** Uploaded submission files (blob store of the node). */
  blobs: BlobStore;
  maxUploadBytes: number;
}> = async (app, opts) => {
  const { db } = opts;
  configureTraining(opts);
  await seedUnescoFramework(db);
  const tags = ['training'];
  const base = '/api/v1/training';

  app.get(`${base}/frameworks`, { schema: { tags } }, async (request) => listFrameworks({ db, actor: actorOf(request) }));
  app.post(`${base}/frameworks`, { schema: { tags, body: ZCreateFrameworkBody } }, async (request, reply) =>
    reply.status(201).send(await createFramework({ db, actor: actorOf(request) }, request.body)),
  );

  app.get(`${base}/programmes`, { schema: { tags, summary: 'Programme catalogue', querystring: ZCatalogueQuery } }, async (request) =>
    listProgrammes({ db, actor: actorOf(request) }, request.query),
  );
  app.post(`${base}/programmes`, { schema: { tags, body: ZCreateProgrammeBody } }, async (request, reply) =>
    reply.status(201).send(await createProgramme({ db, actor: actorOf(request) }, request.body)),
  );
  app.get(`${base}/programmes/:id`, { schema: { tags, params: ZIdParams } }, async (request) =>
    getProgramme({ db, actor: actorOf(request) }, request.params.id),
  );
  app.post(`${base}/programmes/:id/publish`, { schema: { tags, params: ZIdParams } }, async (request) =>
    publishProgramme({ db, actor: actorOf(request) }, request.params.id),
  );
  app.post(`${base}/programmes/:id/sessions`, { schema: { tags, params: ZIdParams, body: ZCreateSessionBody } }, async (request, reply) =>
    reply.status(201).send(await addSession({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );
  app.post(
    `${base}/programmes/:id/assignments`,
    { schema: { tags, params: ZIdParams, body: ZCreateAssignmentBody } },
    async (request, reply) => reply.status(201).send(await addAssignment({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );
  app.post(
    `${base}/programmes/:id/enrolments`,
    { schema: { tags, summary: 'Ask to join (self), into one cohort', params: ZIdParams, body: ZEnrolBody } },
    async (request, reply) =>
      reply.status(201).send(await enrol({ db, actor: actorOf(request) }, request.params.id, { cohortId: request.body?.cohortId })),
  );
  app.post(
    `${base}/programmes/:id/cohorts`,
    { schema: { tags, summary: 'Open another cohort', params: ZIdParams, body: ZCreateCohortBody } },
    async (request, reply) => reply.status(201).send(await addCohort({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );
  app.get(`${base}/programmes/:id/enrolments`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listEnrolments({ db, actor: actorOf(request) }, request.params.id),
  );
  app.get(`${base}/programmes/:id/submissions`, { schema: { tags, params: ZIdParams } }, async (request) =>
    listSubmissions({ db, actor: actorOf(request) }, request.params.id),
  );
  app.post(
    `${base}/programmes/:id/certify`,
    { schema: { tags, summary: 'Apply completion rules and issue certificates', params: ZIdParams } },
    async (request) => certifyProgramme({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(`${base}/enrolments/:id/decision`, { schema: { tags, params: ZIdParams, body: ZDecisionBody } }, async (request) =>
    organiserDecide({ db, actor: actorOf(request) }, request.params.id, request.body.decision),
  );
  app.post(`${base}/enrolments/:id/principal-decision`, { schema: { tags, params: ZIdParams, body: ZDecisionBody } }, async (request) =>
    principalDecide({ db, actor: actorOf(request) }, request.params.id, request.body.decision),
  );
  app.post(`${base}/enrolments/:id/withdraw`, { schema: { tags, params: ZIdParams } }, async (request) =>
    withdraw({ db, actor: actorOf(request) }, request.params.id),
  );
  app.get(`${base}/approvals`, { schema: { tags, summary: "Requests awaiting the principal's approval" } }, async (request) =>
    listPrincipalApprovals({ db, actor: actorOf(request) }),
  );

  app.get(
    `${base}/sessions/:id/qr`,
    { schema: { tags, summary: 'Current attendance QR (rotates every 30 s)', params: ZIdParams } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sessionQr({ db, actor: actorOf(request) }, request.params.id);
    },
  );
  app.post(`${base}/sessions/:id/check-in`, { schema: { tags, params: ZIdParams, body: ZCheckInBody } }, async (request) =>
    checkIn({ db, actor: actorOf(request) }, request.params.id, request.body.token),
  );
  app.post(`${base}/sessions/:id/roll-call`, { schema: { tags, params: ZIdParams, body: ZRollCallBody } }, async (request) =>
    rollCall({ db, actor: actorOf(request) }, request.params.id, request.body.entries),
  );
  app.get(`${base}/sessions/:id/attendance`, { schema: { tags, params: ZIdParams } }, async (request) =>
    sessionAttendance({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(`${base}/assignments/:id/submissions`, { schema: { tags, params: ZIdParams, body: ZSubmitBody } }, async (request, reply) =>
    reply.status(201).send(await submitAssignment({ db, actor: actorOf(request) }, request.params.id, request.body)),
  );
  app.post(
    `${base}/submissions/:id/files`,
    {
      schema: {
        tags,
        summary: 'Attach a file to my submission (multipart, field "file")',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('LIBRARY_FILE_MISSING');
      const ctx = { db, actor, blobs: opts.blobs, maxBytes: opts.maxUploadBytes };
      return reply.status(201).send(await addSubmissionFile(ctx, request.params.id, { filename: part.filename, stream: part.file }));
    },
  );
  app.get(`${base}/submissions/:id/files/:fileId`, { schema: { tags, params: ZSubmissionFileParams } }, async (request, reply) => {
    const file = await openSubmissionFile({ db, actor: actorOf(request), blobs: opts.blobs }, request.params.id, request.params.fileId);
    // Always a download: an uploaded file must never run as a page of this origin.
    return reply
      .header('content-type', file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType)
      .header('content-disposition', contentDisposition(file.filename, { type: 'attachment' }))
      .header('content-length', String(file.size))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
  app.post(`${base}/submissions/:id/review`, { schema: { tags, params: ZIdParams, body: ZReviewBody } }, async (request) =>
    reviewSubmission({ db, actor: actorOf(request) }, request.params.id, request.body),
  );

  app.get(`${base}/me/learning`, { schema: { tags } }, async (request) => myLearning({ db, actor: actorOf(request) }));
  app.get(`${base}/me/profile`, { schema: { tags } }, async (request) => myProfile({ db, actor: actorOf(request) }));
  app.post(`${base}/me/self-assessments`, { schema: { tags, body: ZSelfAssessmentBody } }, async (request, reply) =>
    reply.status(201).send(await addSelfAssessment({ db, actor: actorOf(request) }, request.body)),
  );
  app.get(`${base}/dashboard`, { schema: { tags, querystring: ZDashboardQuery } }, async (request) =>
    trainingDashboard({ db, actor: actorOf(request) }, request.query),
  );

  // Public credential endpoints (Open Badges 3.0 / VC-JWT).
  const ctags = ['credentials'];
  app.get('/api/v1/credentials/issuer', { schema: { tags: ctags, summary: 'Issuer profile with the node public key (JWK)' } }, async () =>
    issuerProfile(),
  );
  app.post(
    '/api/v1/credentials/verify',
    { schema: { tags: ctags, summary: 'Verify a presented VC-JWT', body: ZVerifyBody } },
    async (request) => verifyPresented(db, request.body.credential),
  );
  app.get('/api/v1/credentials/:id/verify', { schema: { tags: ctags, params: ZIdParams } }, async (request) =>
    verifyById(db, request.params.id),
  );
  app.get(
    '/api/v1/credentials/:id',
    { schema: { tags: ctags, summary: 'The credential (JSON download)', params: ZIdParams } },
    async (request, reply) => {
      const doc = await credentialDocument(db, request.params.id);
      reply.header('content-disposition', contentDisposition(`certificate-${doc.id}.json`));
      return doc;
    },
  );
  app.get('/api/v1/credentials/:id/pdf', { schema: { tags: ctags, params: ZIdParams } }, async (request, reply) => {
    const pdf = await credentialPdf(db, request.params.id, request.uiLanguage ?? 'zh-Hans');
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(`certificate-${request.params.id}.pdf`))
      .send(pdf);
  });
  app.post('/api/v1/credentials/:id/revoke', { schema: { tags: ctags, params: ZIdParams, body: ZRevokeBody } }, async (request) =>
    revokeCredential({ db, actor: actorOf(request) }, request.params.id, request.body.reason),
  );
};
