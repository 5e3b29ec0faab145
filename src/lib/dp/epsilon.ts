/**
 * ε is kept as an integer count of nano-ε (10⁻⁹) throughout the budget and the mechanisms. Doubles do not
 * add up exactly (0.1 + 0.2 > 0.3), which would make a budget refuse the last query of a plan that fits;
 * integers do. A mechanism is calibrated to exactly the rounded ε it is charged, so rounding never
 * weakens a guarantee, and the difference from the requested ε is below 5·10⁻¹⁰.
 */
export const NANOS_PER_EPSILON = 1_000_000_000;

/**
 * Converts ε to nano-ε, refusing values that are not positive, finite and at least 10⁻⁹.
 * @example epsilonToNanos(0.1) // → 100000000
 */
export function epsilonToNanos(epsilon: number): number {
  if (!Number.isFinite(epsilon) || epsilon <= 0) throw new RangeError(`epsilon must be a positive number, got ${epsilon}`);
  const nanos = Math.round(epsilon * NANOS_PER_EPSILON);
  if (nanos < 1) throw new RangeError(`epsilon ${epsilon} is below the 1e-9 resolution`);
  if (!Number.isSafeInteger(nanos)) throw new RangeError(`epsilon ${epsilon} is too large`);
  return nanos;
}

/** Nano-ε back to ε (for display). */
export function nanosToEpsilon(nanos: number): number {
  return nanos / NANOS_PER_EPSILON;
}
