import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

const ROSTER = ['姓名,学号,班级,角色', '矩阵测试生,MX2026001,初一(1)班,学生'].join('\n');

/** How identity's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'identity',
  async setup(ctx) {
    const teacher = await ctx.userId('gd-teacher');
    const membership = await ctx.one(sql`select id from memberships where user_id = ${teacher} limit 1`);
    const dryRun = await ctx.upload<{ importId: string }>('gd-school-admin', `/api/v1/schools/${ctx.gd.schoolId}/roster-imports`, {
      name: 'roster.csv',
      data: ROSTER,
      type: 'text/csv',
    });
    return {
      values: { users: teacher, memberships: membership.id, 'roster-imports': dryRun.importId, schools: ctx.gd.schoolId },
      // Not the teacher's id: authors of shared resources are named on purpose.
      markers: [dryRun.importId, 'MX2026001'],
    };
  },
  routes: {
    'POST /api/v1/auth/login': { kind: 'public', why: 'signing in; a wrong or empty body gets 400/401, rate limited' },
    'POST /api/v1/auth/logout': { kind: 'signed-in-self', why: 'ends only the caller’s own session' },
    'POST /api/v1/auth/logout-all': { kind: 'signed-in-self', why: 'ends only the caller’s own sessions' },
    'GET /api/v1/me': { kind: 'signed-in-self' },
    'PATCH /api/v1/me': { kind: 'signed-in-self' },
    'POST /api/v1/me/password': { kind: 'signed-in-self' },
    'GET /api/v1/users': { kind: 'scoped-list', query: (v) => ({ schoolId: v.schools }) },
    'GET /api/v1/users/:id': { kind: 'scoped' },
    'POST /api/v1/users': {
      kind: 'scoped',
      body: (v) => ({
        role: 'teacher',
        jurisdictionId: v.gdJurisdiction,
        schoolId: v.schools,
        username: 'matrix-intruder',
        displayName: 'x',
      }),
    },
    'POST /api/v1/users/:id/reset-password': { kind: 'scoped' },
    'POST /api/v1/users/:id/unlock': { kind: 'scoped' },
    'POST /api/v1/users/:id/memberships': {
      kind: 'scoped',
      body: (v) => ({ role: 'school_admin', jurisdictionId: v.gdJurisdiction, schoolId: v.schools }),
    },
    'DELETE /api/v1/memberships/:id': { kind: 'scoped' },
    'POST /api/v1/api-clients': { kind: 'scoped', body: (v) => ({ name: 'intruder', schoolId: v.schools, scopes: ['xapi:read'] }) },
    'GET /api/v1/schools/:id/roster': { kind: 'scoped' },
    'POST /api/v1/schools/:id/roster-imports': { kind: 'scoped' },
    'POST /api/v1/roster-imports/:id/commit': { kind: 'scoped' },
    'GET /api/v1/roster-imports': { kind: 'scoped-list', query: (v) => ({ schoolId: v.schools }) },
  },
};
