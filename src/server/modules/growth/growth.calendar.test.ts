import { describe, expect, it } from 'vitest';
import { localDay, publicityEndsAt } from './growth.calendar.ts';

describe('publicity window in working days (UTC+8)', () => {
  it('opened on a Monday morning, five working days end at Friday midnight', () => {
    // 2026-09-07 is a Monday; 10:00 in Guangzhou is 02:00 UTC.
    expect(publicityEndsAt(new Date('2026-09-07T02:00:00Z'), 5).toISOString()).toBe('2026-09-11T16:00:00.000Z');
  });

  it('skips Saturday and Sunday', () => {
    // Opened Friday 2026-09-11: Fri, Mon, Tue, Wed, Thu → ends Thursday 24:00 (UTC+8).
    expect(publicityEndsAt(new Date('2026-09-11T03:00:00Z'), 5).toISOString()).toBe('2026-09-17T16:00:00.000Z');
  });

  it('opened at the weekend, counting starts on Monday', () => {
    expect(publicityEndsAt(new Date('2026-09-12T03:00:00Z'), 1).toISOString()).toBe('2026-09-14T16:00:00.000Z');
  });

  it('uses the local day, not the UTC day, near midnight', () => {
    // 23:30 UTC on Sunday is 07:30 Monday in Hong Kong.
    expect(localDay(new Date('2026-09-13T23:30:00Z'))).toBe('2026-09-14');
    expect(publicityEndsAt(new Date('2026-09-13T23:30:00Z'), 1).toISOString()).toBe('2026-09-14T16:00:00.000Z');
  });

  it('refuses a window of no days', () => {
    expect(() => publicityEndsAt(new Date(), 0)).toThrow(RangeError);
  });
});
