import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How audit's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'audit',
  // Entries the GD setups above wrote (the roster dry run): only GD's auditors may read them.
  async setup(ctx) {
    const entry = await ctx.one(sql`select id from audit_entries where school_id = ${ctx.gd.schoolId} order by seq desc limit 1`);
    return { values: {}, markers: [entry.id] };
  },
  routes: {
    'GET /api/v1/audit': { kind: 'scoped-list' },
    'GET /api/v1/audit/verify': { kind: 'scoped-list' },
  },
};
