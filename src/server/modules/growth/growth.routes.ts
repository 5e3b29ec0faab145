import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import {
  GROWTH_OBJECTION_STATUSES,
  ZAggregatesQuery,
  ZCreateEvidenceBody,
  ZCreateTermBody,
  ZOpenPublicityBody,
  ZOptionalTermQuery,
  ZPeerResponseBody,
  ZRaiseObjectionBody,
  ZResolveObjectionBody,
  ZReviewBody,
  ZReviewQueueQuery,
  ZSelectionBody,
  ZTermQuery,
  ZUpdateEvidenceBody,
  ZUpdateFrameworkBody,
  ZXapiRulesBody,
} from '../../../shared/api/growth.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import {
  addAttachment,
  ATTACHMENT_MAX_BYTES,
  createEvidence,
  deleteEvidence,
  readAttachment,
  respondToPeerEvidence,
  reviewEvidence,
  updateEvidence,
} from './growth.evidence.service.ts';
import {
  getCurrentFramework,
  getFramework,
  listFrameworkVersions,
  seedGrowthFrameworks,
  updateFramework,
} from './growth.frameworks.service.ts';
import { termReportPdf } from './growth.reports.service.ts';
import {
  confirmRecord,
  openPublicity,
  publicityBoard,
  raiseObjection,
  reopenSelection,
  resolveObjection,
  signClass,
  signRecord,
  submitSelection,
} from './growth.stages.service.ts';
import { createTerm, listTerms } from './growth.terms.service.ts';
import {
  bureauAggregates,
  classOverview,
  growthOverTerms,
  listObjections,
  myClasses,
  myRecord,
  recordDetail,
  reviewQueue,
  schoolDistribution,
} from './growth.views.service.ts';
import { importXapiForSchool } from './growth.xapi.ts';
import { listXapiRules, replaceXapiRules } from './growth.xapi-rules.service.ts';

const P = '/api/v1/growth';
const tags = ['growth'];

/**
 * Growth record routes (docs/growth.md): parse with the shared zod schemas, take the actor, one service
 * call. The default frameworks are seeded when the app starts (idempotent), like the jurisdictions.
 */
