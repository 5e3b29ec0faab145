import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionId, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { privacyAgreements } from './privacy.schema.ts';
import { pupilsCsv, upload } from './privacy.test-support.ts';

describe('differentially private queries under an agreement', () => {
  let t: TestApp;
  let gd: Session;
  let hk: Session;
  let mo: Session;
  let datasetId: string;

  const inject = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as object | undefined });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [g, h, m] = await Promise.all([
      makeUser(db, { role: 'data_steward', jurisdiction: 'GD' }),
      makeUser(db, { role: 'data_steward', jurisdiction: 'HK' }),
      makeUser(db, { role: 'data_steward', jurisdiction: 'MO' }),
    ]);
    [gd, hk, mo] = await Promise.all([g, h, m].map((u) => signIn(t.app, u.username, TEST_PASSWORD)));
    datasetId = (await upload(t.app, gd, pupilsCsv(60))).json().id;
  }, 60_000);
  afterAll(() => t.close());

  /** An active agreement with the given ε budget. */
  async function activeAgreement(epsilon: number) {
    const res = await inject(gd, 'POST', '/api/v1/privacy/agreements', {
      partnerJurisdictionId: await jurisdictionId(t.database.db, 'HK'),
      title: 'Invented DP study',
      purpose: 'Aggregate statistics only',
      legalBasis: 'GBA standard contract',
      category: 'assessment_results',
      datasetIds: [datasetId],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      epsilon,
      piaRef: 'PIA-1',
      filingRef: 'F-1',
    });
    const id = res.json().id as string;
    await inject(gd, 'POST', `/api/v1/privacy/agreements/${id}/approve`);
    await inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/approve`);
    return id;
  }

  it('answers count, sum, mean and histogram queries and charges their ε', async () => {
    const id = await activeAgreement(1);
    const q = (body: object) => inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/queries`, { datasetId, ...body });
    const count = (await q({ kind: 'count', epsilon: 0.2 })).json();
    expect(count).toMatchObject({ kind: 'count', cached: false, epsilonCharged: 0.2 });
    expect(typeof count.value).toBe('number');
    const mean = (await q({ kind: 'mean', column: '成绩', lower: 0, upper: 100, epsilon: 0.2 })).json();
    expect(mean.value).toBeGreaterThanOrEqual(0);
    expect(mean.value).toBeLessThanOrEqual(100);
    expect((await q({ kind: 'sum', column: '成绩', lower: 0, upper: 100, epsilon: 0.2 })).json().cached).toBe(false);
    const hist = (await q({ kind: 'histogram', column: '性别', bins: ['男', '女'], epsilon: 0.2 })).json();
    expect(Object.keys(hist.value)).toEqual(['男', '女']);
    expect(hist.epsilonRemaining).toBeCloseTo(0.2, 9);
  });

  it('answers a repeated query from the cache at no cost', async () => {
    const id = await activeAgreement(0.5);
    const body = { datasetId, kind: 'mean', column: '成绩', lower: 0, upper: 100, epsilon: 0.3 };
    const first = (await inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/queries`, body)).json();
    const again = (await inject(gd, 'POST', `/api/v1/privacy/agreements/${id}/queries`, body)).json();
    expect(again).toMatchObject({ cached: true, epsilonCharged: 0, value: first.value });
    expect(again.epsilonRemaining).toBeCloseTo(0.2, 9);
    const [row] = await t.database.db.select().from(privacyAgreements).where(eq(privacyAgreements.id, id));
    expect(row.epsilonSpentNanos).toBe(300_000_000);
  });

  it('refuses the next query once the ε budget is spent', async () => {
    const id = await activeAgreement(0.5);
    const q = (epsilon: number, column = '成绩') =>
      inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/queries`, { datasetId, kind: 'sum', column, lower: 0, upper: 100, epsilon });
    expect((await q(0.25)).statusCode).toBe(200);
    expect((await q(0.25, '年龄')).statusCode).toBe(200);
    const refused = await q(0.01, '年龄');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DP_BUDGET_EXHAUSTED');
    // A query already answered is still free.
    expect((await q(0.25)).json().cached).toBe(true);
  });

  it('concurrent queries cannot overspend the budget', async () => {
    const id = await activeAgreement(1);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inject(hk, 'POST', `/api/v1/privacy/agreements/${id}/queries`, {
          datasetId,
          kind: 'sum',
          column: '成绩',
          lower: 0,
          upper: 100 + i,
          epsilon: 0.3,
        }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200).length;
    expect(ok).toBe(3);
    expect(results.filter((r) => r.json().code === 'DP_BUDGET_EXHAUSTED')).toHaveLength(5);
    const [row] = await t.database.db.select().from(privacyAgreements).where(eq(privacyAgreements.id, id));
    expect(row.epsilonSpentNanos).toBe(900_000_000);
  });

  it('refuses parties outside the agreement, and agreements not yet active', async () => {
    const id = await activeAgreement(1);
    expect(
      (await inject(mo, 'POST', `/api/v1/privacy/agreements/${id}/queries`, { datasetId, kind: 'count', epsilon: 0.1 })).statusCode,
    ).toBe(404);
    const draft = await inject(gd, 'POST', '/api/v1/privacy/agreements', {
      partnerJurisdictionId: await jurisdictionId(t.database.db, 'HK'),
      title: 'x',
      purpose: 'x',
      legalBasis: 'x',
      category: 'assessment_results',
      datasetIds: [datasetId],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const res = await inject(hk, 'POST', `/api/v1/privacy/agreements/${draft.json().id}/queries`, {
      datasetId,
      kind: 'count',
      epsilon: 0.1,
    });
    expect(res.json().code).toBe('PRIVACY_AGREEMENT_NOT_ACTIVE');
  });
});
