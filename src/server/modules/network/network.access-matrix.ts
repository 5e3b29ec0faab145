import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How network's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'network',
  // Owner rows: a project only GD is in, the GD mentorship; the GD–HK pair is with another HK school.
  async setup(ctx) {
    const project = await ctx.call<{ id: string }>('gd-teacher', 'POST', '/api/v1/network/projects', {
      title: 'matrix-project-secret',
      question: 'matrix',
    });
    const pair = await ctx.one(sql`select id from network_pairs where school_a_id = ${ctx.gd.schoolId} limit 1`);
    const exchange = await ctx.one(sql`select id from network_exchanges where pair_id = ${pair.id} limit 1`);
    const mentorship = await ctx.one(sql`select id, expert_id from network_mentorships where school_id = ${ctx.gd.schoolId} limit 1`);
    const base = `/api/v1/network/projects/${project.id}`;
    const task = await ctx.call<{ id: string }>('gd-teacher', 'POST', `${base}/tasks`, { title: 'matrix-task-secret' });
    await ctx.call('gd-teacher', 'POST', `${base}/threads`, { title: 'matrix-thread-secret', body: 'x' });
    const thread = await ctx.one(sql`select id from network_threads where project_id = ${project.id}`);
    await ctx.call('gd-teacher', 'POST', `/api/v1/network/mentorships/${mentorship.id}/log`, {
      on: '2026-11-01',
      minutes: 30,
      note: 'matrix-mentoring-secret',
    });
    return {
      values: {
        projects: project.id,
        pairs: pair.id,
        exchanges: exchange.id,
        photos: exchange.id,
        mentorships: mentorship.id,
        experts: mentorship.expert_id,
        tasks: task.id,
        threads: thread.id,
        schools: ctx.gd.schoolId,
      },
      // Not the mentorship: the expert registry shows which schools an expert mentors; its log stays private.
      markers: [
        project.id,
        'matrix-project-secret',
        pair.id,
        exchange.id,
        'matrix-task-secret',
        'matrix-thread-secret',
        'matrix-mentoring-secret',
      ],
    };
  },
  routes: {
    'GET /api/v1/network/schools': { kind: 'scoped-list' },
    'GET /api/v1/network/schools/:id': {
      kind: 'public',
      why: 'the partner-finding directory: a school’s public profile (interests, labs, contacts it chose to list)',
    },
    'PUT /api/v1/network/schools/:id': { kind: 'scoped' },
    'GET /api/v1/network/suggestions': { kind: 'scoped-list' },
    'GET /api/v1/network/pairs': { kind: 'scoped-list' },
    'POST /api/v1/network/pairs': { kind: 'scoped' },
    'GET /api/v1/network/pairs/:id': { kind: 'scoped' },
    'POST /api/v1/network/pairs/:id/decision': { kind: 'scoped' },
    'GET /api/v1/network/pairs/:id/exchanges': { kind: 'scoped' },
    'POST /api/v1/network/pairs/:id/exchanges': { kind: 'scoped' },
    'GET /api/v1/network/pairs/:id/summary': { kind: 'scoped' },
    'PUT /api/v1/network/exchanges/:id/reflection': { kind: 'scoped' },
    'POST /api/v1/network/exchanges/:id/photos': { kind: 'scoped' },
    'GET /api/v1/network/photos/:id': { kind: 'scoped' },
    'GET /api/v1/network/projects': { kind: 'scoped-list' },
    'POST /api/v1/network/projects': { kind: 'scoped' },
    'GET /api/v1/network/projects/:id': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/members': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/milestones': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/tasks': { kind: 'scoped' },
    'PUT /api/v1/network/tasks/:id/status': { kind: 'scoped' },
    'GET /api/v1/network/projects/:id/threads': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/threads': { kind: 'scoped' },
    'POST /api/v1/network/threads/:id/posts': { kind: 'scoped' },
    'GET /api/v1/network/projects/:id/documents': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/documents': { kind: 'scoped' },
    'POST /api/v1/network/projects/:id/publish': { kind: 'scoped' },
    'GET /api/v1/network/experts': { kind: 'scoped-list' },
    'POST /api/v1/network/experts': { kind: 'scoped' },
    'POST /api/v1/network/experts/:id/mentorships': { kind: 'scoped' },
    'POST /api/v1/network/experts/:id/lectures': { kind: 'scoped' },
    'GET /api/v1/network/mentorships/:id/log': { kind: 'scoped' },
    'POST /api/v1/network/mentorships/:id/log': { kind: 'scoped' },
  },
};
