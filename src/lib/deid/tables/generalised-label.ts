import { lcaOfLeaves } from './hierarchy.ts';
import type { EncodedQuasi } from './quasi-encoding.ts';

/** The published form of one quasi-identifier for one equivalence class, with its information loss. */
export interface GeneralisedLabel {
  label: string;
  /**
   * Normalised certainty penalty (Xu et al., "Utility-Based Anonymization Using Local Recoding", KDD 2006):
   * 0 = exact value, 1 = fully suppressed. Ordered: published range / domain range. Tree: (leaves under the
   * published node − 1) / (all leaves − 1).
   */
  ncp: number;
  /** Tree only: hierarchy levels climbed from the leaf (average over the class's leaves is not needed: the leaves share the node). */
  height: number;
}

const DAY_MS = 86_400_000;

/**
 * Renders the summary of an equivalence class on one dimension, from its smallest and largest leaf code.
 * Ordered values become ranges (snapped to the spec's band), tree values the lowest common ancestor.
 * @example labelOf(ageDim, lo, hi) // → { label: '10-14', ncp: 0.33, height: 0 }
 */
export function labelOf(dim: EncodedQuasi, lo: number, hi: number): GeneralisedLabel {
  if (dim.kind === 'tree') {
    const h = dim.hierarchy;
    const node = lcaOfLeaves(h, lo, hi);
    const leaves = h.hi[node] - h.lo[node] + 1;
    const height = h.depth[h.leafNode[lo]] - h.depth[node];
    return { label: h.labels[node], ncp: h.leafCount > 1 ? (leaves - 1) / (h.leafCount - 1) : 0, height };
  }
  const v = dim.numeric;
  if (dim.hasMissing && lo === 0) return hi === 0 ? { label: '', ncp: 0, height: 0 } : { label: '*', ncp: 1, height: 0 };
  const first = dim.hasMissing ? 1 : 0;
  const domainLo = v[first];
  const domainHi = v[v.length - 1];
  const range = domainHi - domainLo;
  const ncpOf = (a: number, b: number) => (range > 0 ? Math.min(1, (Math.min(b, domainHi) - Math.max(a, domainLo)) / range) : 0);
  if (dim.spec.kind === 'date') return dateLabel(v[lo], v[hi], dim.spec.band ?? 'month', ncpOf);
  const band = dim.spec.band;
  if (!band) {
    const label = v[lo] === v[hi] ? String(v[lo]) : rangeText(v[lo], v[hi]);
    return { label, ncp: ncpOf(v[lo], v[hi]), height: 0 };
  }
  const a = Math.floor(v[lo] / band) * band;
  const b = Math.floor(v[hi] / band) * band + band;
  // Integer data: inclusive bands ("10-14"); fractional data: half-open ("[10, 15)").
  const label = dim.integral && Number.isInteger(band) ? rangeText(a, b - 1) : `[${a}, ${b})`;
  return { label, ncp: ncpOf(a, dim.integral ? b - 1 : b), height: 0 };
}

function rangeText(a: number, b: number): string {
  if (a === b) return String(a);
  return a < 0 ? `[${a}, ${b}]` : `${a}-${b}`;
}

function dateLabel(
  loDay: number,
  hiDay: number,
  band: 'day' | 'month' | 'year',
  ncpOf: (a: number, b: number) => number,
): GeneralisedLabel {
  const lo = new Date(loDay * DAY_MS);
  const hi = new Date(hiDay * DAY_MS);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (band === 'day') {
    return { label: loDay === hiDay ? iso(lo) : `${iso(lo)}..${iso(hi)}`, ncp: ncpOf(loDay, hiDay), height: 0 };
  }
  const y0 = lo.getUTCFullYear();
  const y1 = hi.getUTCFullYear();
  const yearSpan = () => ({
    label: y0 === y1 ? String(y0) : `${y0}..${y1}`,
    ncp: ncpOf(Date.UTC(y0, 0, 1) / DAY_MS, Date.UTC(y1 + 1, 0, 0) / DAY_MS),
    height: 0,
  });
  if (band === 'year') return yearSpan();
  const m0 = lo.getUTCMonth();
  const m1 = hi.getUTCMonth();
  const ym = (y: number, m: number) => `${y}-${String(m + 1).padStart(2, '0')}`;
  const a = Date.UTC(y0, m0, 1) / DAY_MS;
  const b = Date.UTC(y1, m1 + 1, 0) / DAY_MS;
  if (y0 === y1 && m0 === m1) return { label: ym(y0, m0), ncp: ncpOf(a, b), height: 0 };
  if (m0 === 0 && m1 === 11) return yearSpan();
  return { label: `${ym(y0, m0)}..${ym(y1, m1)}`, ncp: ncpOf(a, b), height: 0 };
}
