import { describe, expect, it } from 'vitest';
import { currentSchoolYear } from './school-year.ts';

describe('the school year a new class belongs to', () => {
  it('from September on, is this year and the next', () => {
    expect(currentSchoolYear(new Date('2026-09-01T00:00:00Z'))).toBe('2026-2027');
  });
  it('before September, is last year and this one', () => {
    expect(currentSchoolYear(new Date('2026-06-30T00:00:00Z'))).toBe('2025-2026');
  });
});
