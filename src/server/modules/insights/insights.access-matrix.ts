import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';
import { writeInventoryWorkbook } from './insights.workbook.ts';

const TERM = '2026-2027-1';

const indicatorFields = {
  names: { 'zh-Hans': '矩阵指标', 'zh-Hant': '矩陣指標', en: 'Matrix indicator' },
  definitions: { 'zh-Hans': '测试', 'zh-Hant': '測試', en: 'Test' },
  numerator: 'ai_labs',
  denominator: 'schools',
  scale: 1,
  unit: 'per_school',
  target: null,
};
const indicatorBody = { ...indicatorFields, code: 'matrix_indicator', jurisdiction: 'GD' };

/** How insights' routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'insights',
  // Owner rows: the GD demo school's inventory with a named lab, and a checked (not committed) import.
  async setup(ctx) {
    const url = `/api/v1/insights/schools/${ctx.gd.schoolId}/inventory/${TERM}`;
    const inventory = {
      teacherTerminals: 1,
      studentDevices: 2,
      bandwidthMbps: 3,
      connectivity: 'fibre',
      popularisationBase: 'none',
      rooms: [{ kind: 'ai_lab', name: 'matrix-lab-secret', equipment: '', capacity: 10, year: 2026 }],
      courses: [],
    } as const;
    await ctx.call('gd-school-admin', 'PUT', url, inventory);
    const data = await writeInventoryWorkbook({
      ...inventory,
      rooms: [{ ...inventory.rooms[0], name: 'matrix-import-secret' }],
      courses: [],
    });
    const checked = await ctx.upload<{ importId: string }>('gd-school-admin', `${url}/imports`, { name: 'inventory.xlsx', data });
    // A shared definition: only a platform admin may change it, and no outsider is one.
    const shared = await ctx.one(sql`select id from insights_indicators where jurisdiction_id is null order by sort_order limit 1`);
    return {
      values: { imports: checked.importId, insightsTerm: TERM, insightsSchool: ctx.gd.schoolId, indicators: shared.id },
      markers: ['matrix-lab-secret', 'matrix-import-secret', checked.importId],
    };
  },
  routes: {
    'GET /api/v1/insights/schools/:id/inventory/:term': { kind: 'scoped', params: (v) => ({ id: v.insightsSchool, term: v.insightsTerm }) },
    'PUT /api/v1/insights/schools/:id/inventory/:term': {
      kind: 'scoped',
      params: (v) => ({ id: v.insightsSchool, term: v.insightsTerm }),
      body: () => ({
        teacherTerminals: 0,
        studentDevices: 0,
        bandwidthMbps: 0,
        connectivity: 'none',
        popularisationBase: 'none',
        rooms: [],
        courses: [],
      }),
    },
    'GET /api/v1/insights/schools/:id/inventory/:term/workbook': {
      kind: 'scoped',
      params: (v) => ({ id: v.insightsSchool, term: v.insightsTerm }),
    },
    'POST /api/v1/insights/schools/:id/inventory/:term/imports': {
      kind: 'scoped',
      params: (v) => ({ id: v.insightsSchool, term: v.insightsTerm }),
    },
    'POST /api/v1/insights/imports/:id/commit': { kind: 'scoped' },
    'GET /api/v1/insights/indicators': { kind: 'scoped-list' },
    'POST /api/v1/insights/indicators': { kind: 'scoped', body: () => indicatorBody },
    'PUT /api/v1/insights/indicators/:id': { kind: 'scoped', headers: () => ({ 'if-match': '"1"' }), body: () => indicatorFields },
    'GET /api/v1/insights/dashboard': { kind: 'scoped', query: (v) => ({ scope: v.insightsSchool }) },
    'GET /api/v1/insights/dashboard/export.xlsx': { kind: 'scoped', query: (v) => ({ scope: v.insightsSchool }) },
    'GET /api/v1/insights/dashboard/export.pdf': { kind: 'scoped', query: (v) => ({ scope: v.insightsSchool }) },
    // Jurisdiction totals only, small cells suppressed: a steward or bureau elsewhere may read them by design.
    'GET /api/v1/insights/compare': { kind: 'scoped-list' },
    'POST /api/v1/insights/recompute': { kind: 'scoped', body: () => ({ term: TERM }) },
  },
};
