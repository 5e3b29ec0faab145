import { describe, expect, it } from 'vitest';
import { suppressCell } from './growth.suppress.ts';

describe('small-cell suppression', () => {
  it('shows a count of five or more students out of a large enough cohort', () => {
    expect(suppressCell({ students: 6, cohort: 12 }, 5)).toEqual({ students: 6, cohort: 12, suppressed: false });
  });

  it('withholds counts of one to four', () => {
    for (const students of [1, 2, 3, 4]) expect(suppressCell({ students, cohort: 40 }, 5).suppressed).toBe(true);
  });

  it('withholds a count whose complement is one to four (the few without would be named)', () => {
    expect(suppressCell({ students: 38, cohort: 40 }, 5)).toEqual({ students: null, cohort: null, suppressed: true });
  });

  it('withholds every cell of a cohort smaller than five, even zero', () => {
    expect(suppressCell({ students: 0, cohort: 4 }, 5).suppressed).toBe(true);
  });

  it('shows zero and all of a large cohort', () => {
    expect(suppressCell({ students: 0, cohort: 30 }, 5).suppressed).toBe(false);
    expect(suppressCell({ students: 30, cohort: 30 }, 5).suppressed).toBe(false);
  });
});
