import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How courses's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'courses',
  // Owner rows: the GD teacher's draft course (units, lessons, members, invitations).
  async setup(ctx) {
    const teacher = await ctx.userId('gd-teacher');
    // A new course with only its owner: the demo course has HK, MO and HB co-authors on purpose.
    const course = await ctx.call<{ id: string }>('gd-teacher', 'POST', '/api/v1/courses', {
      title: 'matrix-course-secret',
      language: 'zh-Hans',
      gradeBand: 'junior',
    });
    const base = `/api/v1/courses/${course.id}`;
    const unit = await ctx.call<{ id: string }>('gd-teacher', 'POST', `${base}/units`, { title: 'matrix-unit' });
    const lesson = await ctx.call<{ id: string }>('gd-teacher', 'POST', `${base}/lessons`, {
      title: 'matrix-lesson-secret',
      unitId: unit.id,
    });
    await ctx.call('gd-teacher', 'POST', `${base}/invitations`, {
      role: 'reviewer',
      username: 'gd-principal',
    });
    const invitation = await ctx.one(sql`select id from course_invitations where course_id = ${course.id}`);
    return {
      values: {
        courses: course.id,
        units: unit.id,
        lessons: lesson.id,
        invitations: invitation.id,
        members: teacher,
        files: 'a'.repeat(64),
      },
      markers: [course.id, unit.id, lesson.id, invitation.id, 'matrix-course-secret', 'matrix-lesson-secret'],
    };
  },
  routes: {
    'GET /api/v1/courses': { kind: 'scoped-list' },
    'POST /api/v1/courses': { kind: 'scoped' },
    'GET /api/v1/courses/invitations': { kind: 'scoped-list' },
    'GET /api/v1/courses/visible': { kind: 'scoped-list' },
    'POST /api/v1/courses/invitations/:id/decision': { kind: 'scoped' },
    'GET /api/v1/courses/:id': { kind: 'scoped' },
    'PATCH /api/v1/courses/:id': { kind: 'scoped' },
    'DELETE /api/v1/courses/:id': { kind: 'scoped' },
    'POST /api/v1/courses/:id/units': { kind: 'scoped' },
    'PATCH /api/v1/courses/:id/units/:unitId': { kind: 'scoped' },
    'DELETE /api/v1/courses/:id/units/:unitId': { kind: 'scoped' },
    'PUT /api/v1/courses/:id/outline': { kind: 'scoped' },
    'POST /api/v1/courses/:id/lessons': { kind: 'scoped' },
    'GET /api/v1/courses/:id/lessons/:lessonId': { kind: 'scoped' },
    'PATCH /api/v1/courses/:id/lessons/:lessonId': { kind: 'scoped' },
    'PUT /api/v1/courses/:id/lessons/:lessonId/body': { kind: 'scoped' },
    'DELETE /api/v1/courses/:id/lessons/:lessonId': { kind: 'scoped' },
    'POST /api/v1/courses/:id/lessons/:lessonId/files': { kind: 'scoped' },
    'GET /api/v1/courses/:id/lessons/:lessonId/files/:sha256': { kind: 'scoped' },
    'DELETE /api/v1/courses/:id/lessons/:lessonId/files/:sha256': { kind: 'scoped' },
    'POST /api/v1/courses/:id/invitations': { kind: 'scoped' },
    'GET /api/v1/courses/:id/invitations': { kind: 'scoped' },
    'DELETE /api/v1/courses/:id/members/:userId': { kind: 'scoped' },
    'POST /api/v1/courses/:id/editions': { kind: 'scoped' },
    'POST /api/v1/courses/:id/fork': { kind: 'scoped' },
    'GET /api/v1/courses/:id/fork/diff': { kind: 'scoped' },
    'POST /api/v1/courses/:id/fork/pull': { kind: 'scoped' },
    'GET /api/v1/courses/progression': { kind: 'scoped-list' },
    'POST /api/v1/courses/:id/publish': { kind: 'scoped' },
    'GET /api/v1/courses/:id/export.imscc': { kind: 'scoped' },
    'POST /api/v1/courses/import': { kind: 'scoped' },
  },
};
