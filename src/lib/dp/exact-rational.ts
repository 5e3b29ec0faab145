/**
 * The exact rational value of a finite double: every double is m·2^e, so it is n/d with d a power of
 * two. The samplers need rationals; converting exactly means the noise scale is the one promised.
 * @example toRational(0.75) // → { num: 3n, den: 4n }
 */
export function toRational(x: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(x)) throw new RangeError('toRational needs a finite number');
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  let den = 1n;
  let v = x;
  // Doubling is exact until v is an integer (at most 1074 steps for subnormals).
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return reduce(BigInt(v), den);
}

/** Reduces num/den to lowest terms with a positive denominator. */
export function reduce(num: bigint, den: bigint): { num: bigint; den: bigint } {
  if (den === 0n) throw new RangeError('zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  let a = num < 0n ? -num : num;
  let b = den;
  while (b) [a, b] = [b, a % b];
  const g = a || 1n;
  return { num: num / g, den: den / g };
}
