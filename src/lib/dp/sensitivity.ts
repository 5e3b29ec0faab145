/**
 * Sensitivity of the supported queries: how much one person's record can change the true answer.
 * Under `add-remove` neighbouring (the default, and the right one when even the presence of a student in
 * a dataset is private) a neighbour has one record more or fewer; under `replace` it has one record
 * changed and the size is public. See C. Dwork, A. Roth, "The Algorithmic Foundations of Differential
 * Privacy" (2014), §3.3, and S. Vadhan, "The Complexity of Differential Privacy" (2017), §1.
 */
export type Neighbouring = 'add-remove' | 'replace';

export type SensitivityQuery =
  { kind: 'count' } | { kind: 'sum'; lower: number; upper: number } | { kind: 'histogram'; norm?: 'l1' | 'l2' };

/**
 * Sensitivity (L1 unless stated) of a query under a neighbouring relation.
 * @example sensitivity({ kind: 'sum', lower: 0, upper: 100 }) // → 100
 * @example sensitivity({ kind: 'sum', lower: 0, upper: 100 }, 'replace') // → 100
 * @example sensitivity({ kind: 'histogram' }, 'replace') // → 2
 */
export function sensitivity(query: SensitivityQuery, neighbouring: Neighbouring = 'add-remove'): number {
  switch (query.kind) {
    case 'count':
      return 1;
    case 'sum': {
      if (!(query.lower <= query.upper)) throw new RangeError('sum bounds need lower ≤ upper');
      return neighbouring === 'add-remove' ? Math.max(Math.abs(query.lower), Math.abs(query.upper)) : query.upper - query.lower;
    }
    case 'histogram':
      // One record sits in one bin: adding it moves one count by 1; replacing moves two counts by 1.
      if (neighbouring === 'add-remove') return 1;
      return query.norm === 'l2' ? Math.SQRT2 : 2;
  }
}
