/**
 * The school year a new class most likely belongs to. Guangdong, Hong Kong and Macao all start the year
 * in September, so from September it is "this year–next year", before that "last year–this year".
 *
 * @example currentSchoolYear(new Date('2026-11-23')) // '2026-2027'
 */
export function currentSchoolYear(now: Date = new Date()): string {
  const start = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${start}-${start + 1}`;
}
