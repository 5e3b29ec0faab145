/**
 * A set of two-character words, keyed by their two UTF-16 code units, stored in an open-addressing hash
 * table over an `Int32Array`.
 *
 * Why not `Set<number>`: the key `a * 65536 + b` of two Han characters exceeds V8's small-integer range, so
 * every `Set.has` boxed a heap number; the name scanner asks this question several times per Han character.
 * Here the key stays a 32-bit integer and a lookup allocates nothing.
 *
 * @example
 * const pairs = PairSet.from(['周末', '陈述']);
 * pairs.has('周'.charCodeAt(0), '末'.charCodeAt(0)); // true
 */
export class PairSet {
  private readonly table: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** @param capacity the number of pairs expected; the table is sized to stay under half full. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size); // 0 marks an empty slot: no key is 0 (a code unit pair (0, 0) is never added)
    this.mask = size - 1;
  }

  /** Builds the set of the two-character strings among `words` (others are ignored). */
  static from(words: Iterable<string>): PairSet {
    const list: string[] = [];
    for (const w of words) if (w.length === 2) list.push(w);
    const set = new PairSet(list.length);
    for (const w of list) set.add(w.charCodeAt(0), w.charCodeAt(1));
    return set;
  }

  get size(): number {
    return this.count;
  }

  add(a: number, b: number): void {
    const key = (a << 16) | b;
    if (key === 0) return;
    let i = hash(key) & this.mask;
    for (;;) {
      const k = this.table[i];
      if (k === key) return;
      if (k === 0) {
        this.table[i] = key;
        this.count++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Whether the two code units `a`, `b` form a word of the set. NaN (past the end of a text) is never in it. */
  has(a: number, b: number): boolean {
    const key = (a << 16) | b;
    if (key === 0) return false;
    let i = hash(key) & this.mask;
    for (;;) {
      const k = this.table[i];
      if (k === key) return true;
      if (k === 0) return false;
      i = (i + 1) & this.mask;
    }
  }
}

function hash(key: number): number {
  const h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
