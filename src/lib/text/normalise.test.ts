import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAligned, normaliseText } from './normalise.ts';

describe('normaliseText', () => {
  it('turns full-width letters and digits into lower-case half-width ones (ＡＩ → ai)', () => {
    expect(normaliseText('ＡＩ')).toBe('ai');
    expect(normaliseText('Ｐｙｔｈｏｎ３')).toBe('python3');
  });

  it('treats punctuation of both scripts and the ideographic space as one space, trimmed', () => {
    expect(normaliseText('  機械人，編程！\u3000課程。 ')).toBe('機械人 編程 課程');
    expect(normaliseText('「人工智能」——入門')).toBe('人工智能 入門');
  });

  it('keeps C++ and C# recognisable and drops apostrophes inside words', () => {
    expect(normaliseText("C++, C# and the teacher's notes")).toBe('c++ c# and the teachers notes');
  });

  it('removes zero-width characters and composes accents (NFKC)', () => {
    expect(normaliseText('ro\u200bbot')).toBe('robot');
    expect(normaliseText('educac\u0327a\u0303o')).toBe('educação');
  });

  it('leaves the script of Chinese alone (conversion is a separate step)', () => {
    expect(normaliseText('軟件软件')).toBe('軟件软件');
  });
});

describe('normaliseAligned', () => {
  it('gives the same text as normaliseText, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(normaliseAligned(text).text).toBe(normaliseText(text));
      }),
    );
  });

  it('maps every output character back to the original characters it came from', () => {
    const aligned = normaliseAligned('ＡＩ，機械人');
    expect(aligned.text).toBe('ai 機械人');
    expect(aligned.start).toEqual([0, 1, 2, 3, 4, 5]);
    expect(aligned.end).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
