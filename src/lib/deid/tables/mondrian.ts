import { lcaOfLeaves } from './hierarchy.ts';
import type { EncodedQuasi } from './quasi-encoding.ts';

/**
 * Multidimensional k-anonymity (with optional distinct l-diversity) by top-down partitioning.
 *
 * Algorithm: Mondrian, K. LeFevre, D. J. DeWitt, R. Ramakrishnan, "Mondrian Multidimensional
 * K-Anonymity", ICDE 2006. Strict multidimensional partitioning: a partition is split on the quasi-identifier
 * with the widest normalised range, as long as every part keeps at least k records; when no allowable
 * cut exists the partition becomes an equivalence class and is published with the summary of its values.
 * - Ordered attributes (numbers, dates) are cut at the median (§4 of the paper), taking whichever side of a
 *   run of equal median values gives the more balanced allowable split.
 * - Categorical attributes are cut along their generalisation hierarchy (§5, "categorical attributes with
 *   hierarchies"): the partition's values are grouped by the children of their lowest common ancestor.
 *   Children too small to stand alone are pooled into one remainder part published at the parent level
 *   (local recoding); the pool is merged into the smallest large child if it is itself smaller than k.
 * - l-diversity (A. Machanavajjhala et al., "ℓ-Diversity: Privacy Beyond k-Anonymity", ICDE 2006 / TKDD
 *   2007, distinct ℓ-diversity) is enforced as an extra allowability condition of each cut, as LeFevre et
 *   al. suggest for any monotone privacy requirement; it is monotone, so the algorithm stays correct.
 *
 * Mondrian needs no suppression: every final partition has ≥ k records by construction. Only when the whole
 * table is smaller than k, or not l-diverse as a whole, is every record suppressed.
 *
 * Everything runs on typed arrays: one Int32Array of row indices, partitioned in place (like quicksort),
 * and the integer leaf codes of each quasi-identifier. No object is created per row.
 */
export interface MondrianInput {
  dims: readonly EncodedQuasi[];
  length: number;
  k: number;
  /** Distinct l-diversity over `sensitive` (1 = off). */
  l?: number;
  /** Integer codes of the sensitive column (needed when l > 1). */
  sensitive?: Int32Array;
}

export interface MondrianResult {
  /** Equivalence-class partition of each row, or -1 when the row is suppressed. */
  partitionOf: Int32Array;
  partitionCount: number;
  /** Per dimension: smallest and largest leaf code present in each partition. */
  minLeaf: Int32Array[];
  maxLeaf: Int32Array[];
  /** Records in each partition. */
  partitionSize: Int32Array;
  suppressed: number;
}

/**
 * Partitions the rows; see the module comment for the algorithm and its citation.
 * @example
 * const r = mondrian({ dims: [encodeQuasi(ageColumn, { column: 'age', kind: 'number' })], length: n, k: 5 });
 */
