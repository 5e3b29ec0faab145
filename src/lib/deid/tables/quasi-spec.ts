import type { Hierarchy } from './hierarchy.ts';

/**
 * How one quasi-identifier may be generalised.
 * - `number`: ordered numbers (age, score); published as ranges, optionally snapped to `band`-wide bins
 *   (age with band 5 → "10-14", "10-19" …).
 * - `date`: calendar dates; published as ranges snapped to `band` (default 'month': "2012-03",
 *   "2012-03..2012-08", "2012", "2011..2012") — the day → month → year → * hierarchy.
 * - `tree`: categorical values generalised along a {@link Hierarchy} (district → city → jurisdiction → *).
 */
export type QuasiSpec =
  | { column: string; kind: 'number'; band?: number }
  | { column: string; kind: 'date'; band?: 'day' | 'month' | 'year' }
  | { column: string; kind: 'tree'; hierarchy: Hierarchy };
