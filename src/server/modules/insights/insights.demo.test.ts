import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { DEMO_TERMS, seedInsightsDemo } from './insights.demo.ts';
import { insightsInventories } from './insights.schema.ts';

describe('insights demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { blobs: t.blobs });
  }, 300_000);
  afterAll(() => t.close());

  it('gives gd-bureau a year of history for Guangzhou, and seeding twice changes nothing', { timeout: 120_000 }, async () => {
    const before = await t.database.db.select().from(insightsInventories);
    await seedInsightsDemo(t.database.db);
    expect(await t.database.db.select().from(insightsInventories)).toHaveLength(before.length);
    expect(before.length).toBe(8 * DEMO_TERMS.length);

    const gd = await signIn(t.app, 'gd-bureau', DEMO_PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/insights/dashboard', headers: gd.headers });
    expect(res.statusCode).toBe(200);
    const d = res.json() as {
      term: string;
      scope: { level: string };
      indicators: { code: string; trend: { term: string; value: number | null }[] }[];
    };
    expect(d.term).toBe(DEMO_TERMS[2]);
    expect(d.scope.level).toBe('city');
    const labs = d.indicators.find((i) => i.code === 'smart_classroom_share')!;
    // Guangzhou's three demo schools: 2 of 3 with a smart classroom in the first term, all 3 after.
    const values = labs.trend.filter((x) => DEMO_TERMS.includes(x.term as (typeof DEMO_TERMS)[number])).map((x) => x.value);
    // The database divides in float8, so 2/3 of 100 may round in the last bit either way.
    expect(values).toHaveLength(3);
    expect(values[0]).toBeCloseTo((2 / 3) * 100, 9);
    expect(values.slice(1)).toEqual([100, 100]);
  });
});
