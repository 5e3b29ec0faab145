/** The UI and the schools keep Beijing / Hong Kong time (UTC+8, no daylight saving). */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * When a publicity window (公示期) opened at `openedAt` closes: at the end (24:00 UTC+8) of its
 * `workingDays`-th working day, counting the opening day when it is a working day. Saturdays and Sundays
 * do not count (the rule; public holidays are the school's to add by choosing more days).
 *
 * @example publicityEndsAt(new Date('2026-09-04T02:00:00Z'), 5) // opened Friday → ends Thursday 24:00 (UTC+8)
 */
export function publicityEndsAt(openedAt: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer');
  // Midnight (UTC+8) of the opening day, expressed as a UTC instant.
  let dayStart = Math.floor((openedAt.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  let counted = 0;
  for (;;) {
    const weekday = new Date(dayStart + OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted++;
    if (counted === workingDays) return new Date(dayStart + DAY_MS);
    dayStart += DAY_MS;
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in UTC+8. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
