import type { LocalisedName } from '../../../shared/languages.ts';
import type { insightsCourseOffers, insightsImports, insightsIndicators, insightsInventories, insightsRooms } from './insights.schema.ts';
import { indicatorValue } from './insights.recompute.ts';

/** Explicit presenters: rows never leave the module as they are. */

type InventoryParts = {
  inv: typeof insightsInventories.$inferSelect;
  rooms: (typeof insightsRooms.$inferSelect)[];
  courses: (typeof insightsCourseOffers.$inferSelect)[];
};

export function presentInventory(
  school: { id: string; code: string; names: LocalisedName },
  term: string,
  found: InventoryParts | null,
  carriedFrom: string | null,
  canEdit: boolean,
) {
  return {
    school: { id: school.id, code: school.code, names: school.names },
    term,
    /** Set when the term has no inventory yet and this is the previous term's, offered as a start. */
    carriedFrom,
    version: found && !carriedFrom ? found.inv.version : null,
    updatedAt: found && !carriedFrom ? found.inv.updatedAt.toISOString() : null,
    canEdit,
    inventory: found
      ? {
          teacherTerminals: found.inv.teacherTerminals,
          studentDevices: found.inv.studentDevices,
          bandwidthMbps: found.inv.bandwidthMbps,
          connectivity: found.inv.connectivity,
          popularisationBase: found.inv.popularisationBase,
          rooms: found.rooms.map((r) => ({ kind: r.kind, name: r.name, equipment: r.equipment, capacity: r.capacity, year: r.year })),
          courses: found.courses.map((c) => ({ grade: c.grade, hoursPerWeek: c.hoursPerWeek, setting: c.setting })),
        }
      : null,
  };
}

export function presentImport(row: typeof insightsImports.$inferSelect) {
  return {
    importId: row.id,
    schoolId: row.schoolId,
    term: row.term,
    status: row.status,
    problems: row.problems,
    summary: row.plan ? { rooms: row.plan.rooms.length, courses: row.plan.courses.length } : null,
  };
}

export function presentIndicator(d: typeof insightsIndicators.$inferSelect, jurisdictionCode: string | null) {
  return {
    id: d.id,
    code: d.code,
    jurisdiction: jurisdictionCode,
    names: d.names,
    definitions: d.definitions,
    formula: { numerator: d.numerator, denominator: d.denominator, scale: d.scale },
    unit: d.unit,
    target: d.target,
    active: d.active,
    version: d.version,
  };
}

/** A value with the sums behind it (shown inside one jurisdiction; comparisons across show no sums). */
export function presentValue(scale: number, v: { numerator: number; denominator: number; schools: number } | undefined) {
  if (!v) return null;
  return {
    value: indicatorValue(scale, v.numerator, v.denominator),
    numerator: v.numerator,
    denominator: v.denominator,
    schools: v.schools,
  };
}
