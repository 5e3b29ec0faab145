import { and, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { authorityUnits } from '../tenancy/tenancy.schema.ts';
import { PUBLISH_LEVELS, levelRank, type PublishLevel } from '../../../shared/library.ts';
import type { ReviewPlace } from './library.policy.ts';

/** The school facts the levels depend on. */
export interface SchoolPlace {
  id: string;
  jurisdictionId: string;
  authorityPath: string[];
}

/**
 * The units above a school by level (district, city, province). Hong Kong and Macao have no city level;
 * a school whose tree lacks a level cannot publish at it.
 */
export async function unitsAbove(db: DbOrTx, school: SchoolPlace): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: authorityUnits.id, level: authorityUnits.level })
    .from(authorityUnits)
    .where(inArray(authorityUnits.id, school.authorityPath));
  return new Map(rows.map((r) => [r.level, r.id]));
}

/** The levels a resource of this school can be published at, narrowest first. */
export async function availableLevels(db: DbOrTx, school: SchoolPlace): Promise<PublishLevel[]> {
  const units = await unitsAbove(db, school);
  return PUBLISH_LEVELS.filter((l) => (l === 'district' || l === 'city' || l === 'province' ? units.has(l) : true));
}

/** The audience anchor of a level: the unit at that level above the school (district/city/province), else null. */
export async function anchorFor(db: DbOrTx, school: SchoolPlace, level: PublishLevel): Promise<string | null> {
  if (level !== 'district' && level !== 'city' && level !== 'province') return null;
  const units = await unitsAbove(db, school);
  const id = units.get(level);
  if (!id) throw new AppError('LIBRARY_LEVEL_UNAVAILABLE');
  return id;
}

/** Where a submission for `level` is reviewed (see library.policy.ts `mayReview`). */
export async function reviewPlaceFor(db: DbOrTx, school: SchoolPlace, level: PublishLevel): Promise<ReviewPlace> {
  let anchorUnitId: string | null = null;
  if (level === 'district' || level === 'city' || level === 'province') anchorUnitId = await anchorFor(db, school, level);
  if (level === 'bay-area' || level === 'public') {
    const [top] = await db
      .select({ id: authorityUnits.id })
      .from(authorityUnits)
      .where(and(inArray(authorityUnits.id, school.authorityPath), isNull(authorityUnits.parentId)));
    anchorUnitId = top?.id ?? null;
  }
  return { level, schoolId: school.id, jurisdictionId: school.jurisdictionId, anchorUnitId };
}

/** The next wider level this school can reach, or null at the top. */
export async function nextAvailableLevel(db: DbOrTx, school: SchoolPlace, current: PublishLevel): Promise<PublishLevel | null> {
  const levels = await availableLevels(db, school);
  return levels.find((l) => levelRank(l) > levelRank(current)) ?? null;
}
