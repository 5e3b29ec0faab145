import { describe, expect, it } from 'vitest';
import { verifyKAnonymity, verifyLDiversity } from './verify-k-anonymity.ts';

describe('independent k-anonymity checker', () => {
  const rows = [
    { age: '10-14', gender: '女', health: '良好' },
    { age: '10-14', gender: '女', health: '近视' },
    { age: '10-14', gender: '男', health: '良好' },
  ];

  it('finds the class that is smaller than k', () => {
    const v = verifyKAnonymity(rows, ['age', 'gender'], 2);
    expect(v.ok).toBe(false);
    expect(v.violations).toEqual([{ values: ['10-14', '男'], size: 1 }]);
    expect(v.smallestClass).toBe(1);
  });

  it('accepts a table once the offending attribute is dropped from the quasi-identifiers', () => {
    expect(verifyKAnonymity(rows, ['age'], 3).ok).toBe(true);
  });

  it('checks distinct l-diversity of a sensitive column per class', () => {
    expect(verifyLDiversity(rows, ['age'], 'health', 2).ok).toBe(true);
    expect(verifyLDiversity(rows, ['age', 'gender'], 'health', 2)).toEqual({ ok: false, smallestDiversity: 1 });
  });
});
