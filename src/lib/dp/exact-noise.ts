import { uniformBelow, type RandomSource } from './random-source.ts';

/*
 * Exact samplers for discrete noise, after C. L. Canonne, G. Kamath, T. Steinke, "The Discrete Gaussian
 * for Differential Privacy", NeurIPS 2020 (arXiv:2004.00010), Algorithms 1–3. They use only integer
 * arithmetic (BigInt) and uniform random integers, so the output distribution is exactly the one the
 * privacy proof assumes. Textbook Laplace noise computed in floating point is not: I. Mironov, "On
 * Significance of the Least Significant Bits for Differential Privacy", CCS 2012, shows the gaps in the
 * floating-point output reveal the true value. Real-valued queries are therefore discretised to a grid and
 * perturbed with these integer samplers (see mechanisms.ts).
 */

/** Bernoulli(n / d). */
function bernoulli(rng: RandomSource, n: bigint, d: bigint): boolean {
  return uniformBelow(rng, d) < n;
}

/**
 * Bernoulli(exp(−n/d)) for a rational n/d ≥ 0 (CKS20 Algorithm 1).
 * @example bernoulliExp(rng, 1n, 2n) // true with probability e^{-1/2}
 */
export function bernoulliExp(rng: RandomSource, n: bigint, d: bigint): boolean {
  if (n < 0n || d <= 0n) throw new RangeError('bernoulliExp needs n ≥ 0, d > 0');
  // γ > 1: exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)).
  while (n > d) {
    if (!bernoulliExpAtMostOne(rng, 1n, 1n)) return false;
    n -= d;
  }
  return bernoulliExpAtMostOne(rng, n, d);
}

function bernoulliExpAtMostOne(rng: RandomSource, n: bigint, d: bigint): boolean {
  let k = 1n;
  while (bernoulli(rng, n, d * k)) k++;
  return k % 2n === 1n;
}

/**
 * Discrete Laplace: P[Y = y] ∝ exp(−|y|·s/t) on the integers, i.e. scale t/s (CKS20 Algorithm 2).
 * @example discreteLaplace(rng, 1n, 10n) // scale 10
 */
export function discreteLaplace(rng: RandomSource, s: bigint, t: bigint): bigint {
  if (s <= 0n || t <= 0n) throw new RangeError('discreteLaplace needs s, t > 0');
  for (;;) {
    const u = uniformBelow(rng, t);
    if (!bernoulliExp(rng, u, t)) continue;
    let v = 0n;
    while (bernoulliExp(rng, 1n, 1n)) v++;
    const x = u + t * v;
    const y = x / s;
    const negative = uniformBelow(rng, 2n) === 1n;
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}

/**
 * Discrete Gaussian: P[Y = y] ∝ exp(−y²/(2σ²)) with σ² = num/den (CKS20 Algorithm 3).
 * @example discreteGaussian(rng, 25n, 1n) // σ = 5
 */
export function discreteGaussian(rng: RandomSource, num: bigint, den: bigint): bigint {
  if (num <= 0n || den <= 0n) throw new RangeError('discreteGaussian needs σ² > 0');
  // t = ⌊σ⌋ + 1, with ⌊σ⌋ = integer square root of ⌊σ²⌋ (exact for the purpose: t only tunes efficiency).
  const t = isqrt(num / den) + 1n;
  for (;;) {
    const y = discreteLaplace(rng, 1n, t);
    const a = y < 0n ? -y : y;
    // γ = (|y| − σ²/t)² / (2σ²) = (|y|·den·t − num)² / (2·num·den·t²)
    const diff = a * den * t - num;
    if (bernoulliExp(rng, diff * diff, 2n * num * den * t * t)) return y;
  }
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}
