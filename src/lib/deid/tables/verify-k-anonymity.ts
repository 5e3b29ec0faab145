/**
 * An independent check of k-anonymity and distinct l-diversity, written separately from the anonymiser
 * (it shares no code with mondrian.ts or the encoders) so tests do not grade the algorithm with its own
 * arithmetic. Deliberately simple: group rows by the JSON of their quasi-identifier values and count.
 */
export interface KAnonymityVerdict {
  ok: boolean;
  classes: number;
  smallestClass: number;
  /** Up to 20 offending classes: the quasi-identifier values and the class size. */
  violations: { values: unknown[]; size: number }[];
}

/**
 * True when every combination of quasi-identifier values that occurs in `rows` occurs at least k times.
 * @example verifyKAnonymity([{ a: 1 }, { a: 1 }], ['a'], 2).ok // → true
 */
export function verifyKAnonymity(rows: readonly Record<string, unknown>[], quasi: readonly string[], k: number): KAnonymityVerdict {
  const groups = new Map<string, { values: unknown[]; size: number }>();
  for (const row of rows) {
    const values = quasi.map((q) => normalise(row[q]));
    const key = JSON.stringify(values);
    const g = groups.get(key);
    if (g) g.size++;
    else groups.set(key, { values, size: 1 });
  }
  const all = [...groups.values()];
  const violations = all.filter((g) => g.size < k);
  return {
    ok: violations.length === 0,
    classes: all.length,
    smallestClass: all.reduce((m, g) => Math.min(m, g.size), all.length ? Number.POSITIVE_INFINITY : 0),
    violations: violations.slice(0, 20),
  };
}

/**
 * True when every equivalence class holds at least l distinct values of the sensitive column.
 * @example verifyLDiversity(rows, ['age'], '健康', 2).ok
 */
export function verifyLDiversity(
  rows: readonly Record<string, unknown>[],
  quasi: readonly string[],
  sensitive: string,
  l: number,
): { ok: boolean; smallestDiversity: number } {
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = JSON.stringify(quasi.map((q) => normalise(row[q])));
    let set = groups.get(key);
    if (!set) groups.set(key, (set = new Set()));
    set.add(JSON.stringify(normalise(row[sensitive])));
  }
  let smallest = Number.POSITIVE_INFINITY;
  for (const set of groups.values()) smallest = Math.min(smallest, set.size);
  if (groups.size === 0) smallest = 0;
  return { ok: groups.size === 0 || smallest >= l, smallestDiversity: smallest };
}

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}
