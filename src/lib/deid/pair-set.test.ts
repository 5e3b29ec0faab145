import { describe, expect, it } from 'vitest';
import { PairSet } from './pair-set.ts';

const code = (s: string) => s.charCodeAt(0);

describe('PairSet', () => {
  it('holds exactly the two-character words it was built from', () => {
    const set = PairSet.from(['周末', '陈述', '天文台', '高']);
    expect(set.has(code('周'), code('末'))).toBe(true);
    expect(set.has(code('陈'), code('述'))).toBe(true);
    expect(set.has(code('末'), code('周'))).toBe(false);
    expect(set.has(code('天'), code('文'))).toBe(false); // only two-character words are kept
    expect(set.size).toBe(2);
  });

  it('answers no past the end of a text (NaN code units)', () => {
    const set = PairSet.from(['周末']);
    expect(set.has(code('周'), Number.NaN)).toBe(false);
    expect(set.has(Number.NaN, code('末'))).toBe(false);
  });

  it('agrees with a Set of strings on thousands of random pairs', () => {
    const words: string[] = [];
    for (let i = 0; i < 5000; i++) words.push(String.fromCharCode(0x4e00 + ((i * 7919) % 20000), 0x4e00 + ((i * 104729) % 20000)));
    const set = PairSet.from(words);
    const reference = new Set(words);
    for (let i = 0; i < 20000; i++) {
      const w = String.fromCharCode(0x4e00 + ((i * 31) % 20000), 0x4e00 + ((i * 17) % 20000));
      expect(set.has(w.charCodeAt(0), w.charCodeAt(1))).toBe(reference.has(w));
    }
  });
});
