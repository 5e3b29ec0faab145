import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How contests's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'contests',
  // Owner rows: GD demo entries (pupils of the GD school) in a GD district contest, and the GD event.
  async setup(ctx) {
    const entry = await ctx.one(
      sql`select e.id, e.contest_id from contest_entries e where e.school_id = ${ctx.gd.schoolId}
          and not exists (select 1 from contest_entry_members m join users u on u.id = m.user_id
                          where m.entry_id = e.id and u.username = 'gd-student') limit 1`,
    );
    const assignment = await ctx.one(sql`select id from contest_assignments where entry_id = ${entry.id} limit 1`);
    const event = await ctx.one(sql`select id from contest_events where jurisdiction_id = ${ctx.gd.jurisdictionId} limit 1`);
    return {
      values: { contests: entry.contest_id, entries: entry.id, assignments: assignment.id, events: event.id, appeals: entry.id },
      markers: [entry.id],
    };
  },
  routes: {
    'GET /api/v1/contests/contests': { kind: 'scoped-list' },
    'POST /api/v1/contests/contests': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id': {
      kind: 'scoped-list',
      why: 'pupils and teachers of the contest’s area see the contest; entries they may not see are filtered out',
    },
    'PATCH /api/v1/contests/contests/:id': { kind: 'scoped', body: () => ({ name: 'intruder' }) },
    'POST /api/v1/contests/appeals/:id/reopen': { kind: 'scoped' },
    'POST /api/v1/contests/entries/:id/members': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/entries': {
      kind: 'scoped-list',
      why: 'pupils and teachers of the contest’s area see the contest; entries they may not see are filtered out',
    },
    'POST /api/v1/contests/contests/:id/entries': { kind: 'scoped' },
    'POST /api/v1/contests/contests/:id/judges': { kind: 'scoped' },
    'POST /api/v1/contests/contests/:id/assignment': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/progress': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/preview': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/judging': { kind: 'scoped-list', why: 'the caller’s own judging queue (empty unless assigned)' },
    'POST /api/v1/contests/contests/:id/publish': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/results': {
      kind: 'scoped-list',
      why: 'pupils and teachers of the contest’s area see the contest; entries they may not see are filtered out',
    },
    'POST /api/v1/contests/contests/:id/promote': { kind: 'scoped' },
    'POST /api/v1/contests/contests/:id/confirm-promotions': { kind: 'scoped' },
    'GET /api/v1/contests/contests/:id/appeals': { kind: 'scoped' },
    'POST /api/v1/contests/contests/:id/appeals': { kind: 'scoped' },
    'POST /api/v1/contests/appeals/:id/decision': { kind: 'scoped' },
    'GET /api/v1/contests/entries/:id': { kind: 'scoped' },
    'GET /api/v1/contests/entries/:id/submissions': { kind: 'scoped' },
    'POST /api/v1/contests/entries/:id/submissions': { kind: 'scoped' },
    'POST /api/v1/contests/entries/:id/files': { kind: 'scoped' },
    'GET /api/v1/contests/entries/:id/files/:sha256': { kind: 'scoped' },
    'GET /api/v1/contests/entries/:id/certificate.pdf': { kind: 'scoped' },
    'POST /api/v1/contests/assignments/:id/scores': { kind: 'scoped' },
    'GET /api/v1/contests/events': { kind: 'scoped-list' },
    'POST /api/v1/contests/events': { kind: 'scoped' },
    'POST /api/v1/contests/events/:id/signup': { kind: 'signed-in-self', why: 'pupils of the organising area sign themselves up' },
    'DELETE /api/v1/contests/events/:id/signup': { kind: 'signed-in-self', why: 'cancels the caller’s own sign-up' },
    'GET /api/v1/contests/events/:id/signups': { kind: 'scoped' },
    'POST /api/v1/contests/events/:id/attendance': { kind: 'scoped' },
    'POST /api/v1/contests/events/:id/feedback': { kind: 'scoped' },
    'GET /api/v1/contests/public/events': { kind: 'scoped-list' },
  },
};
