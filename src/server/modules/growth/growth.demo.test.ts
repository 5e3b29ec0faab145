import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { users } from '../identity/identity.schema.ts';
import { demoTermFor, seedGrowthDemo } from './growth.demo.ts';
import { growthEvidence, growthTerms } from './growth.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function entriesOf(username: string) {
  const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
  return t.database.db.select().from(growthEvidence).where(eq(growthEvidence.studentId, u.id));
}

describe('growth demo', () => {
  it('seeds a current term and entries for gd-student and hk-student, idempotently', async () => {
    await seedDemo(t.database.db, { blobs: t.blobs });
    await seedGrowthDemo(t.database.db);
    expect(await entriesOf('gd-student')).toHaveLength(3);
    expect(await entriesOf('hk-student')).toHaveLength(2);
    const terms = await t.database.db
      .select()
      .from(growthTerms)
      .where(eq(growthTerms.code, demoTermFor(new Date()).code));
    expect(terms.length).toBeGreaterThanOrEqual(2);
  });

  it('names the term of the school year a day falls in', () => {
    expect(demoTermFor(new Date('2026-10-01T00:00:00Z'))).toMatchObject({
      code: '2026-2027-1',
      startsOn: '2026-08-01',
      endsOn: '2027-01-31',
    });
    expect(demoTermFor(new Date('2027-01-15T00:00:00Z')).code).toBe('2026-2027-1');
    expect(demoTermFor(new Date('2027-03-01T00:00:00Z'))).toMatchObject({ code: '2026-2027-2', startsOn: '2027-02-01' });
  });
});
