import type { Award } from '../../../shared/api/contests.ts';
import type { NormalisedEntry } from './contests.normalisation.ts';

/**
 * Final ranking and upward selection (pure). Tie-breaking order (docs/contests.md):
 *  1. higher normalised score (mean z-score), compared to 1e-9;
 *  2. higher mean raw weighted total;
 *  3. more judges' scores (an entry scored by more judges is better evidenced);
 *  4. earlier final submission;
 *  5. entry code (stable, so the order never depends on the database).
 */

export interface RankInput extends NormalisedEntry {
  code: string;
  lastSubmittedAt: Date | null;
}

export interface Ranked extends RankInput {
  rank: number;
  award: Award | null;
}

const EPS = 1e-9;

export function compareEntries(a: RankInput, b: RankInput): number {
  if (Math.abs(a.normalised - b.normalised) > EPS) return b.normalised - a.normalised;
  if (Math.abs(a.raw - b.raw) > EPS) return b.raw - a.raw;
  if (a.judges !== b.judges) return b.judges - a.judges;
  const at = a.lastSubmittedAt?.getTime() ?? Infinity;
  const bt = b.lastSubmittedAt?.getTime() ?? Infinity;
  if (at !== bt) return at - bt;
  return a.code.localeCompare(b.code);
}

/** Awards by rank share: first 10 %, second 20 %, third 30 % (at least one first prize), rest merit. */
export function awardFor(rank: number, total: number): Award {
  const first = Math.max(1, Math.round(total * 0.1));
  const second = Math.round(total * 0.3);
  const third = Math.round(total * 0.6);
  if (rank <= first) return 'first';
  if (rank <= second) return 'second';
  if (rank <= third) return 'third';
  return 'merit';
}

export function rankEntries(entries: readonly RankInput[]): Ranked[] {
  const sorted = [...entries].sort(compareEntries);
  return sorted.map((e, i) => ({ ...e, rank: i + 1, award: awardFor(i + 1, sorted.length) }));
}

/**
 * Upward recommendation: walking the ranking from the top, each lower-level unit sends at most `quota`
 * entries. Returns the chosen entry ids in rank order.
 */
export function selectForPromotion(ranked: readonly { entryId: string; rank: number; unitId: string }[], quota: number): string[] {
  const used = new Map<string, number>();
  const chosen: string[] = [];
  for (const e of [...ranked].sort((a, b) => a.rank - b.rank)) {
    const n = used.get(e.unitId) ?? 0;
    if (n >= quota) continue;
    used.set(e.unitId, n + 1);
    chosen.push(e.entryId);
  }
  return chosen;
}
