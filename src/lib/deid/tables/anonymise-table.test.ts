import { describe, expect, it } from 'vitest';
import { anonymiseTable } from './anonymise-table.ts';
import { columnarRows, toColumnarSync } from './columnar-table.ts';
import { GBA_GEOGRAPHY } from './gba-geography.ts';
import { gradeHierarchy } from './grade-hierarchy.ts';
import { flatHierarchy, treeHierarchy } from './hierarchy.ts';
import type { QuasiSpec } from './quasi-spec.ts';
import { syntheticStudentRows, syntheticStudentTable } from './synthetic-students.ts';
import { verifyKAnonymity, verifyLDiversity } from './verify-k-anonymity.ts';

const QUASI: QuasiSpec[] = [
  { column: '年龄', kind: 'number', band: 5 },
  { column: '性别', kind: 'tree', hierarchy: flatHierarchy(['男', '女']) },
  { column: '出生日期', kind: 'date' },
  { column: '地区', kind: 'tree', hierarchy: treeHierarchy(GBA_GEOGRAPHY) },
  { column: '年级', kind: 'tree', hierarchy: gradeHierarchy() },
  { column: '学校类型', kind: 'tree', hierarchy: flatHierarchy() },
];
const QUASI_NAMES = QUASI.map((q) => q.column);

describe('anonymiseTable (Mondrian)', () => {
  const table = syntheticStudentTable(20_000, 11);

  it('makes 20,000 invented students 5-anonymous over six quasi-identifiers, as the independent checker confirms', () => {
    const result = anonymiseTable(table, { quasi: QUASI, k: 5 });
    const rows = [...columnarRows(result.table, result.keep)];
    expect(rows).toHaveLength(20_000);
    const verdict = verifyKAnonymity(rows, QUASI_NAMES, 5);
    expect(verdict.violations).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(result.risk.maxRisk).toBeLessThanOrEqual(0.2);
    expect(result.risk.recordsBelowK).toBe(0);
    expect(result.risk.classes).toBe(verdict.classes);
    expect(result.utility.suppressed).toBe(0);
  });

  it('also keeps at least three distinct health values in every class when l = 3', () => {
    const result = anonymiseTable(table, { quasi: QUASI, k: 5, l: 3, sensitive: '健康状况' });
    const rows = [...columnarRows(result.table, result.keep)];
    expect(verifyKAnonymity(rows, QUASI_NAMES, 5).ok).toBe(true);
    expect(verifyLDiversity(rows, QUASI_NAMES, '健康状况', 3).ok).toBe(true);
  });

  it('publishes ages as 5-year bands, dates as months and districts as tree nodes', () => {
    const result = anonymiseTable(table, { quasi: QUASI, k: 5 });
    const rows = [...columnarRows(result.table, result.keep)];
    const geo = treeHierarchy(GBA_GEOGRAPHY);
    for (const row of rows.slice(0, 500)) {
      expect(String(row['年龄'])).toMatch(/^\d+-\d+$/);
      expect(String(row['出生日期'])).toMatch(/^\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?$/);
      expect(geo.labels).toContain(row['地区']);
    }
  });

  it('leaves non-quasi columns untouched', () => {
    const result = anonymiseTable(table, { quasi: QUASI, k: 5 });
    const before = [...columnarRows(table)];
    const after = [...columnarRows(result.table, result.keep)];
    expect(after.map((r) => r['成绩'])).toEqual(before.map((r) => r['成绩']));
  });

  it('reports utility: some information lost, but less than full suppression', () => {
    const { utility } = anonymiseTable(table, { quasi: QUASI, k: 5 });
    for (const q of QUASI_NAMES) {
      expect(utility.columns[q].ncp).toBeGreaterThanOrEqual(0);
      expect(utility.columns[q].ncp).toBeLessThan(1);
    }
    expect(utility.discernibility).toBeGreaterThanOrEqual(20_000 * 5);
    expect(utility.normalisedAverageClassSize).toBeGreaterThanOrEqual(1);
  });

  it('suppresses every record when the table is smaller than k', () => {
    const small = toColumnarSync(syntheticStudentRows(4, 2));
    const result = anonymiseTable(small, { quasi: QUASI, k: 5 });
    expect(result.utility.suppressed).toBe(4);
    expect([...columnarRows(result.table, result.keep)]).toEqual([]);
  });

  it('keeps exact values when every combination already occurs k times', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ 年龄: i % 2 ? 12 : 15, 性别: i % 2 ? '男' : '女' }));
    const result = anonymiseTable(toColumnarSync(rows), {
      k: 3,
      quasi: [
        { column: '年龄', kind: 'number' },
        { column: '性别', kind: 'tree', hierarchy: flatHierarchy(['男', '女']) },
      ],
    });
    const out = [...columnarRows(result.table, result.keep)];
    expect(new Set(out.map((r) => `${r['年龄']}/${r['性别']}`))).toEqual(new Set(['12/男', '15/女']));
    expect(result.utility.columns['年龄'].ncp).toBe(0);
  });

  it('places values unknown to the hierarchy under the root instead of failing', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ 地区: i < 5 ? '天河区' : '火星区' }));
    const result = anonymiseTable(toColumnarSync(rows), {
      k: 5,
      quasi: [{ column: '地区', kind: 'tree', hierarchy: treeHierarchy(GBA_GEOGRAPHY) }],
    });
    const out = [...columnarRows(result.table, result.keep)].map((r) => r['地区']);
    expect(new Set(out)).toEqual(new Set(['天河区', '火星区']));
  });

  it('is deterministic: the same input gives the same output', () => {
    const a = [...columnarRows(anonymiseTable(table, { quasi: QUASI, k: 5 }).table)].slice(0, 200);
    const b = [...columnarRows(anonymiseTable(table, { quasi: QUASI, k: 5 }).table)].slice(0, 200);
    expect(a).toEqual(b);
  });

  it('refuses a quasi-identifier column that is not in the table', () => {
    expect(() => anonymiseTable(table, { quasi: [{ column: '身高', kind: 'number' }], k: 5 })).toThrow(/身高/);
  });
});
