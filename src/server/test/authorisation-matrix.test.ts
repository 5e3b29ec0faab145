import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { users } from '../modules/identity/identity.schema.ts';
import type { ModuleAccessMatrix } from './access-matrix.ts';
import { buildMatrixApp, loadModuleMatrices, runAccessMatrix, type MatrixApp } from './access-matrix.runner.ts';

/**
 * Issue #12 part 1: every registered route, called by every outsider (other schools, other jurisdictions,
 * a lower role in the owner's school, nobody), must refuse or hide the GD owner's rows. See docs/security.md.
 */
describe('authorisation matrix', () => {
  let m: MatrixApp;

  beforeAll(async () => {
    m = await buildMatrixApp();
    await seedDemo(m.database.db, { blobs: m.blobs });
    // A hang guard, not a speed target: the full demo seed on a shared two-core box can take minutes.
  }, 900_000);
  afterAll(async () => m?.close());

  it('every route has an entry and refuses every outsider', { timeout: 900_000 }, async () => {
    const result = await runAccessMatrix({ ...m, db: m.database.db, matrices: await loadModuleMatrices() });
    console.log(result.report);
    console.log(
      `access matrix: ${result.routes} routes × ${result.callers.length} callers = ${result.calls} calls; ` +
        `${result.leaks.length} leaks, ${result.errors.length} errors, ${result.missing.length} routes without an entry; report at ${result.reportPath}`,
    );
    expect(result.missing, 'routes without an access-matrix entry').toEqual([]);
    expect(result.stale, 'entries naming routes that are not registered').toEqual([]);
    expect(result.leaks.map((l) => `${l.route} as ${l.caller}: ${l.problem}`)).toEqual([]);
    expect(result.errors.map((e) => `${e.route} as ${e.caller}: ${e.problem}`)).toEqual([]);
    expect(result.routes).toBeGreaterThan(250);
  });

  it('catches a route whose access check was removed, and a route with no entry', async () => {
    // The same runner, on a second app over the same seeded database, with one planted route that returns a
    // GD user's row to anyone who asks.
    const planted = await buildMatrixApp({
      database: m.database,
      extend: (app, db) => {
        app.get('/api/v1/planted/users/:id', async (request) => {
          const [row] = await db
            .select({ id: users.id, displayName: users.displayName })
            .from(users)
            .where(eq(users.id, (request.params as { id: string }).id));
          return row;
        });
        app.get('/api/v1/planted/unlisted', async () => ({ ok: true }));
      },
    });
    try {
      const matrix: ModuleAccessMatrix = {
        module: 'planted',
        setup: async (ctx) => {
          const id = await ctx.userId('gd-teacher');
          return { values: { users: id }, markers: [id] };
        },
        routes: { 'GET /api/v1/planted/users/:id': { kind: 'scoped' } },
      };
      const result = await runAccessMatrix({
        app: planted.app,
        db: m.database.db,
        blobs: planted.blobs,
        routes: planted.routes.filter((r) => r.url.startsWith('/api/v1/planted/')),
        matrices: [matrix],
        callers: ['anonymous', 'hk-teacher'],
      });
      expect(result.leaks.map((l) => [l.route, l.caller])).toEqual([
        ['GET /api/v1/planted/users/:id', 'anonymous'],
        ['GET /api/v1/planted/users/:id', 'hk-teacher'],
      ]);
      expect(result.missing).toEqual(['GET /api/v1/planted/unlisted']);
      expect(result.report).toContain('LEAK');
    } finally {
      await planted.close();
    }
  });
});
