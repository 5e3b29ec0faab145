import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How growth's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'growth',
  // Owner rows: the GD demo pupil's growth record and evidence (gd-student is that pupil: see `allow`).
  async setup(ctx) {
    const student = await ctx.userId('gd-student');
    const record = await ctx.one(sql`select id, class_id from growth_records where student_id = ${student} limit 1`);
    const evidence = await ctx.one(sql`select id from growth_evidence where student_id = ${student} order by id limit 1`);
    const framework = await ctx.one(sql`select id from growth_frameworks where jurisdiction_id = ${ctx.gd.jurisdictionId} limit 1`);
    return {
      values: {
        records: record.id,
        evidence: evidence.id,
        attachments: evidence.id,
        objections: evidence.id,
        classes: record.class_id,
        students: student,
        frameworks: framework.id,
        jurisdictions: ctx.gd.jurisdictionId,
        schools: ctx.gd.schoolId,
      },
      markers: [record.id, evidence.id],
    };
  },
  routes: {
    'GET /api/v1/growth/frameworks': { kind: 'scoped-list' },
    'GET /api/v1/growth/frameworks/:id': {
      kind: 'scoped-list',
      why: 'reference data (a jurisdiction’s framework, no people) every signed-in user may read',
    },
    'GET /api/v1/growth/jurisdictions/:id/frameworks': {
      kind: 'scoped-list',
      why: 'reference data (a jurisdiction’s framework, no people) every signed-in user may read',
    },
    'PUT /api/v1/growth/jurisdictions/:id/framework': { kind: 'scoped' },
    'GET /api/v1/growth/jurisdictions/:id/xapi-rules': {
      kind: 'scoped-list',
      why: 'reference data (a jurisdiction’s framework, no people) every signed-in user may read',
    },
    'PUT /api/v1/growth/jurisdictions/:id/xapi-rules': { kind: 'scoped' },
    'GET /api/v1/growth/schools/:id/terms': { kind: 'scoped', allow: ['gd-student'], why: 'pupils see their own school’s terms' },
    'POST /api/v1/growth/schools/:id/terms': { kind: 'scoped' },
    'GET /api/v1/growth/me': { kind: 'signed-in-self', allow: ['gd-student'], why: 'gd-student is the pupil whose record this is' },
    'GET /api/v1/growth/my-classes': { kind: 'signed-in-self' },
    'GET /api/v1/growth/records/:id': { kind: 'scoped', allow: ['gd-student'], why: 'gd-student is the pupil whose record this is' },
    'GET /api/v1/growth/records/:id/report.pdf': {
      kind: 'scoped',
      allow: ['gd-student'],
      why: 'gd-student is the pupil whose record this is',
    },
    'POST /api/v1/growth/records/:id/selection': { kind: 'scoped' },
    'POST /api/v1/growth/records/:id/reopen': { kind: 'scoped' },
    'POST /api/v1/growth/records/:id/confirm': { kind: 'scoped' },
    'POST /api/v1/growth/records/:id/sign': { kind: 'scoped' },
    'GET /api/v1/growth/students/:id/over-terms': {
      kind: 'scoped',
      allow: ['gd-student'],
      why: 'gd-student is the pupil whose record this is',
    },
    'POST /api/v1/growth/evidence': { kind: 'scoped' },
    'PATCH /api/v1/growth/evidence/:id': { kind: 'scoped', allow: ['gd-student'], why: 'gd-student is the pupil whose record this is' },
    'DELETE /api/v1/growth/evidence/:id': { kind: 'scoped', allow: ['gd-student'], why: 'gd-student is the pupil whose record this is' },
    'POST /api/v1/growth/evidence/:id/review': { kind: 'scoped' },
    'POST /api/v1/growth/evidence/:id/peer-response': { kind: 'scoped' },
    'POST /api/v1/growth/evidence/:id/attachments': { kind: 'scoped' },
    'GET /api/v1/growth/attachments/:id': { kind: 'scoped' },
    'GET /api/v1/growth/review-queue': { kind: 'scoped-list' },
    'POST /api/v1/growth/classes/:id/publicity': { kind: 'scoped' },
    'GET /api/v1/growth/classes/:id/publicity': { kind: 'scoped' },
    'GET /api/v1/growth/classes/:id/overview': { kind: 'scoped' },
    'POST /api/v1/growth/classes/:id/sign': { kind: 'scoped' },
    'GET /api/v1/growth/objections': { kind: 'scoped-list' },
    'POST /api/v1/growth/objections': { kind: 'scoped' },
    'POST /api/v1/growth/objections/:id/resolve': { kind: 'scoped' },
    'GET /api/v1/growth/schools/:id/distribution': { kind: 'scoped' },
    'GET /api/v1/growth/aggregates': { kind: 'scoped-list' },
    'POST /api/v1/growth/schools/:id/xapi-import': { kind: 'scoped' },
  },
};
