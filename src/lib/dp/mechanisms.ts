import { NANOS_PER_EPSILON, epsilonToNanos } from './epsilon.ts';
import { discreteGaussian, discreteLaplace } from './exact-noise.ts';
import { toRational } from './exact-rational.ts';
import type { RandomSource } from './random-source.ts';

/**
 * The two mechanisms, on integers (exact) and on reals (via a grid). Real answers are rounded to a grid
 * of step `granularity`, noise is drawn exactly on that grid with the integer samplers of exact-noise.ts,
 * and the result is scaled back — the discretise-then-add-discrete-noise construction recommended in
 * Canonne–Kamath–Steinke (NeurIPS 2020, §1) and used by OpenDP / Google's DP libraries, which removes
 * Mironov's floating-point attack (CCS 2012) without his snapping mechanism's extra clamping.
 */

/**
 * Discrete Laplace mechanism for an integer query with integer L1 `sensitivity`: ε-DP.
 * Noise P[z] ∝ exp(−|z|·ε/Δ).
 * @example laplaceInteger(42, 1, 0.5, secureRandom()) // a noisy count
 */
export function laplaceInteger(value: number, sensitivity: number, epsilon: number, rng: RandomSource): number {
  if (!Number.isSafeInteger(value)) throw new RangeError('laplaceInteger needs an integer value');
  if (!Number.isInteger(sensitivity) || sensitivity < 1) throw new RangeError('integer sensitivity ≥ 1 required');
  const nanos = BigInt(epsilonToNanos(epsilon));
  const noise = discreteLaplace(rng, nanos, BigInt(NANOS_PER_EPSILON) * BigInt(sensitivity));
  return value + Number(noise);
}

/**
 * σ for the Gaussian mechanism at (ε, δ) with L2 sensitivity Δ, through zero-concentrated DP:
 * the discrete Gaussian with variance σ² is ρ-zCDP with ρ = Δ²/(2σ²) (CKS20, Theorem 4), and ρ-zCDP
 * implies (ρ + 2√(ρ·ln(1/δ)), δ)-DP (M. Bun, T. Steinke, "Concentrated Differential Privacy", TCC 2016,
 * Prop. 1.3). Solving for ρ: √ρ = √(ln(1/δ) + ε) − √(ln(1/δ)). (Tighter conversions exist — CKS20
 * Theorem 7 — this one is simple and safe.)
 * @example gaussianSigma(1, 1, 1e-6) // ≈ 5.35
 */
export function gaussianSigma(sensitivity: number, epsilon: number, delta: number): number {
  if (!(delta > 0 && delta < 1)) throw new RangeError('delta must be in (0, 1)');
  if (!(sensitivity > 0)) throw new RangeError('sensitivity must be positive');
  const L = Math.log(1 / delta);
  const rootRho = Math.sqrt(L + epsilon) - Math.sqrt(L);
  // Round σ up a hair so the floating-point solution never falls below the true requirement.
  return (sensitivity / (Math.SQRT2 * rootRho)) * (1 + 1e-9);
}

/**
 * Discrete Gaussian mechanism for an integer query: (ε, δ)-DP with L2 `sensitivity`.
 * @example gaussianInteger(42, 1, 1, 1e-6, secureRandom())
 */
export function gaussianInteger(value: number, sensitivity: number, epsilon: number, delta: number, rng: RandomSource): number {
  if (!Number.isSafeInteger(value)) throw new RangeError('gaussianInteger needs an integer value');
  const eps = epsilonToNanos(epsilon) / NANOS_PER_EPSILON;
  const sigma = gaussianSigma(sensitivity, eps, delta);
  const { num, den } = toRational(sigma * sigma);
  return value + Number(discreteGaussian(rng, num, den));
}

export interface RealMechanismOptions {
  /** L1 (Laplace) or L2 (Gaussian) sensitivity of the real-valued query. */
  sensitivity: number;
  epsilon: number;
  /** Grid step of the output; default sensitivity / 1000. The answer is a multiple of it. */
  granularity?: number;
}

/**
 * Laplace mechanism for a real-valued query, on a grid: ε-DP. Rounding to the grid can move two
 * neighbours' answers one step further apart, so the grid sensitivity is ⌈Δ/g⌉ + 1.
 * @example laplaceReal(12.34, { sensitivity: 1, epsilon: 0.5, granularity: 0.01 }, rng)
 */
export function laplaceReal(value: number, options: RealMechanismOptions, rng: RandomSource): number {
  const g = options.granularity ?? options.sensitivity / 1000;
  const units = gridUnits(value, g);
  const sens = Math.ceil(options.sensitivity / g) + 1;
  return laplaceInteger(units, sens, options.epsilon, rng) * g;
}

/**
 * Gaussian mechanism for a real-valued query, on a grid: (ε, δ)-DP.
 * @example gaussianReal(12.34, { sensitivity: 1, epsilon: 1, granularity: 0.01 }, 1e-6, rng)
 */
export function gaussianReal(value: number, options: RealMechanismOptions, delta: number, rng: RandomSource): number {
  const g = options.granularity ?? options.sensitivity / 1000;
  const units = gridUnits(value, g);
  const sens = Math.ceil(options.sensitivity / g) + 1;
  return gaussianInteger(units, sens, options.epsilon, delta, rng) * g;
}

function gridUnits(value: number, g: number): number {
  if (!(g > 0)) throw new RangeError('granularity must be positive');
  const units = Math.round(value / g);
  if (!Number.isSafeInteger(units)) throw new RangeError('value too large for the grid; use a coarser granularity');
  return units;
}
