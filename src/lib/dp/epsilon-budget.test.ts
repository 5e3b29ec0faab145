import { describe, expect, it } from 'vitest';
import { cacheKey } from './cache-key.ts';
import { EpsilonBudget } from './epsilon-budget.ts';

describe('ε budget under sequential composition', () => {
  it('refuses a query whose ε exceeds what remains, leaving the budget unchanged', () => {
    const budget = EpsilonBudget.create({ epsilon: 1 });
    const first = budget.spend(0.6);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = first.budget.spend(0.5);
    expect(second).toMatchObject({ ok: false, reason: 'INSUFFICIENT_EPSILON' });
    expect(first.budget.remaining.epsilon).toBeCloseTo(0.4, 12);
    expect(budget.remaining.epsilon).toBe(1); // immutable
  });

  it('lets a plan that adds up exactly fit (0.1 + 0.2 + 0.7 = 1)', () => {
    let b = EpsilonBudget.create({ epsilon: 1 });
    for (const e of [0.1, 0.2, 0.7]) {
      const r = b.spend(e);
      expect(r.ok).toBe(true);
      if (r.ok) b = r.budget;
    }
    expect(b.remaining.epsilon).toBe(0);
    expect(b.spend(1e-9).ok).toBe(false);
  });

  it('refuses δ beyond its budget; a pure-ε budget refuses every Gaussian query', () => {
    expect(EpsilonBudget.create({ epsilon: 5 }).spend(1, 1e-6)).toMatchObject({ ok: false, reason: 'INSUFFICIENT_DELTA' });
    const b = EpsilonBudget.create({ epsilon: 5, delta: 1e-5 });
    const r = b.spend(1, 1e-5);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.budget.spend(1, 1e-7).ok).toBe(false);
  });

  it('survives a round trip through storage', () => {
    const r = EpsilonBudget.create({ epsilon: 2 }).spend(0.25);
    if (!r.ok) throw new Error('unexpected');
    const restored = EpsilonBudget.fromJSON(JSON.parse(JSON.stringify(r.budget)));
    expect(restored.spent.epsilon).toBe(0.25);
    expect(() => EpsilonBudget.fromJSON({ totalNanos: 1, spentNanos: 2, deltaTotal: 0, deltaSpent: 0 })).toThrow();
  });
});

describe('cacheKey', () => {
  it('is the same for the same query whatever the key order, and differs when ε or bounds differ', () => {
    const q = { dataset: 'ds-1@v3', kind: 'mean', column: '成绩', lower: 0, upper: 100, epsilon: 0.5 };
    const k = cacheKey(q);
    expect(k).toMatch(/^dpq1:[0-9a-f]{64}$/);
    expect(cacheKey({ epsilon: 0.5, upper: 100, lower: 0, column: '成绩', kind: 'mean', dataset: 'ds-1@v3' })).toBe(k);
    expect(cacheKey({ ...q, epsilon: 0.25 })).not.toBe(k);
    expect(cacheKey({ ...q, upper: 99 })).not.toBe(k);
    expect(cacheKey({ ...q, filter: { 年级: ['P1', 'P2'] } })).not.toBe(cacheKey({ ...q, filter: { 年级: ['P2', 'P1'] } }));
    expect(() => cacheKey({ ...q, upper: Number.POSITIVE_INFINITY })).toThrow();
  });
});
