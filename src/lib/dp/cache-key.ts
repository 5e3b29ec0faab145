import { createHash } from 'node:crypto';

/**
 * A stable key for a DP query, so the server can answer a repeated identical query from its cache. Giving
 * back the same noisy answer releases nothing new (post-processing, Dwork & Roth 2014 Prop. 2.1), so it
 * costs no budget — whereas recomputing it with fresh noise would, and would let averaging wash the noise
 * out. The key covers everything that determines the answer: dataset (and its version), query kind,
 * columns, filters, bounds, ε, δ, mechanism. Object key order does not matter; -0 equals 0.
 * @example cacheKey({ dataset: 'ds1@v3', kind: 'mean', column: '成绩', lower: 0, upper: 100, epsilon: 0.5 })
 */
export function cacheKey(query: Record<string, unknown>): string {
  return 'dpq1:' + createHash('sha256').update(canonicalJson(query)).digest('hex');
}

/** JSON with sorted object keys and no whitespace; rejects values JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('cacheKey: non-finite number');
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
    }
    default:
      throw new TypeError(`cacheKey: cannot encode ${typeof value}`);
  }
}
