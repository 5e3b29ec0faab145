import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How tenancy's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'tenancy',
  async setup(ctx) {
    const cls = await ctx.one(sql`select id from classes where school_id = ${ctx.gd.schoolId} limit 1`);
    return { values: { schools: ctx.gd.schoolId, gdJurisdiction: ctx.gd.jurisdictionId, gdClass: cls.id }, markers: [] };
  },
  routes: {
    'GET /api/v1/jurisdictions': { kind: 'public', why: 'the four jurisdictions every node knows; no personal data' },
    'GET /api/v1/authority-units': { kind: 'scoped-list' },
    'GET /api/v1/schools': { kind: 'scoped-list' },
    'GET /api/v1/schools/:id': {
      kind: 'public',
      why: 'school directory entry (names, place in the tree, stage), no people; the network module publishes the same',
    },
    'POST /api/v1/schools': { kind: 'scoped', body: (v) => ({ code: 'matrix-intruder', jurisdictionId: v.gdJurisdiction }) },
    'PATCH /api/v1/schools/:id': { kind: 'scoped' },
    'GET /api/v1/schools/:id/classes': { kind: 'scoped' },
    'POST /api/v1/schools/:id/classes': { kind: 'scoped' },
  },
};