export const growthRoutes: FastifyPluginAsyncZod<{ db: Db; blobs: BlobStore }> = async (app, { db, blobs }) => {
  app.addHook('onReady', async () => {
    await seedGrowthFrameworks(db);
  });
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ db, actor: actorOf(request) });

  // Frameworks
  app.get(
    `${P}/frameworks`,
    { schema: { tags, summary: 'Current framework of a jurisdiction', querystring: z.object({ jurisdictionId: ZId }) } },
    async (request) => {
      actorOf(request);
      return getCurrentFramework({ db }, request.query.jurisdictionId);
    },
  );
  app.get(`${P}/frameworks/:id`, { schema: { tags, summary: 'One framework version', params: ZIdParams } }, async (request) => {
    actorOf(request);
    return getFramework({ db }, request.params.id);
  });
  app.get(
    `${P}/jurisdictions/:id/frameworks`,
    { schema: { tags, summary: 'All framework versions', params: ZIdParams } },
    async (request) => {
      actorOf(request);
      return listFrameworkVersions({ db }, request.params.id);
    },
  );
  app.put(
    `${P}/jurisdictions/:id/framework`,
    {
      schema: {
        tags,
        summary: 'Save an edited framework as a new version',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZUpdateFrameworkBody,
      },
    },
    async (request) => {
      const version = request.headers['if-match'];
      if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
      return updateFramework(ctx(request), request.params.id, version, request.body);
    },
  );
  app.get(`${P}/jurisdictions/:id/xapi-rules`, { schema: { tags, params: ZIdParams } }, async (request) => {
    actorOf(request);
    return listXapiRules({ db }, request.params.id);
  });
  app.put(`${P}/jurisdictions/:id/xapi-rules`, { schema: { tags, params: ZIdParams, body: ZXapiRulesBody } }, async (request) =>
    replaceXapiRules(ctx(request), request.params.id, request.body.rules),
  );

  // Terms
  app.get(`${P}/schools/:id/terms`, { schema: { tags, params: ZIdParams } }, async (request) => listTerms(ctx(request), request.params.id));
  app.post(`${P}/schools/:id/terms`, { schema: { tags, params: ZIdParams, body: ZCreateTermBody } }, async (request, reply) =>
    reply.status(201).send(await createTerm(ctx(request), request.params.id, request.body)),
  );

  // Records
  app.get(`${P}/me`, { schema: { tags, summary: "The signed-in student's record", querystring: ZOptionalTermQuery } }, async (request) =>
    myRecord(ctx(request), request.query.termId),
  );
  app.get(`${P}/my-classes`, { schema: { tags, summary: "A teacher's or principal's classes and terms" } }, async (request) =>
    myClasses(ctx(request)),
  );
  app.get(`${P}/records/:id`, { schema: { tags, params: ZIdParams } }, async (request) => recordDetail(ctx(request), request.params.id));
  app.get(
    `${P}/records/:id/report.pdf`,
    { schema: { tags, summary: 'Printable term report (PDF)', params: ZIdParams } },
    async (request, reply) => {
      const { pdf, filename } = await termReportPdf(ctx(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.post(
    `${P}/records/:id/selection`,
    { schema: { tags, summary: 'Stage 3: hand in the selection', params: ZIdParams, body: ZSelectionBody } },
    async (request) => submitSelection(ctx(request), request.params.id, request.body.evidenceIds),
  );
  app.post(`${P}/records/:id/reopen`, { schema: { tags, params: ZIdParams } }, async (request) =>
    reopenSelection(ctx(request), request.params.id),
  );
  app.post(
    `${P}/records/:id/confirm`,
    { schema: { tags, summary: 'The student confirms after publicity', params: ZIdParams } },
    async (request) => confirmRecord(ctx(request), request.params.id),
  );
  app.post(
    `${P}/records/:id/sign`,
    { schema: { tags, summary: 'Class teacher, then principal, signs', params: ZIdParams } },
    async (request) => signRecord(ctx(request), request.params.id),
  );
  app.get(`${P}/students/:id/over-terms`, { schema: { tags, params: ZIdParams } }, async (request) =>
    growthOverTerms(ctx(request), request.params.id),
  );

  // Evidence
  app.post(`${P}/evidence`, { schema: { tags, summary: 'Add a written record', body: ZCreateEvidenceBody } }, async (request, reply) =>
    reply.status(201).send(await createEvidence(ctx(request), request.body)),
  );
  app.patch(`${P}/evidence/:id`, { schema: { tags, params: ZIdParams, headers: ZIfMatch, body: ZUpdateEvidenceBody } }, async (request) =>
    updateEvidence(ctx(request), request.params.id, request.headers['if-match'], request.body),
  );
  app.delete(`${P}/evidence/:id`, { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteEvidence(ctx(request), request.params.id);
    return reply.status(204).send();
  });
  app.post(
    `${P}/evidence/:id/review`,
    { schema: { tags, summary: 'Stage 2: teacher review', params: ZIdParams, body: ZReviewBody } },
    async (request) => reviewEvidence(ctx(request), request.params.id, request.body.decision, request.body.comment),
  );
  app.post(`${P}/evidence/:id/peer-response`, { schema: { tags, params: ZIdParams, body: ZPeerResponseBody } }, async (request, reply) => {
    await respondToPeerEvidence(ctx(request), request.params.id, request.body.accept);
    return reply.status(204).send();
  });
  app.post(
    `${P}/evidence/:id/attachments`,
    { schema: { tags, summary: 'Attach a photo or certificate (image or PDF)', params: ZIdParams, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const c = ctx(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES } });
      if (!part) throw new AppError('VALIDATION_FAILED');
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
      return reply.status(201).send(await addAttachment({ ...c, blobs }, request.params.id, { filename: part.filename, data }));
    },
  );
  app.get(`${P}/attachments/:id`, { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const file = await readAttachment({ ...ctx(request), blobs }, request.params.id);
    return reply
      .type(file.contentType)
      .header('content-disposition', `inline; filename="${encodeURIComponent(file.filename)}"`)
      .header('cache-control', 'private, no-store')
      .send(file.data);
  });
  app.get(
    `${P}/review-queue`,
    { schema: { tags, summary: 'Entries waiting for review', querystring: ZReviewQueueQuery } },
    async (request) => reviewQueue(ctx(request), request.query),
  );

  // Publicity and objections
  app.post(
    `${P}/classes/:id/publicity`,
    { schema: { tags, summary: 'Stage 4: open the publicity window', params: ZIdParams, body: ZOpenPublicityBody } },
    async (request) => openPublicity(ctx(request), request.params.id, request.body.termId, request.body.workingDays),
  );
  app.get(`${P}/classes/:id/publicity`, { schema: { tags, params: ZIdParams, querystring: ZTermQuery } }, async (request) =>
    publicityBoard(ctx(request), request.params.id, request.query.termId),
  );
  app.get(`${P}/classes/:id/overview`, { schema: { tags, params: ZIdParams, querystring: ZTermQuery } }, async (request) =>
    classOverview(ctx(request), request.params.id, request.query.termId),
  );
  app.post(
    `${P}/classes/:id/sign`,
    { schema: { tags, summary: 'Sign every ready record of a class', params: ZIdParams, body: ZTermQuery } },
    async (request) => signClass(ctx(request), request.params.id, request.body.termId),
  );
  app.get(
    `${P}/objections`,
    { schema: { tags, querystring: z.object({ status: z.enum(GROWTH_OBJECTION_STATUSES).optional() }) } },
    async (request) => listObjections(ctx(request), request.query),
  );
  app.post(`${P}/objections`, { schema: { tags, body: ZRaiseObjectionBody } }, async (request, reply) =>
    reply.status(201).send(await raiseObjection(ctx(request), request.body.evidenceId, request.body.reason)),
  );
  app.post(`${P}/objections/:id/resolve`, { schema: { tags, params: ZIdParams, body: ZResolveObjectionBody } }, async (request) =>
    resolveObjection(ctx(request), request.params.id, request.body.decision, request.body.reason),
  );

  // Views for the school and the bureau
  app.get(`${P}/schools/:id/distribution`, { schema: { tags, params: ZIdParams, querystring: ZTermQuery } }, async (request) =>
    schoolDistribution(ctx(request), request.params.id, request.query.termId),
  );
  app.get(
    `${P}/aggregates`,
    { schema: { tags, summary: 'Schools × dimensions, small cells withheld', querystring: ZAggregatesQuery } },
    async (request) => bureauAggregates(ctx(request), request.query),
  );
  app.post(
    `${P}/schools/:id/xapi-import`,
    { schema: { tags, summary: 'Turn new xAPI statements into evidence', params: ZIdParams } },
    async (request) => importXapiForSchool(ctx(request), request.params.id),
  );
};
