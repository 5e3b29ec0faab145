/**
 * Automatic judge assignment (pure: no database). Each entry goes to `k` judges; the load is balanced by
 * always picking the eligible judges with the fewest entries so far. Conflict of interest is a hard rule:
 * a judge never gets an entry from their own school, and — when the contest asks — never one from their
 * own unit (the district or other authority unit directly holding the entry's school).
 */

export interface AssignEntry {
  id: string;
  schoolId: string;
  /** The authority unit directly holding the entry's school. */
  unitId: string;
}

export interface AssignJudge {
  id: string;
  /** The judge's school, if they work at one. */
  schoolId: string | null;
  /** The judge's home unit: their school's unit, or the unit their membership is held at. */
  unitId: string | null;
}

export interface AssignOptions {
  k: number;
  excludeSameUnit: boolean;
  /** Pairs that already exist (re-running assignment keeps them and tops up). */
  existing?: readonly { entryId: string; judgeId: string }[];
}

export interface AssignResult {
  pairs: { entryId: string; judgeId: string }[];
  /** Entries that could not get `k` eligible judges, with how many they got. */
  shortfalls: { entryId: string; assigned: number }[];
}

export function hasConflict(entry: AssignEntry, judge: AssignJudge, excludeSameUnit: boolean): boolean {
  if (judge.schoolId && judge.schoolId === entry.schoolId) return true;
  if (excludeSameUnit && judge.unitId && judge.unitId === entry.unitId) return true;
  return false;
}

/**
 * @example assignJudges([{ id: 'e1', schoolId: 's1', unitId: 'u1' }], judges, { k: 3, excludeSameUnit: false })
 */
export function assignJudges(entries: readonly AssignEntry[], judges: readonly AssignJudge[], opts: AssignOptions): AssignResult {
  const load = new Map(judges.map((j) => [j.id, 0]));
  const taken = new Map<string, Set<string>>();
  for (const p of opts.existing ?? []) {
    if (!load.has(p.judgeId)) continue;
    load.set(p.judgeId, load.get(p.judgeId)! + 1);
    (taken.get(p.entryId) ?? taken.set(p.entryId, new Set()).get(p.entryId)!).add(p.judgeId);
  }
  const eligible = new Map(entries.map((e) => [e.id, judges.filter((j) => !hasConflict(e, j, opts.excludeSameUnit))]));
  // The most constrained entries choose first, so a scarce eligible judge is not used up by entries that had others.
  const order = [...entries].sort((a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || a.id.localeCompare(b.id));
  const pairs: AssignResult['pairs'] = [];
  const shortfalls: AssignResult['shortfalls'] = [];
  for (const entry of order) {
    const have = taken.get(entry.id) ?? new Set<string>();
    const candidates = eligible
      .get(entry.id)!
      .filter((j) => !have.has(j.id))
      .sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id.localeCompare(b.id));
    const need = Math.max(0, opts.k - have.size);
    for (const judge of candidates.slice(0, need)) {
      pairs.push({ entryId: entry.id, judgeId: judge.id });
      load.set(judge.id, load.get(judge.id)! + 1);
      have.add(judge.id);
    }
    if (have.size < opts.k) shortfalls.push({ entryId: entry.id, assigned: have.size });
  }
  return { pairs, shortfalls };
}
