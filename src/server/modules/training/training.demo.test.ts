import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { seedTrainingDemo, DEMO_MATHS_TITLE, DEMO_PRINCIPALS_TITLE } from './training.demo.ts';
import { trainingCredentials, trainingProgrammes } from './training.schema.ts';

describe('training demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { blobs: t.blobs });
  }, 400_000);
  afterAll(() => t.close());

  it('seeds the two programmes and one verifiable certificate, once', async () => {
    await seedTrainingDemo(t.database.db);
    const db = t.database.db;
    const progs = await db
      .select()
      .from(trainingProgrammes)
      .where(inArray(trainingProgrammes.title, [DEMO_MATHS_TITLE, DEMO_PRINCIPALS_TITLE]));
    expect(progs).toHaveLength(2);
    const creds = await db
      .select()
      .from(trainingCredentials)
      .where(eq(trainingCredentials.programmeId, progs.find((p) => p.title === DEMO_PRINCIPALS_TITLE)!.id));
    expect(creds).toHaveLength(1);
    const verify = await t.app.inject({ method: 'GET', url: `/api/v1/credentials/${creds[0].id}/verify` });
    expect(verify.json().status).toBe('valid');
  });

  it('hk-teacher finds the AI + mathematics programme in the catalogue; gd-bureau organises it', async () => {
    const hk = await signIn(t.app, 'hk-teacher', DEMO_PASSWORD);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/training/programmes?category=ai_subject', headers: hk.headers })
    ).json();
    expect(list.items.map((p: { title: string }) => p.title)).toContain(DEMO_MATHS_TITLE);
    const bureau = await signIn(t.app, 'gd-bureau', DEMO_PASSWORD);
    const dash = (await t.app.inject({ method: 'GET', url: '/api/v1/training/dashboard', headers: bureau.headers })).json();
    expect(dash.organised.find((p: { title: string }) => p.title === DEMO_MATHS_TITLE)).toMatchObject({
      enrolled: 2,
      active: 1,
      activeShare: 50,
    });
  });
});
