import { epsilonToNanos, nanosToEpsilon } from './epsilon.ts';
import { gaussianInteger, gaussianSigma, laplaceInteger } from './mechanisms.ts';
import { secureRandom, type RandomSource } from './random-source.ts';
import { sensitivity, type Neighbouring } from './sensitivity.ts';

/** Which noise: discrete Laplace (pure ε-DP) or discrete Gaussian ((ε, δ)-DP, lighter tails). */
export type Mechanism = 'laplace' | 'gaussian';

export interface QueryOptions {
  epsilon: number;
  mechanism?: Mechanism;
  /** Required for the Gaussian mechanism. */
  delta?: number;
  neighbouring?: Neighbouring;
  /** Test seam: defaults to the secure source. */
  rng?: RandomSource;
}

/** A released answer with what it cost and how noisy it is. */
export interface DpRelease<T = number> {
  value: T;
  /** ε charged (after rounding to nano-ε), and δ. */
  epsilon: number;
  delta: number;
  mechanism: Mechanism;
  sensitivity: number;
  /** Standard deviation of the added noise, in answer units (for error bars). */
  noiseStdDev: number;
}

/**
 * Noisy count of records. Negative noisy counts are raised to 0 (post-processing, free of privacy cost).
 * @example dpCount(1234, { epsilon: 0.5 }).value // ≈ 1234 ± 3
 */
export function dpCount(trueCount: number, options: QueryOptions): DpRelease {
  const release = noisyInteger(trueCount, sensitivity({ kind: 'count' }), options);
  return { ...release, value: Math.max(0, release.value) };
}

export interface BoundedOptions extends QueryOptions {
  /** Clamping bounds: each value is clipped into [lower, upper] before summing — this is what bounds sensitivity. */
  lower: number;
  upper: number;
  /** Grid step of the answer; default a power of ten near (upper − lower)/1000. */
  granularity?: number;
}

/**
 * Noisy sum of values clamped to [lower, upper]. Values are rounded to the grid first, so the sum is an
 * exact integer number of grid steps and the sensitivity in steps is exact.
 * @example dpSum(scores, { epsilon: 1, lower: 0, upper: 100 })
 */
export function dpSum(values: Iterable<number>, options: BoundedOptions): DpRelease & { clamped: number } {
  const { lower, upper } = options;
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower <= upper)) throw new RangeError('need finite bounds, lower ≤ upper');
  const g = options.granularity ?? defaultGranularity(lower, upper);
  const lo = Math.round(lower / g);
  const hi = Math.round(upper / g);
  let units = 0;
  let clamped = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    let u = Math.round(Math.min(upper, Math.max(lower, v)) / g);
    if (v < lower || v > upper) clamped++;
    u = Math.min(hi, Math.max(lo, u));
    units += u;
  }
  const sens = options.neighbouring === 'replace' ? hi - lo : Math.max(Math.abs(lo), Math.abs(hi));
  const release = noisyInteger(units, Math.max(1, sens), options);
  return { ...release, value: release.value * g, noiseStdDev: release.noiseStdDev * g, sensitivity: sens * g, clamped };
}

/**
 * Noisy mean of values clamped to [lower, upper]: half of ε for a noisy sum, half for a noisy count
 * (sequential composition), their ratio clamped back into the bounds (post-processing). Under
 * add-remove neighbouring this is the standard construction (Dwork & Roth 2014; see also the OpenDP
 * "mean" notes).
 * @example dpMean(scores, { epsilon: 1, lower: 0, upper: 100 }).value
 */
export function dpMean(values: Iterable<number>, options: BoundedOptions): DpRelease & { clamped: number } {
  const list = [...values].filter((v) => !Number.isNaN(v));
  const half = nanosToEpsilon(Math.floor(epsilonToNanos(options.epsilon) / 2));
  const delta = (options.delta ?? 0) / 2;
  const sum = dpSum(list, { ...options, epsilon: half, delta });
  const count = noisyInteger(list.length, 1, { ...options, epsilon: half, delta });
  const mid = (options.lower + options.upper) / 2;
  const value = count.value <= 0 ? mid : Math.min(options.upper, Math.max(options.lower, sum.value / count.value));
  return {
    value,
    epsilon: sum.epsilon + count.epsilon,
    delta: sum.delta + count.delta,
    mechanism: sum.mechanism,
    sensitivity: sum.sensitivity,
    // First-order error estimate of a ratio, for display only.
    noiseStdDev:
      list.length > 0 ? Math.hypot(sum.noiseStdDev, Math.abs(value) * count.noiseStdDev) / list.length : Number.POSITIVE_INFINITY,
    clamped: sum.clamped,
  };
}

/**
 * Noisy histogram over bins fixed in advance (the bins must not come from the data, or the set of bins
 * itself leaks). Each record falls in at most one bin, so each count gets independent noise at the full ε
 * (parallel composition). Values outside the bins are ignored. Negative counts are raised to 0.
 * @example dpHistogram(grades, ['P1', 'P2', 'P3'], { epsilon: 1 }).value // { P1: 31, P2: 28, P3: 0 }
 */
export function dpHistogram(values: Iterable<string>, bins: readonly string[], options: QueryOptions): DpRelease<Record<string, number>> {
  const counts = new Map(bins.map((b) => [b, 0]));
  for (const v of values) if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
  const neighbouring = options.neighbouring ?? 'add-remove';
  const norm = options.mechanism === 'gaussian' ? 'l2' : 'l1';
  const sens = sensitivity({ kind: 'histogram', norm }, neighbouring);
  const out: Record<string, number> = {};
  let last: DpRelease | undefined;
  for (const b of bins) {
    last = noisyInteger(counts.get(b)!, sens, options);
    out[b] = Math.max(0, last.value);
  }
  const epsilon = nanosToEpsilon(epsilonToNanos(options.epsilon));
  return {
    value: out,
    epsilon,
    delta: options.mechanism === 'gaussian' ? (options.delta ?? 0) : 0,
    mechanism: options.mechanism ?? 'laplace',
    sensitivity: sens,
    noiseStdDev: last?.noiseStdDev ?? 0,
  };
}

/** Integer query + noise of the chosen mechanism. A non-integer sensitivity is rounded up. */
function noisyInteger(value: number, sens: number, options: QueryOptions): DpRelease {
  const rng = options.rng ?? secureRandom();
  const nanos = epsilonToNanos(options.epsilon);
  const epsilon = nanosToEpsilon(nanos);
  const mechanism = options.mechanism ?? 'laplace';
  if (mechanism === 'gaussian') {
    const delta = options.delta;
    if (delta === undefined) throw new RangeError('the Gaussian mechanism needs delta');
    const sigma = gaussianSigma(sens, epsilon, delta);
    return { value: gaussianInteger(value, sens, epsilon, delta, rng), epsilon, delta, mechanism, sensitivity: sens, noiseStdDev: sigma };
  }
  const intSens = Math.ceil(sens);
  const b = intSens / epsilon;
  const p = Math.exp(-1 / b);
  return {
    value: laplaceInteger(value, intSens, epsilon, rng),
    epsilon,
    delta: 0,
    mechanism,
    sensitivity: intSens,
    noiseStdDev: Math.sqrt((2 * p) / (1 - p) ** 2),
  };
}

function defaultGranularity(lower: number, upper: number): number {
  const span = upper - lower;
  if (span <= 0) return 1;
  return 10 ** Math.floor(Math.log10(span / 1000));
}
