import { describe, expect, it } from 'vitest';
import { gaussianSigma, laplaceInteger, laplaceReal } from './mechanisms.ts';
import { dpCount, dpHistogram, dpMean, dpSum } from './queries.ts';
import { seededRandom } from './random-source.ts';
import { sensitivity } from './sensitivity.ts';

describe('sensitivity derivation', () => {
  it('gives 1 for counts, the largest bound for add-remove sums and the width for replace sums', () => {
    expect(sensitivity({ kind: 'count' })).toBe(1);
    expect(sensitivity({ kind: 'sum', lower: -20, upper: 100 })).toBe(100);
    expect(sensitivity({ kind: 'sum', lower: 20, upper: 100 }, 'replace')).toBe(80);
    expect(sensitivity({ kind: 'histogram' })).toBe(1);
    expect(sensitivity({ kind: 'histogram' }, 'replace')).toBe(2);
    expect(sensitivity({ kind: 'histogram', norm: 'l2' }, 'replace')).toBeCloseTo(Math.SQRT2);
    expect(() => sensitivity({ kind: 'sum', lower: 5, upper: 1 })).toThrow();
  });
});

describe('mechanisms', () => {
  it('calibrates the Gaussian through zCDP', () => {
    expect(gaussianSigma(1, 1, 1e-6)).toBeCloseTo(5.35, 1);
    expect(gaussianSigma(2, 1, 1e-6)).toBeCloseTo(2 * gaussianSigma(1, 1, 1e-6), 6);
  });

  it('Laplace noise on a count has the spread its ε promises', () => {
    const rng = seededRandom('count-spread');
    const xs = Array.from({ length: 5_000 }, () => laplaceInteger(100, 1, 0.5, rng) - 100);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    const p = Math.exp(-0.5);
    expect(variance / ((2 * p) / (1 - p) ** 2)).toBeGreaterThan(0.85);
    expect(variance / ((2 * p) / (1 - p) ** 2)).toBeLessThan(1.15);
  });

  it('real-valued answers land on the grid', () => {
    const v = laplaceReal(12.345, { sensitivity: 1, epsilon: 1, granularity: 0.01 }, seededRandom('grid'));
    expect(Math.abs(Math.round(v / 0.01) * 0.01 - v)).toBeLessThan(1e-9);
  });
});

describe('queries', () => {
  const scores = [35, 60, 72, 88, 91, 150, -10]; // invented; 150 and -10 lie outside [0, 100]

  it('clamps values into the bounds before summing', () => {
    // With an enormous ε the noise vanishes, exposing the clamped sum: 35+60+72+88+91+100+0 = 446.
    const r = dpSum(scores, { epsilon: 1e6, lower: 0, upper: 100, rng: seededRandom('sum') });
    expect(r.value).toBeCloseTo(446, 6);
    expect(r.clamped).toBe(2);
    expect(r.sensitivity).toBe(100);
  });

  it('computes a mean from half-budget sum and count and keeps it inside the bounds', () => {
    const exact = dpMean(scores, { epsilon: 1e6, lower: 0, upper: 100, rng: seededRandom('mean') });
    expect(exact.value).toBeCloseTo(446 / 7, 3);
    expect(exact.epsilon).toBeCloseTo(1e6, 3);
    const noisy = dpMean([1, 2], { epsilon: 0.01, lower: 0, upper: 100, rng: seededRandom('mean2') });
    expect(noisy.value).toBeGreaterThanOrEqual(0);
    expect(noisy.value).toBeLessThanOrEqual(100);
  });

  it('never releases a negative count and reports the ε it charged', () => {
    const r = dpCount(0, { epsilon: 0.1, rng: seededRandom('zero') });
    expect(r.value).toBeGreaterThanOrEqual(0);
    expect(r.epsilon).toBe(0.1);
    expect(r.noiseStdDev).toBeGreaterThan(10);
  });

  it('adds noise to each fixed bin of a histogram and ignores values outside the bins', () => {
    const grades = ['P1', 'P1', 'P2', 'S1', 'P1'];
    const r = dpHistogram(grades, ['P1', 'P2', 'P3'], { epsilon: 1e6, rng: seededRandom('hist') });
    expect(r.value).toEqual({ P1: 3, P2: 1, P3: 0 });
    expect(r.epsilon).toBe(1e6);
  });

  it('supports the Gaussian mechanism, which needs δ', () => {
    const r = dpCount(1000, { epsilon: 1, delta: 1e-6, mechanism: 'gaussian', rng: seededRandom('g') });
    expect(Math.abs(r.value - 1000)).toBeLessThan(6 * r.noiseStdDev);
    expect(r.delta).toBe(1e-6);
    expect(() => dpCount(1000, { epsilon: 1, mechanism: 'gaussian' })).toThrow(/delta/);
  });

  it('refuses ε that is not positive', () => {
    expect(() => dpCount(5, { epsilon: 0 })).toThrow(/epsilon/);
    expect(() => dpCount(5, { epsilon: Number.NaN })).toThrow(/epsilon/);
  });
});
