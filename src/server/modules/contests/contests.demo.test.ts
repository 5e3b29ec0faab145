import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { DEMO_CITY_CODE, DEMO_DISTRICT_CODE, seedContestsDemo } from './contests.demo.ts';
import { contests } from './contests.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
  await seedContestsDemo(t.database.db); // a second run changes nothing
});
afterAll(async () => t?.close());

describe('contests demo', () => {
  it('seeds one Nansha round that judge 1 can score blind and gd-bureau can promote to the city round', async () => {
    const rounds = await t.database.db.select().from(contests).where(eq(contests.code, DEMO_DISTRICT_CODE));
    expect(rounds).toHaveLength(1);
    const [city] = await t.database.db.select().from(contests).where(eq(contests.code, DEMO_CITY_CODE));
    expect(rounds[0].parentContestId).toBe(city.id);
    const judge = await signIn(t.app, 'gd-judge-1', DEMO_PASSWORD);
    const queue = await t.app.inject({ method: 'GET', url: `/api/v1/contests/contests/${rounds[0].id}/judging`, headers: judge.headers });
    expect(queue.json().items.length).toBeGreaterThan(0);
    expect(queue.body).not.toContain('王小禾');
    const bureau = await signIn(t.app, 'gd-bureau', DEMO_PASSWORD);
    const progress = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contests/contests/${rounds[0].id}/progress`,
      headers: bureau.headers,
    });
    expect(progress.json().judges).toHaveLength(3);
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/contests/public/events?jurisdiction=GD' });
    expect(pub.json().items[0]).toMatchObject({ capacity: 3, seatsTaken: 3, waitlisted: 2 });
  });
});
