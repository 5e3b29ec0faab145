/**
 * How much the anonymised table lost, per column and overall.
 * - `ncp`: average normalised certainty penalty of the column over published records (0 = exact, 1 = '*').
 * - `height`: tree columns only, average number of hierarchy levels climbed.
 * - `discernibility`: Σ |class|² + suppressed × records (Bayardo & Agrawal, "Data Privacy through Optimal
 *   k-Anonymization", ICDE 2005); lower is better, n·k is the floor for classes of exactly k.
 * - `normalisedAverageClassSize`: (records / classes) / k (LeFevre et al. 2006, C_avg); 1 is ideal.
 */
export interface UtilityReport {
  records: number;
  published: number;
  suppressed: number;
  classes: number;
  averageClassSize: number;
  normalisedAverageClassSize: number;
  discernibility: number;
  columns: Record<string, { ncp: number; height?: number }>;
}
