/** One aggregate cell: how many students it describes, out of how many in its group. */
export interface CountCell {
  students: number;
  cohort: number;
}

export interface SuppressedCell {
  /** null when withheld. */
  students: number | null;
  cohort: number | null;
  suppressed: boolean;
}

/**
 * Small-cell suppression for aggregates shown outside the school: a count of 1–(k−1) students could point
 * at a person, and so could a cohort smaller than k (its complement would), so both are withheld. Zero
 * stays visible when the cohort is large enough: "nobody yet" names no one.
 *
 * @example suppressCell({ students: 3, cohort: 40 }, 5) // → { students: null, cohort: null, suppressed: true }
 */
export function suppressCell(cell: CountCell, k: number): SuppressedCell {
  const small = (n: number) => n > 0 && n < k;
  if (cell.cohort < k || small(cell.students) || small(cell.cohort - cell.students)) {
    return { students: null, cohort: null, suppressed: true };
  }
  return { students: cell.students, cohort: cell.cohort, suppressed: false };
}