export function mondrian(input: MondrianInput): MondrianResult {
  const { dims, length: n, k } = input;
  const l = input.l ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new Error('k must be a positive integer');
  if (l > 1 && !input.sensitive) throw new Error('l-diversity needs the sensitive column');
  const D = dims.length;
  const codes = dims.map((d) => d.codes);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const scratch = new Int32Array(n);
  const maxLeaves = dims.reduce((m, d) => Math.max(m, d.leafCount), 1);
  const hist = new Int32Array(maxLeaves + 1);
  const capacity = Math.floor(n / Math.max(k, 1)) + 1;
  const minLeaf = dims.map(() => new Int32Array(capacity));
  const maxLeaf = dims.map(() => new Int32Array(capacity));
  const partitionSize = new Int32Array(capacity);
  const partitionOf = new Int32Array(n).fill(-1);
  let partitionCount = 0;

  // Distinct l-diversity check with a generation stamp, so no clearing is needed between checks.
  const sensitive = input.sensitive;
  let stamp = new Int32Array(0);
  if (sensitive) {
    let maxS = 0;
    for (let i = 0; i < n; i++) if (sensitive[i] > maxS) maxS = sensitive[i];
    stamp = new Int32Array(maxS + 1);
  }
  let generation = 0;
  const diverse = (s: number, e: number): boolean => {
    if (l <= 1) return true;
    generation++;
    let distinct = 0;
    for (let i = s; i < e; i++) {
      const v = sensitive![idx[i]];
      if (stamp[v] !== generation) {
        stamp[v] = generation;
        if (++distinct >= l) return true;
      }
    }
    return false;
  };

  if (n === 0) return { partitionOf, partitionCount: 0, minLeaf, maxLeaf, partitionSize, suppressed: 0 };
  if (n < k || !diverse(0, n)) return { partitionOf, partitionCount: 0, minLeaf, maxLeaf, partitionSize, suppressed: n };

  const mins = new Int32Array(D);
  const maxs = new Int32Array(D);
  const widths = new Float64Array(D);
  const order: number[] = [];
  const cuts: number[] = [];
  const childLookups = dims.map(() => new Map<number, Int32Array>());

  /** Splits idx[s,e) on ordered dimension d; pushes the cut boundary into `cuts` and returns success. */
  const splitOrdered = (d: number, s: number, e: number): boolean => {
    const c = codes[d];
    const m = e - s;
    const lo = mins[d];
    const hi = maxs[d];
    let median: number;
    let below: number; // records with code < median
    let upTo: number; // records with code ≤ median
    if (hi - lo + 1 <= 2 * m) {
      for (let v = lo; v <= hi; v++) hist[v] = 0;
      for (let i = s; i < e; i++) hist[c[idx[i]]]++;
      const half = (m - 1) >> 1;
      let acc = 0;
      median = lo;
      for (let v = lo; v <= hi; v++) {
        if (acc + hist[v] > half) {
          median = v;
          break;
        }
        acc += hist[v];
      }
      below = acc;
      upTo = acc + hist[median];
    } else {
      for (let i = s; i < e; i++) scratch[i - s] = c[idx[i]];
      const sorted = scratch.subarray(0, m).sort();
      median = sorted[(m - 1) >> 1];
      below = lowerBound(sorted, median);
      upTo = lowerBound(sorted, median + 1);
    }
    // Two candidate cuts around the run of median values; try the more balanced first.
    const candidates = [
      { cut: median, left: upTo },
      { cut: median - 1, left: below },
    ].sort((a, b) => Math.abs(a.left - m / 2) - Math.abs(b.left - m / 2));
    for (const { cut, left } of candidates) {
      if (left < k || m - left < k) continue;
      let i = s;
      let j = e - 1;
      while (i <= j) {
        if (c[idx[i]] <= cut) i++;
        else {
          const t = idx[i];
          idx[i] = idx[j];
          idx[j--] = t;
        }
      }
      if (diverse(s, s + left) && diverse(s + left, e)) {
        cuts.push(s, s + left, e);
        return true;
      }
    }
    return false;
  };

  /** Splits idx[s,e) along the children of the lowest common ancestor on tree dimension d. */
  const splitTree = (d: number, s: number, e: number): boolean => {
    const dim = dims[d];
    if (dim.kind !== 'tree') return false;
    const h = dim.hierarchy;
    const node = lcaOfLeaves(h, mins[d], maxs[d]);
    const kids = h.children[node];
    if (kids.length < 2) return false;
    let lookup = childLookups[d].get(node);
    if (!lookup) {
      lookup = new Int32Array(h.hi[node] - h.lo[node] + 1);
      kids.forEach((kid, ci) => lookup!.fill(ci, h.lo[kid] - h.lo[node], h.hi[kid] - h.lo[node] + 1));
      childLookups[d].set(node, lookup);
    }
    const base = h.lo[node];
    const c = codes[d];
    const counts = new Int32Array(kids.length);
    for (let i = s; i < e; i++) counts[lookup[c[idx[i]] - base]]++;
    // Group: each child with ≥ k records stands alone; the rest pool into one remainder group.
    const group = new Int32Array(kids.length);
    let groups = 0;
    let pool = 0;
    let smallest = -1;
    let smallestCount = Number.POSITIVE_INFINITY;
    for (let ci = 0; ci < kids.length; ci++) {
      if (counts[ci] >= k) {
        group[ci] = groups++;
        if (counts[ci] < smallestCount) {
          smallestCount = counts[ci];
          smallest = group[ci];
        }
      } else {
        pool += counts[ci];
        group[ci] = -1;
      }
    }
    const poolGroup = pool === 0 ? -1 : pool >= k ? groups++ : smallest;
    if (poolGroup < 0 && pool > 0) return false;
    for (let ci = 0; ci < kids.length; ci++) if (group[ci] < 0) group[ci] = poolGroup;
    if (groups < 2) return false;
    // Counting sort of the segment by group.
    const sizes = new Int32Array(groups);
    for (let ci = 0; ci < kids.length; ci++) if (group[ci] >= 0) sizes[group[ci]] += counts[ci];
    const offsets = new Int32Array(groups);
    for (let g = 1; g < groups; g++) offsets[g] = offsets[g - 1] + sizes[g - 1];
    const start = offsets.slice();
    for (let i = s; i < e; i++) {
      const g = group[lookup[c[idx[i]] - base]];
      scratch[offsets[g]++] = idx[i];
    }
    idx.set(scratch.subarray(0, e - s), s);
    for (let g = 0; g < groups; g++) if (!diverse(s + start[g], s + start[g] + sizes[g])) return false;
    cuts.push(s);
    for (let g = 0; g < groups; g++) cuts.push(s + start[g] + sizes[g]);
    return true;
  };

  const stack: number[] = [0, n];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const s = stack.pop()!;
    const m = e - s;
    for (let d = 0; d < D; d++) {
      const c = codes[d];
      let lo = c[idx[s]];
      let hi = lo;
      for (let i = s + 1; i < e; i++) {
        const v = c[idx[i]];
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
      mins[d] = lo;
      maxs[d] = hi;
    }
    let split = false;
    if (m >= 2 * k) {
      order.length = 0;
      for (let d = 0; d < D; d++) {
        widths[d] = width(dims[d], mins[d], maxs[d]);
        if (widths[d] > 0) order.push(d);
      }
      order.sort((a, b) => widths[b] - widths[a]);
      for (const d of order) {
        cuts.length = 0;
        split = dims[d].kind === 'tree' ? splitTree(d, s, e) : splitOrdered(d, s, e);
        if (split) {
          // cuts = [s, b1, b2, …, e]: push each part.
          for (let x = 0; x + 1 < cuts.length; x++) stack.push(cuts[x], cuts[x + 1]);
          break;
        }
      }
    }
    if (!split) {
      const p = partitionCount++;
      for (let d = 0; d < D; d++) {
        minLeaf[d][p] = mins[d];
        maxLeaf[d][p] = maxs[d];
      }
      partitionSize[p] = m;
      for (let i = s; i < e; i++) partitionOf[idx[i]] = p;
    }
  }
  return { partitionOf, partitionCount, minLeaf, maxLeaf, partitionSize, suppressed: 0 };
}

/** Normalised width of a partition on one dimension (Mondrian's choice of the dimension to cut). */
function width(dim: EncodedQuasi, lo: number, hi: number): number {
  if (lo === hi) return 0;
  if (dim.kind === 'tree') {
    const h = dim.hierarchy;
    const node = lcaOfLeaves(h, lo, hi);
    return (h.hi[node] - h.lo[node] + 1) / h.leafCount;
  }
  const v = dim.numeric;
  if (dim.hasMissing && lo === 0) return 1;
  const first = dim.hasMissing ? 1 : 0;
  const range = v[v.length - 1] - v[first];
  return range > 0 ? (v[hi] - v[lo]) / range : 0;
}

function lowerBound(sorted: Int32Array, value: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < value) a = mid + 1;
    else b = mid;
  }
  return a;
}
