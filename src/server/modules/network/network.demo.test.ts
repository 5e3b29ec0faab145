import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { DEMO_PROJECT_TITLE, seedNetworkDemo } from './network.demo.ts';
import { networkExchanges, networkExperts, networkPairs, networkProjects, networkTasks } from './network.schema.ts';

describe('network demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { blobs: t.blobs });
  }, 300_000);
  afterAll(() => t.close());

  it('seeds the Nansha–Kowloon pair, the GD–HK–MO project and two experts, once', { timeout: 120_000 }, async () => {
    await seedNetworkDemo(t.database.db);
    const db = t.database.db;
    const pairs = await db.select().from(networkPairs);
    expect(pairs).toHaveLength(1);
    expect(await db.select().from(networkExchanges).where(eq(networkExchanges.pairId, pairs[0].id))).toHaveLength(2);
    const [project] = await db.select().from(networkProjects).where(eq(networkProjects.title, DEMO_PROJECT_TITLE));
    expect(await db.select().from(networkTasks).where(eq(networkTasks.projectId, project.id))).toHaveLength(4);
    expect(await db.select().from(networkExperts)).toHaveLength(2);

    // The project spans three jurisdictions; gd-principal sees the pair with its two past exchanges.
    const gd = await signIn(t.app, 'gd-teacher', DEMO_PASSWORD);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/network/projects/${project.id}`, headers: gd.headers });
    expect(detail.json().jurisdictions).toEqual(['GD', 'HK', 'MO']);
    const principal = await signIn(t.app, 'gd-principal', DEMO_PASSWORD);
    const summary = await t.app.inject({
      method: 'GET',
      url: `/api/v1/network/pairs/${pairs[0].id}/summary?year=2026`,
      headers: principal.headers,
    });
    expect(summary.json()).toMatchObject({ held: 2, byKind: { visit: 1, 'joint-online-lesson': 1 } });
    // hk-demo-school is left free for the end-to-end proposal, and gd-demo-school shows up in its suggestions.
    const hk = await signIn(t.app, 'hk-principal', DEMO_PASSWORD);
    const suggestions = await t.app.inject({ method: 'GET', url: '/api/v1/network/suggestions', headers: hk.headers });
    expect(suggestions.json().items.map((m: { school: { code: string } }) => m.school.code)).toContain('gd-demo-school');
  });
});
