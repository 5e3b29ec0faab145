import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymiseTable } from './anonymise-table.ts';
import { columnarRows, toColumnarSync } from './columnar-table.ts';
import { GBA_GEOGRAPHY } from './gba-geography.ts';
import { treeHierarchy } from './hierarchy.ts';
import { verifyKAnonymity, verifyLDiversity } from './verify-k-anonymity.ts';

const geo = treeHierarchy(GBA_GEOGRAPHY);
const districts = [...geo.leafIndex.keys()];

describe('Mondrian on arbitrary invented tables', () => {
  it('always publishes k-anonymous, l-diverse rows (or suppresses all of them)', () => {
    const row = fc.record({
      age: fc.integer({ min: 5, max: 19 }),
      district: fc.constantFrom(...districts, '未知区'),
      dob: fc.integer({ min: 0, max: 4000 }).map((d) => new Date(Date.UTC(2006, 0, 1 + d)).toISOString().slice(0, 10)),
      health: fc.constantFrom('良好', '近视', '哮喘'),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 0, maxLength: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (rows, k, l) => {
          const result = anonymiseTable(toColumnarSync(rows, ['age', 'district', 'dob', 'health']), {
            k,
            l,
            sensitive: 'health',
            quasi: [
              { column: 'age', kind: 'number' },
              { column: 'district', kind: 'tree', hierarchy: geo },
              { column: 'dob', kind: 'date', band: 'day' },
            ],
          });
          const out = [...columnarRows(result.table, result.keep)];
          expect(out.length === rows.length || out.length === 0).toBe(true);
          expect(verifyKAnonymity(out, ['age', 'district', 'dob'], k).ok).toBe(true);
          expect(verifyLDiversity(out, ['age', 'district', 'dob'], 'health', l).ok).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20251123 },
    );
  });
});
