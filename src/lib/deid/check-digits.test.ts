import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import { isValidHkid, isValidResidentId } from './check-digits.ts';

/** A small seeded generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('check digits agree with stdnum, the reference implementation', () => {
  it('gives the same answer as stdnum cn.ric for 5,000 resident-ID-shaped values (valid, wrong check, bad dates)', () => {
    const next = random(7);
    const digit = () => String(Math.floor(next() * 10));
    for (let n = 0; n < 5000; n++) {
      const year = 1900 + Math.floor(next() * 140); // some in the future
      const month = Math.floor(next() * 14); // 0 and 13 are invalid
      const day = Math.floor(next() * 33);
      const date = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      let body = `${1 + Math.floor(next() * 9)}${Array.from({ length: 5 }, digit).join('')}${date}${Array.from({ length: 3 }, digit).join('')}`;
      const check = '0123456789X'[Math.floor(next() * 11)];
      if (n % 3 === 0) {
        const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0);
        body += '10X98765432'[sum % 11];
      } else body += check;
      const spaced = n % 5 === 0 ? `${body.slice(0, 6)} ${body.slice(6, 14)} ${body.slice(14)}` : body;
      expect(isValidResidentId(spaced), spaced).toBe(stdnum.CN.ric.validate(body).isValid);
    }
  });

  it('accepts known valid resident IDs and rejects a wrong check character', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });

  it('gives the same answer as stdnum hk.hkid for 5,000 HKID-shaped values, bracketed or not', () => {
    const next = random(11);
    const letter = () => String.fromCharCode(65 + Math.floor(next() * 26));
    for (let n = 0; n < 5000; n++) {
      const prefix = next() < 0.3 ? letter() + letter() : letter();
      const digits = Array.from({ length: 6 }, () => String(Math.floor(next() * 10))).join('');
      const check = '0123456789A'[Math.floor(next() * 11)];
      const value = n % 2 === 0 ? `${prefix}${digits}(${check})` : `${prefix}${digits}${check}`;
      expect(isValidHkid(value), value).toBe(stdnum.HK.hkid.validate(value).isValid);
    }
  });
});
