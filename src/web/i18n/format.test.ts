import { describe, expect, it } from 'vitest';
import { formatDateTime, pickName } from './format.ts';

describe('showing times and names', () => {
  it('shows a UTC timestamp in UTC+8, whatever the computer’s own time zone', () => {
    // 23:30 UTC is 07:30 the next morning in Guangzhou and Hong Kong.
    expect(formatDateTime('2026-11-22T23:30:00.000Z', 'zh-Hans')).toContain('2026年11月23日');
    expect(formatDateTime('2026-11-22T23:30:00.000Z', 'zh-Hans')).toContain('07:30');
    expect(formatDateTime('2026-11-22T23:30:00.000Z', 'en')).toContain('23 Nov 2026');
  });

  it('picks the name in the reader’s language and falls back when it is missing', () => {
    const names = { 'zh-Hans': '南沙湾桥实验学校', 'zh-Hant': '', en: 'Nansha Bay Bridge School' };
    expect(pickName(names, 'en')).toBe('Nansha Bay Bridge School');
    expect(pickName(names, 'zh-Hant')).toBe('南沙湾桥实验学校');
  });
});
