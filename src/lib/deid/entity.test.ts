import { describe, expect, it } from 'vitest';
import { textFeatures } from './entity.ts';

describe('textFeatures', () => {
  it('measures the digit stretches that phone numbers, cards and IDs need', () => {
    const f = textFeatures('電話 +852 (2) 1234-5678，IP 10.0.0.1，護照 K12345678');
    expect(f.maxDigitCluster).toBe(12);
    expect(f.maxDottedGroups).toBe(4);
    expect(f.maxLetterDigitRun).toBe(8);
    expect(f.hasOpenBracket).toBe(true);
  });
});
