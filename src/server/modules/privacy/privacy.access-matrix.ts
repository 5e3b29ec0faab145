import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';
import { pupilPolicy, pupilsCsv } from './privacy.test-support.ts';

/**
 * How privacy's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). The GD data
 * steward owns a raw dataset of (invented) pupils, a queued release of it and a draft agreement with Macao.
 */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'privacy',
  async setup(ctx) {
    const dataset = await ctx.upload<{ id: string }>(
      'gd-steward',
      '/api/v1/privacy/datasets',
      { name: 'matrix-pupils.csv', data: pupilsCsv(30), type: 'text/csv' },
      { name: 'matrix-dataset-secret', category: 'assessment_results' },
    );
    const release = await ctx.call<{ id: string }>('gd-steward', 'POST', '/api/v1/privacy/releases', {
      datasetId: dataset.id,
      policy: pupilPolicy(5),
      objective: 'matrix-release-secret',
    });
    const mo = await ctx.one(sql`select id from jurisdictions where code = 'MO'`);
    const agreement = await ctx.call<{ id: string }>('gd-steward', 'POST', '/api/v1/privacy/agreements', {
      partnerJurisdictionId: mo.id,
      title: 'matrix-agreement-secret',
      purpose: 'x',
      legalBasis: 'x',
      category: 'assessment_results',
      datasetIds: [dataset.id],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const policy = await ctx.one(sql`select id from privacy_policies where jurisdiction_id = ${ctx.gd.jurisdictionId} limit 1`);
    return {
      values: { datasets: dataset.id, releases: release.id, agreements: agreement.id, policies: policy.id },
      markers: [dataset.id, release.id, agreement.id, 'matrix-dataset-secret', 'matrix-release-secret', 'matrix-agreement-secret'],
    };
  },
  routes: {
    'POST /api/v1/privacy/detect': {
      kind: 'signed-in-self',
      why: 'finds personal data in text the caller sends; stores nothing',
      body: () => ({ text: '陈一鸣 13800138000' }),
    },
    'GET /api/v1/privacy/policies': { kind: 'scoped-list' },
    'PUT /api/v1/privacy/policies/:id': {
      kind: 'scoped',
      body: () => ({
        egress: 'never',
        minK: 2,
        epsilonPerPeriod: 1,
        periodDays: 30,
        childMinK: 2,
        childEpsilonPerPeriod: 1,
        requiresPia: false,
        requiresFiling: false,
      }),
    },
    'POST /api/v1/privacy/datasets': { kind: 'scoped' },
    'GET /api/v1/privacy/datasets': { kind: 'scoped-list' },
    'GET /api/v1/privacy/datasets/:id': { kind: 'scoped' },
    'GET /api/v1/privacy/datasets/:id/preview': { kind: 'scoped' },
    'POST /api/v1/privacy/releases': {
      kind: 'scoped',
      body: (v) => ({ datasetId: v.datasets, policy: pupilPolicy(5), objective: 'intruder' }),
    },
    'GET /api/v1/privacy/releases': { kind: 'scoped-list' },
    'GET /api/v1/privacy/releases/:id': { kind: 'scoped' },
    'GET /api/v1/privacy/releases/:id/preview': { kind: 'scoped' },
    'POST /api/v1/privacy/releases/:id/approve': { kind: 'scoped' },
    'GET /api/v1/privacy/releases/:id/download': { kind: 'scoped' },
    'GET /api/v1/privacy/agreements': { kind: 'scoped-list' },
    'POST /api/v1/privacy/agreements': { kind: 'scoped' },
    'GET /api/v1/privacy/agreements/:id': { kind: 'scoped' },
    'GET /api/v1/privacy/agreements/:id/outputs': { kind: 'scoped' },
    'POST /api/v1/privacy/agreements/:id/approve': { kind: 'scoped' },
    'POST /api/v1/privacy/agreements/:id/revoke': { kind: 'scoped' },
    'POST /api/v1/privacy/agreements/:id/queries': {
      kind: 'scoped',
      body: (v) => ({ kind: 'count', datasetId: v.datasets, epsilon: 0.1 }),
    },
  },
};
