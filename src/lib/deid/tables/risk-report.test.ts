import { describe, expect, it } from 'vitest';
import { riskFromClassSizes, riskReport } from './risk-report.ts';

describe('prosecutor risk report', () => {
  it('counts classes, records below k and the highest and average risk', async () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ age: '10-14', gender: '女', district: '广州市' })),
      ...Array.from({ length: 2 }, () => ({ age: '10-14', gender: '男', district: '广州市' })),
      { age: 12, gender: '男', district: '深圳市' },
    ];
    const r = await riskReport(rows, ['age', 'gender', 'district'], { k: 5 });
    expect(r).toMatchObject({ records: 8, classes: 3, smallestClass: 1, maxRisk: 1, recordsBelowK: 3, classesBelowK: 2 });
    expect(r.averageRisk).toBeCloseTo(3 / 8);
    expect(r.shareBelowK).toBeCloseTo(3 / 8);
  });

  it('reads a stream, treating "12" and 12 as the same value', async () => {
    async function* rows() {
      yield { age: '12' };
      yield { age: 12 };
    }
    expect((await riskReport(rows(), ['age'], { k: 2 })).classes).toBe(1);
  });

  it('reports zero risk for an empty table', () => {
    expect(riskFromClassSizes([], 5)).toMatchObject({ records: 0, maxRisk: 0 });
  });
});
