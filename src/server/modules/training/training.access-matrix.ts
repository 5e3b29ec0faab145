import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How training's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'training',
  // Owner rows: the GD teacher's enrolment (and its attendance) in a GD bureau programme, and a submission.
  async setup(ctx) {
    const teacher = await ctx.userId('gd-teacher');
    const enrolment = await ctx.one(sql`select id, programme_id from training_enrolments where user_id = ${teacher} limit 1`);
    const session = await ctx.one(sql`select id from training_sessions where programme_id = ${enrolment.programme_id} limit 1`);
    const assignment = await ctx.one(sql`select id from training_assignments where programme_id = ${enrolment.programme_id} limit 1`);
    const submission = await ctx.call<{ id: string }>('gd-teacher', 'POST', `/api/v1/training/assignments/${assignment.id}/submissions`, {
      text: 'matrix-submission-secret',
    });
    const file = await ctx.upload<{ id: string }>('gd-teacher', `/api/v1/training/submissions/${submission.id}/files`, {
      name: 'matrix.txt',
      data: 'matrix-training-file',
      type: 'text/plain',
    });
    return {
      values: {
        programmes: enrolment.programme_id,
        enrolments: enrolment.id,
        sessions: session.id,
        assignments: assignment.id,
        submissions: submission.id,
        files: file.id,
        credentials: enrolment.id,
      },
      markers: [enrolment.id, submission.id, file.id, 'matrix-submission-secret'],
    };
  },
  routes: {
    'GET /api/v1/training/frameworks': { kind: 'scoped-list' },
    'POST /api/v1/training/frameworks': { kind: 'scoped' },
    'GET /api/v1/training/programmes': { kind: 'scoped-list' },
    'POST /api/v1/training/programmes': { kind: 'scoped' },
    'GET /api/v1/training/programmes/:id': {
      kind: 'scoped-list',
      why: 'a published Bay Area programme is open to teachers of every jurisdiction; its enrolments are not',
    },
    'POST /api/v1/training/programmes/:id/publish': { kind: 'scoped' },
    'POST /api/v1/training/programmes/:id/sessions': { kind: 'scoped' },
    'POST /api/v1/training/programmes/:id/assignments': { kind: 'scoped' },
    'POST /api/v1/training/programmes/:id/enrolments': {
      kind: 'signed-in-self',
      why: 'any teacher may enrol themselves in a Bay Area programme; the enrolment is their own row',
    },
    'POST /api/v1/training/programmes/:id/cohorts': { kind: 'scoped' },
    'GET /api/v1/training/programmes/:id/enrolments': { kind: 'scoped' },
    'GET /api/v1/training/programmes/:id/submissions': { kind: 'scoped' },
    'POST /api/v1/training/programmes/:id/certify': { kind: 'scoped' },
    'POST /api/v1/training/enrolments/:id/decision': { kind: 'scoped' },
    'POST /api/v1/training/enrolments/:id/principal-decision': { kind: 'scoped' },
    'POST /api/v1/training/enrolments/:id/withdraw': { kind: 'scoped' },
    'GET /api/v1/training/approvals': { kind: 'scoped-list' },
    'GET /api/v1/training/sessions/:id/qr': { kind: 'scoped' },
    'POST /api/v1/training/sessions/:id/check-in': { kind: 'scoped' },
    'POST /api/v1/training/sessions/:id/roll-call': { kind: 'scoped' },
    'GET /api/v1/training/sessions/:id/attendance': { kind: 'scoped' },
    'POST /api/v1/training/assignments/:id/submissions': { kind: 'scoped' },
    'POST /api/v1/training/submissions/:id/files': { kind: 'scoped' },
    'GET /api/v1/training/submissions/:id/files/:fileId': { kind: 'scoped' },
    'POST /api/v1/training/submissions/:id/review': { kind: 'scoped' },
    'GET /api/v1/training/me/learning': { kind: 'signed-in-self' },
    'GET /api/v1/training/me/profile': { kind: 'signed-in-self' },
    'POST /api/v1/training/me/self-assessments': { kind: 'signed-in-self' },
    'GET /api/v1/training/dashboard': { kind: 'scoped-list' },
    'GET /api/v1/credentials/issuer': { kind: 'scoped-list' },
    'POST /api/v1/credentials/verify': { kind: 'scoped' },
    'GET /api/v1/credentials/:id/verify': { kind: 'scoped' },
    'GET /api/v1/credentials/:id': { kind: 'scoped' },
    'GET /api/v1/credentials/:id/pdf': { kind: 'scoped' },
    'POST /api/v1/credentials/:id/revoke': { kind: 'scoped' },
  },
};
