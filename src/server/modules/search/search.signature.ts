import type { RankKind } from './search.rank-vector.ts';

/**
 * The "anywhere" signature: a Bloom filter of every value a document holds anywhere (the ranking vector's
 * weight-D entries: words, bigrams and English stems of all fields, body included), 4,096 bits in a
 * 512-byte `bytea` kept in the heap row (STORAGE PLAIN). It answers "may this document hold value v
 * anywhere?" with no false negatives, from three bit tests, without reading the TOASTed ranking vector.
 *
 * The two-phase ranking (search.rank-page.ts) uses it for a per-row bound of the body score: the sum of
 * the weights of the query values the signature may hold, instead of assuming every value is there. The
 * bound stays an upper bound (a Bloom filter never misses a value it holds), so the page stays exact; it
 * is just tighter, so the rows whose body cannot reach the page are left unread — above all for queries
 * with a corrected word, whose matches differ only in the body.
 *
 * The false-positive rate is ≈ 1 % per value at 320 values (a lesson-sized document). It matters more than
 * it seems: rows whose bound is inflated by a false positive are read first, so with many tied matches (a
 * typo query) every inflated row must be read before the page settles. A long document fills the filter and
 * its bound drifts back towards the global one, which is still correct.
 */
export const SIGNATURE_BITS = 4096;
const SIGNATURE_BYTES = SIGNATURE_BITS / 8;

/** FNV-1a over the UTF-16 code units, from a given offset basis (two bases give two independent hashes). */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The three bit numbers of a value (double hashing). Bit n is bit n % 8 (from the right) of byte n / 8,
 * which is how PostgreSQL's `get_bit(bytea, n)` numbers them.
 *
 * @example signatureBits('w', '机器人') // [1234, 87, 3012] (three numbers below SIGNATURE_BITS)
 */
export function signatureBits(kind: RankKind, value: string): [number, number, number] {
  const key = `${kind}:${value}`;
  const h1 = fnv1a(key, 0x811c9dc5);
  const h2 = (fnv1a(key, 0x050c5d1f) | 1) >>> 0;
  return [h1 % SIGNATURE_BITS, (h1 + h2) % SIGNATURE_BITS, (h1 + 2 * h2) % SIGNATURE_BITS];
}

/** The signature of a document's "anywhere" values. */
export function anywhereSignature(values: { terms: readonly string[]; bigrams: readonly string[]; english: readonly string[] }): Buffer {
  const bytes = Buffer.alloc(SIGNATURE_BYTES);
  const add = (kind: RankKind, xs: readonly string[]) => {
    for (const x of xs) {
      if (!x) continue;
      for (const bit of signatureBits(kind, x)) bytes[bit >> 3] |= 1 << (bit & 7);
    }
  };
  add('w', values.terms);
  add('b', values.bigrams);
  add('e', values.english);
  return bytes;
}

/** Whether the signature may hold the value (false: it certainly does not). The SQL twin is in search.query.ts. */
export function signatureMayHold(signature: Uint8Array, kind: RankKind, value: string): boolean {
  return signatureBits(kind, value).every((bit) => (signature[bit >> 3] & (1 << (bit & 7))) !== 0);
}
