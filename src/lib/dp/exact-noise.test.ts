import { describe, expect, it } from 'vitest';
import { bernoulliExp, discreteGaussian, discreteLaplace } from './exact-noise.ts';
import { toRational } from './exact-rational.ts';
import { secureRandom, seededRandom, uniformBelow } from './random-source.ts';

/** Sample mean and variance. */
function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('exact discrete noise (Canonne–Kamath–Steinke 2020)', () => {
  it('draws uniform integers without bias', () => {
    const rng = seededRandom('uniform');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 12_000; i++) counts[Number(uniformBelow(rng, 6n))]++;
    // Chi-square with 5 degrees of freedom; 20.5 is the 0.999 quantile.
    const chi = counts.reduce((a, c) => a + (c - 2000) ** 2 / 2000, 0);
    expect(chi).toBeLessThan(20.5);
  });

  it('Bernoulli(exp(−γ)) hits its probability, also for γ > 1', () => {
    const rng = seededRandom('bern');
    for (const [n, d] of [
      [1n, 2n],
      [5n, 2n],
    ] as const) {
      let hits = 0;
      for (let i = 0; i < 10_000; i++) if (bernoulliExp(rng, n, d)) hits++;
      expect(hits / 10_000).toBeCloseTo(Math.exp(-Number(n) / Number(d)), 1);
    }
  });

  it('discrete Laplace of scale 10 has mean ≈ 0 and variance 2p/(1−p)² with p = e^{−1/10}', () => {
    const rng = seededRandom('laplace');
    const xs = Array.from({ length: 20_000 }, () => Number(discreteLaplace(rng, 1n, 10n)));
    const { mean, variance } = moments(xs);
    const p = Math.exp(-0.1);
    const expected = (2 * p) / (1 - p) ** 2;
    expect(Math.abs(mean)).toBeLessThan(0.6); // standard error ≈ 0.1
    expect(variance / expected).toBeGreaterThan(0.9);
    expect(variance / expected).toBeLessThan(1.1);
    // Symmetry and the geometric tail: P[Y=0] = (1−p)/(1+p).
    expect(xs.filter((x) => x === 0).length / xs.length).toBeCloseTo((1 - p) / (1 + p), 1);
    expect(Math.abs(xs.filter((x) => x > 0).length - xs.filter((x) => x < 0).length)).toBeLessThan(600);
  });

  it('discrete Gaussian with σ = 5 has mean ≈ 0 and variance ≈ 25', () => {
    const rng = seededRandom('gauss');
    const xs = Array.from({ length: 20_000 }, () => Number(discreteGaussian(rng, 25n, 1n)));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(0.25);
    expect(variance).toBeGreaterThan(22.5);
    expect(variance).toBeLessThan(27.5);
    // Gaussian tails: beyond 4σ is rare.
    expect(xs.filter((x) => Math.abs(x) > 20).length).toBeLessThan(20);
  });

  it('is reproducible under a seed and different under the secure source', () => {
    const a = Array.from(
      { length: 50 },
      (
        (r) => () =>
          discreteLaplace(r, 1n, 5n)
      )(seededRandom('s')),
    );
    const b = Array.from(
      { length: 50 },
      (
        (r) => () =>
          discreteLaplace(r, 1n, 5n)
      )(seededRandom('s')),
    );
    expect(a).toEqual(b);
    const secure = secureRandom();
    const c = Array.from({ length: 50 }, () => discreteLaplace(secure, 1n, 5n));
    expect(c).not.toEqual(a);
  });

  it('converts doubles to exact rationals', () => {
    expect(toRational(0.75)).toEqual({ num: 3n, den: 4n });
    expect(toRational(3)).toEqual({ num: 3n, den: 1n });
    const { num, den } = toRational(0.1);
    expect(Number(num) / Number(den)).toBe(0.1);
    expect(() => toRational(Number.NaN)).toThrow();
  });
});
