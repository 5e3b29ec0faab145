import type { RubricCriterion } from '../../../shared/api/contests.ts';

/**
 * Per-judge z-score normalisation (pure). Judges differ in severity: one gives 60–70, another 80–95 for the
 * same quality. Each judge's weighted totals are turned into z = (x − mean) / sd over that judge's own
 * entries (population sd); an entry's score is the mean of its z-scores. A judge who gave everyone the same
 * total (sd = 0) or scored a single entry says nothing about relative quality: their z is 0.
 */

export interface JudgeScore {
  judgeId: string;
  entryId: string;
  scores: Record<string, number>;
}

/** Weighted total on a 0–100 scale: Σ weight·(score/max) / Σ weight · 100. */
export function weightedTotal(rubric: readonly RubricCriterion[], scores: Record<string, number>): number {
  const weights = rubric.reduce((s, c) => s + c.weight, 0);
  const sum = rubric.reduce((s, c) => s + c.weight * (Math.min(scores[c.key] ?? 0, c.max) / c.max), 0);
  return (sum / weights) * 100;
}

export interface NormalisedEntry {
  entryId: string;
  /** Mean z-score over the entry's judges. */
  normalised: number;
  /** Mean raw weighted total (0–100), the first tie-breaker. */
  raw: number;
  judges: number;
}

export function normalise(rubric: readonly RubricCriterion[], scores: readonly JudgeScore[]): NormalisedEntry[] {
  const byJudge = new Map<string, { entryId: string; total: number }[]>();
  for (const s of scores) {
    const list = byJudge.get(s.judgeId) ?? byJudge.set(s.judgeId, []).get(s.judgeId)!;
    list.push({ entryId: s.entryId, total: weightedTotal(rubric, s.scores) });
  }
  const perEntry = new Map<string, { z: number[]; raw: number[] }>();
  for (const list of byJudge.values()) {
    const mean = list.reduce((s, x) => s + x.total, 0) / list.length;
    const sd = Math.sqrt(list.reduce((s, x) => s + (x.total - mean) ** 2, 0) / list.length);
    for (const x of list) {
      const e = perEntry.get(x.entryId) ?? perEntry.set(x.entryId, { z: [], raw: [] }).get(x.entryId)!;
      e.z.push(sd > 1e-9 ? (x.total - mean) / sd : 0);
      e.raw.push(x.total);
    }
  }
  return [...perEntry.entries()].map(([entryId, e]) => ({
    entryId,
    normalised: e.z.reduce((a, b) => a + b, 0) / e.z.length,
    raw: e.raw.reduce((a, b) => a + b, 0) / e.raw.length,
    judges: e.z.length,
  }));
}
