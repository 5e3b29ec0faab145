import { createHash, randomFillSync } from 'node:crypto';

/**
 * Source of random bytes for the noise samplers. Production uses {@link secureRandom} (the operating
 * system's CSPRNG through node:crypto): noise drawn from a predictable generator is no protection at all.
 */
export interface RandomSource {
  /** Fills `out` with random bytes and returns it. */
  fill(out: Uint8Array): Uint8Array;
}

/**
 * The cryptographically secure source (node:crypto `randomFillSync`), buffered in 4 KiB blocks so small
 * draws do not each cost a system call.
 * @example const rng = secureRandom(); discreteLaplace(rng, 1n, 10n)
 */
export function secureRandom(): RandomSource {
  const pool = new Uint8Array(4096);
  let at = pool.length;
  return {
    fill(out) {
      for (let i = 0; i < out.length; i++) {
        if (at === pool.length) {
          randomFillSync(pool);
          at = 0;
        }
        out[i] = pool[at++];
      }
      return out;
    },
  };
}

/**
 * A deterministic source for tests and reproducible demos only: SHA-256 in counter mode over the seed.
 * Never use it for a real release — anyone who knows the seed can subtract the noise.
 * @example const rng = seededRandom('test-1');
 */
export function seededRandom(seed: string): RandomSource {
  let counter = 0;
  let block = new Uint8Array(0);
  let at = 0;
  return {
    fill(out) {
      for (let i = 0; i < out.length; i++) {
        if (at === block.length) {
          block = createHash('sha256').update(seed).update(String(counter++)).digest();
          at = 0;
        }
        out[i] = block[at++];
      }
      return out;
    },
  };
}

/**
 * A uniform integer in [0, m) by rejection sampling (no modulo bias).
 * @example uniformBelow(rng, 6n) // a fair die roll, 0…5
 */
export function uniformBelow(rng: RandomSource, m: bigint): bigint {
  if (m <= 0n) throw new RangeError('uniformBelow needs m > 0');
  if (m === 1n) return 0n;
  const bits = (m - 1n).toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const topMask = (1 << (bits - 8 * (bytes - 1))) - 1;
  const buf = new Uint8Array(bytes);
  for (;;) {
    rng.fill(buf);
    buf[0] &= topMask;
    let x = 0n;
    for (const b of buf) x = (x << 8n) | BigInt(b);
    if (x < m) return x;
  }
}
