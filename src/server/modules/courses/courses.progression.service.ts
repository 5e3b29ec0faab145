import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { placesFor, reachesUnit, requireRole } from '../identity/identity.access.ts';
import { authorityUnits, schools } from '../tenancy/tenancy.schema.ts';
import { COMPETENCY_DIMENSIONS, COMPETENCY_LEVELS, competencyParts } from '../../../shared/courses.ts';
import { GRADE_BANDS } from '../../../shared/library.ts';
import type { ProgressionCell, ProgressionView } from '../../../shared/api/courses.ts';
import { coursesVisibleTo } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { coursesPolicy } from './courses.policy.ts';
import { courses } from './courses.schema.ts';

/**
 * The progression map (小初高一体化): the courses of a district's schools on a primary → junior → senior
 * grid, by competency dimension and level; a (band, dimension) with no course is a gap, a cell with
 * courses of two or more different lineages is an overlap (a course's editions and forks are one lineage:
 * the same course taught in several schools is coverage, not overlap). Only courses the reader may see
 * are placed, so the map never reveals another team's unpublished work.
 */
export async function progressionMap(
  ctx: CoursesCtx,
  q: { authorityUnitId?: string },
): Promise<ProgressionView & { authorityUnitId: string }> {
  requireRole(ctx.actor, coursesPolicy.progression);
  const unitId = await districtFor(ctx, q.authorityUnitId);
  const rows = await ctx.db
    .select({
      id: courses.id,
      title: courses.title,
      schoolId: courses.schoolId,
      gradeBand: courses.gradeBand,
      competencies: courses.competencies,
      prerequisiteIds: courses.prerequisiteIds,
      lineage: sql<string>`coalesce(${courses.upstreamCourseId}, ${courses.editionGroupId})`,
    })
    .from(courses)
    .innerJoin(schools, eq(schools.id, courses.schoolId))
    .where(and(sql`${schools.authorityPath} @> ARRAY[${unitId}::uuid]`, coursesVisibleTo(ctx.actor)))
    .limit(2000);

  const cells: ProgressionCell[] = [];
  const lineages = new Map<string, Set<string>>();
  for (const gradeBand of GRADE_BANDS)
    for (const dimension of COMPETENCY_DIMENSIONS)
      for (const level of COMPETENCY_LEVELS) cells.push({ gradeBand, dimension, level, courses: [] });
  const cellOf = (b: string, d: string, l: string) => cells.find((c) => c.gradeBand === b && c.dimension === d && c.level === l)!;
  for (const c of rows) {
    for (const code of c.competencies) {
      const { dimension, level } = competencyParts(code);
      const cell = cellOf(c.gradeBand, dimension, level);
      cell.courses.push({ id: c.id, title: c.title, schoolId: c.schoolId });
      const key = `${c.gradeBand}|${dimension}|${level}`;
      lineages.set(key, (lineages.get(key) ?? new Set()).add(c.lineage));
    }
  }
  const gaps = GRADE_BANDS.flatMap((gradeBand) =>
    COMPETENCY_DIMENSIONS.filter((d) => COMPETENCY_LEVELS.every((l) => !cellOf(gradeBand, d, l).courses.length)).map((dimension) => ({
      gradeBand,
      dimension,
    })),
  );
  const overlaps = cells
    .filter((c) => (lineages.get(`${c.gradeBand}|${c.dimension}|${c.level}`)?.size ?? 0) > 1)
    .map((c) => ({ gradeBand: c.gradeBand, dimension: c.dimension, level: c.level, courseIds: c.courses.map((x) => x.id) }));
  const placed = new Set(rows.map((r) => r.id));
  const prerequisites = rows.flatMap((r) =>
    r.prerequisiteIds.filter((p) => placed.has(p)).map((prerequisiteId) => ({ courseId: r.id, prerequisiteId })),
  );
  return { authorityUnitId: unitId, cells, gaps, overlaps, prerequisites };
}

/**
 * The district to map: the one asked for if the reader works in or above it, else the district of the
 * reader's (first) school or unit.
 */
async function districtFor(ctx: CoursesCtx, wanted?: string): Promise<string> {
  const places = placesFor(ctx.actor, coursesPolicy.progression);
  const schoolIds = places.filter((p) => p.schoolId).map((p) => p.schoolId!);
  const mySchools = schoolIds.length
    ? await ctx.db
        .select({ unitId: schools.authorityUnitId, path: schools.authorityPath })
        .from(schools)
        .where(inArray(schools.id, schoolIds))
    : [];
  if (!wanted) {
    const unit = mySchools[0]?.unitId ?? places.find((p) => p.authorityUnitId)?.authorityUnitId;
    if (!unit) throw new AppError('NOT_FOUND');
    return unit;
  }
  if (mySchools.some((s) => s.path.includes(wanted))) return wanted;
  const [unit] = await ctx.db.select().from(authorityUnits).where(eq(authorityUnits.id, wanted));
  if (!unit || !reachesUnit(ctx.actor, coursesPolicy.progression, unit)) throw new AppError('NOT_FOUND');
  return wanted;
}
