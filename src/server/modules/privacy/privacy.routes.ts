import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCursor, ZIdParams, ZIfMatch, ZLimit } from '../../../shared/api/common.ts';
import {
  ZApproveReleaseBody,
  ZCreateAgreementBody,
  ZCreateReleaseBody,
  ZDetectBody,
  ZDpQueryBody,
  ZListPoliciesQuery,
  ZPolicyBody,
  ZUploadFields,
} from '../../../shared/api/privacy.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import {
  approveAgreement,
  createAgreement,
  getAgreement,
  listAgreementOutputs,
  listAgreements,
  revokeAgreement,
} from './privacy.agreements.service.ts';
import { getDataset, listDatasets, previewDataset, uploadDataset } from './privacy.datasets.service.ts';
import { seedPrivacyPolicies } from './privacy.defaults.ts';
import { runDpQuery } from './privacy.dp.service.ts';
import { configurePrivacyKeys } from './privacy.keys.ts';
import { listPolicies, updatePolicy } from './privacy.policies.service.ts';
import { approveRelease, createRelease, downloadRelease, getRelease, listReleases, previewRelease } from './privacy.releases.service.ts';
import { detectText } from './privacy.service.ts';

const tags = ['privacy'];

/**
 * /api/v1/privacy: policies, datasets, de-identification releases, sharing agreements, DP queries and
 * free-text detection. Registering it also derives the module's keys from the session secret and seeds
 * the default policies (idempotent) once the app is ready.
 */
export const privacyRoutes: FastifyPluginAsyncZod<{ db: Db; sessionSecret: string }> = async (app, { db, sessionSecret }) => {
  configurePrivacyKeys(sessionSecret);
  app.addHook('onReady', async () => {
    await seedPrivacyPolicies(db);
  });

  app.post(
    '/api/v1/privacy/detect',
    { schema: { tags, summary: 'Find personal data in text and redact it', body: ZDetectBody } },
    async (request) => detectText({ actor: request.actor }, request.body),
  );

  app.get('/api/v1/privacy/policies', { schema: { tags, querystring: ZListPoliciesQuery } }, async (request) =>
    listPolicies({ db, actor: actorOf(request) }, request.query),
  );

  app.put(
    '/api/v1/privacy/policies/:id',
    { schema: { tags, params: ZIdParams, headers: ZIfMatch, body: ZPolicyBody } },
    async (request) => {
      const version = request.headers['if-match'];
      if (version === undefined) throw new AppError('PRECONDITION_REQUIRED');
      return updatePolicy({ db, actor: actorOf(request) }, request.params.id, version, request.body);
    },
  );

  app.post(
    '/api/v1/privacy/datasets',
    { schema: { tags, summary: 'Upload a table (CSV, XLSX, JSONL) and profile it', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let file: { filename: string; data: Buffer } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (!file) file = { filename: part.filename || 'upload.csv', data };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw new AppError('PRIVACY_FILE_MISSING');
      const parsed = ZUploadFields.safeParse({ ...fields, name: fields.name || file.filename });
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          errors: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, code: 'invalid', message: i.message })),
        });
      }
      return reply.status(201).send(await uploadDataset({ db, actor }, file, parsed.data));
    },
  );

  app.get(
    '/api/v1/privacy/datasets',
    { schema: { tags, querystring: z.object({ kind: z.enum(['raw', 'deidentified']).optional(), limit: ZLimit, cursor: ZCursor }) } },
    async (request) => listDatasets({ db, actor: actorOf(request) }, request.query),
  );

  app.get('/api/v1/privacy/datasets/:id', { schema: { tags, params: ZIdParams } }, async (request) =>
    getDataset({ db, actor: actorOf(request) }, request.params.id),
  );

  app.get('/api/v1/privacy/datasets/:id/preview', { schema: { tags, params: ZIdParams } }, async (request) =>
    previewDataset({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/v1/privacy/releases',
    { schema: { tags, summary: 'Run a de-identification job', body: ZCreateReleaseBody } },
    async (request, reply) => reply.status(202).send(await createRelease({ db, actor: actorOf(request) }, request.body)),
  );

  app.get(
    '/api/v1/privacy/releases',
    { schema: { tags, querystring: z.object({ datasetId: z.uuid().optional(), agreementId: z.uuid().optional() }) } },
    async (request) => listReleases({ db, actor: actorOf(request) }, request.query),
  );

  app.get('/api/v1/privacy/releases/:id', { schema: { tags, params: ZIdParams } }, async (request) =>
    getRelease({ db, actor: actorOf(request) }, request.params.id),
  );

  app.get('/api/v1/privacy/releases/:id/preview', { schema: { tags, params: ZIdParams } }, async (request) =>
    previewRelease({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post('/api/v1/privacy/releases/:id/approve', { schema: { tags, params: ZIdParams, body: ZApproveReleaseBody } }, async (request) =>
    approveRelease({ db, actor: actorOf(request) }, request.params.id, request.body.note),
  );

  app.get('/api/v1/privacy/releases/:id/download', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const file = await downloadRelease({ db, actor: actorOf(request) }, request.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.bytes);
  });

  app.get('/api/v1/privacy/agreements', { schema: { tags } }, async (request) => listAgreements({ db, actor: actorOf(request) }));

  app.post('/api/v1/privacy/agreements', { schema: { tags, body: ZCreateAgreementBody } }, async (request, reply) =>
    reply.status(201).send(await createAgreement({ db, actor: actorOf(request) }, request.body)),
  );

  app.get('/api/v1/privacy/agreements/:id', { schema: { tags, params: ZIdParams } }, async (request) =>
    getAgreement({ db, actor: actorOf(request) }, request.params.id),
  );

  app.get(
    '/api/v1/privacy/agreements/:id/outputs',
    { schema: { tags, summary: 'Approved de-identified outputs the parties may download', params: ZIdParams } },
    async (request) => listAgreementOutputs({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post('/api/v1/privacy/agreements/:id/approve', { schema: { tags, params: ZIdParams } }, async (request) =>
    approveAgreement({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post('/api/v1/privacy/agreements/:id/revoke', { schema: { tags, params: ZIdParams } }, async (request) =>
    revokeAgreement({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/v1/privacy/agreements/:id/queries',
    {
      schema: {
        tags,
        summary: 'A differentially private query, charged to the agreement’s ε budget',
        params: ZIdParams,
        body: ZDpQueryBody,
      },
    },
    async (request) => runDpQuery({ db, actor: actorOf(request) }, request.params.id, request.body),
  );
};
