import { z } from 'zod';
import { ZId, ZLocalisedName, ZUiLanguage } from './common.ts';

/** Room kinds a school counts in its inventory (智慧教室 / 人工智能实验室). */
export const ROOM_KINDS = ['smart_classroom', 'ai_lab'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Where an AI course runs: in the timetable, or as an after-school activity (课后服务). */
export const COURSE_SETTINGS = ['in_school', 'after_school'] as const;
export type CourseSetting = (typeof COURSE_SETTINGS)[number];

export const CONNECTIVITY_KINDS = ['fibre', 'broadband', 'mobile', 'none'] as const;
export type Connectivity = (typeof CONNECTIVITY_KINDS)[number];

/** 科普教育基地: not one, applying, or recognised at a level. */
export const POPULARISATION_STATUSES = ['none', 'applying', 'district', 'city', 'province', 'national'] as const;
export type PopularisationStatus = (typeof POPULARISATION_STATUSES)[number];

export const INDICATOR_UNITS = ['percent', 'per_1000', 'per_school', 'ratio'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** A school term: school year and half, e.g. `2025-2026-1` (autumn) or `2025-2026-2` (spring). */
export const ZTerm = z
  .string()
  .regex(/^(\d{4})-(\d{4})-[12]$/, 'a term looks like 2025-2026-1')
  .refine((t) => Number(t.slice(5, 9)) === Number(t.slice(0, 4)) + 1, 'the second year follows the first');

export const ZRoom = z.object({
  kind: z.enum(ROOM_KINDS),
  name: z.string().trim().min(1).max(100),
  equipment: z.string().trim().max(500).default(''),
  capacity: z.number().int().min(1).max(500),
  year: z.number().int().min(1990).max(2100),
});
export type TRoom = z.infer<typeof ZRoom>;

export const ZCourseOffer = z.object({
  grade: z.number().int().min(1).max(12),
  hoursPerWeek: z.number().min(0.5).max(20),
  setting: z.enum(COURSE_SETTINGS),
});
export type TCourseOffer = z.infer<typeof ZCourseOffer>;

/** One school's inventory for one term: replaced as a whole, so a save is a snapshot. */
export const ZInventoryBody = z.object({
  teacherTerminals: z.number().int().min(0).max(100_000),
  studentDevices: z.number().int().min(0).max(1_000_000),
  bandwidthMbps: z.number().int().min(0).max(100_000),
  connectivity: z.enum(CONNECTIVITY_KINDS),
  popularisationBase: z.enum(POPULARISATION_STATUSES),
  rooms: z.array(ZRoom).max(500),
  courses: z.array(ZCourseOffer).max(100),
});
export type TInventoryBody = z.infer<typeof ZInventoryBody>;

export const ZSchoolTermParams = z.object({ id: ZId, term: ZTerm });
export const ZTermQuery = z.object({ term: ZTerm });

export const ZDashboardQuery = z.object({
  term: ZTerm.optional(),
  /** An authority unit or a school; the caller's widest place when absent. */
  scope: ZId.optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export const ZExportQuery = ZDashboardQuery.extend({ lang: ZUiLanguage.default('zh-Hans') });
export const ZCompareQuery = z.object({ term: ZTerm.optional() });
export const ZRecomputeBody = z.object({ term: ZTerm });

/** What a bureau edits of an indicator: names and definition notes in three languages, formula, unit, target. */
export const ZIndicatorFields = z.object({
  names: ZLocalisedName,
  definitions: ZLocalisedName,
  /** Formulas over the school variables; the server checks them (only known variables, + − × ÷, min, max). */
  numerator: z.string().trim().min(1).max(300),
  denominator: z.string().trim().min(1).max(300),
  scale: z.number().positive().max(1_000_000),
  unit: z.enum(INDICATOR_UNITS),
  target: z.number().min(-1_000_000_000).max(1_000_000_000).nullable(),
  active: z.boolean().default(true),
});
export type TIndicatorFields = z.infer<typeof ZIndicatorFields>;

/** A new indicator, or a jurisdiction's own definition of an existing code (null jurisdiction: shared by all). */
export const ZIndicatorCreateBody = ZIndicatorFields.extend({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'lower-case letters, digits and _'),
  jurisdiction: z
    .string()
    .regex(/^[A-Z]{2,8}$/)
    .nullable(),
});
export type TIndicatorCreateBody = z.infer<typeof ZIndicatorCreateBody>;

/**
 * School terms as `YYYY-YYYY-1` (autumn, September–January) and `YYYY-YYYY-2` (spring, February–August),
 * the same calendar on both sides of the border.
 */
export function currentTerm(now = new Date()): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (m >= 8) return `${y}-${y + 1}-1`;
  if (m === 0) return `${y - 1}-${y}-1`;
  return `${y - 1}-${y}-2`;
}

/** The term before `term` (history and trends walk backwards). */
export function previousTerm(term: string): string {
  const y = Number(term.slice(0, 4));
  return term.endsWith('-2') ? `${y}-${y + 1}-1` : `${y - 1}-${y}-2`;
}

/** The last `n` terms up to and including `term`, oldest first. */
export function recentTerms(term: string, n: number): string[] {
  const out = [term];
  while (out.length < n) out.unshift(previousTerm(out[0]));
  return out;
}
