import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test/test-app.ts';
import { classEnrollments, memberships, users } from '../modules/identity/identity.schema.ts';
import { schools } from '../modules/tenancy/tenancy.schema.ts';
import { ACCOUNTS, DEMO_PASSWORD } from './demo.data.ts';
import { seedDemo } from './demo.seed.ts';

describe('the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { blobs: t.blobs });
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = t.database.db;
    return {
      users: (await db.select({ n: count() }).from(users))[0].n,
      memberships: (await db.select({ n: count() }).from(memberships))[0].n,
      enrolments: (await db.select({ n: count() }).from(classEnrollments))[0].n,
      schools: (await db.select({ n: count() }).from(schools))[0].n,
    };
  };

  it('seeding twice changes nothing', async () => {
    const before = await counts();
    expect(before.schools).toBe(8);
    const again = await seedDemo(t.database.db, { blobs: t.blobs });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('every demo account signs in and holds its role', async () => {
    for (const a of ACCOUNTS) {
      const s = await signIn(t.app, a.username, DEMO_PASSWORD);
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).json();
      expect(me.memberships.map((m: { role: string }) => m.role)).toContain(a.roles[0].role);
    }
  });

  it('the Guangzhou bureau reaches Nansha schools and not Hong Kong ones', async () => {
    const s = await signIn(t.app, 'gd-bureau', DEMO_PASSWORD);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/schools?limit=50', headers: s.headers })).json();
    const byCode = Object.fromEntries(list.items.map((x: { code: string; id: string }) => [x.code, x.id]));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/schools/${byCode['gd-demo-school']}/roster`, headers: s.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/schools/${byCode['hk-demo-school']}/roster`, headers: s.headers })).statusCode,
    ).toBe(404);
  });
});
