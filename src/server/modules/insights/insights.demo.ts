import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { TInventoryBody } from '../../../shared/api/insights.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { ensureNightlyRecompute } from './insights.jobs.ts';
import { recomputeTerm } from './insights.recompute.ts';
import { insightsCourseOffers, insightsInventories, insightsRooms } from './insights.schema.ts';

/**
 * A year of invented inventory for the demo schools (three terms, labs and courses growing term by term)
 * and the indicator history computed from it. Idempotent: an inventory that exists is left as the user
 * edited it; the history is recomputed from whatever is there.
 */
export const DEMO_TERMS = ['2025-2026-1', '2025-2026-2', '2026-2027-1'] as const;

type Plan = (term: number) => TInventoryBody;

const room = (kind: 'smart_classroom' | 'ai_lab', name: string, equipment: string, capacity: number, year: number) => ({
  kind,
  name,
  equipment,
  capacity,
  year,
});

const PLANS: Record<string, Plan> = {
  'gd-demo-school': (t) => ({
    teacherTerminals: 60 + 10 * t,
    studentDevices: 300 + 100 * t,
    bandwidthMbps: 1000,
    connectivity: 'fibre',
    popularisationBase: t >= 1 ? 'district' : 'applying',
    rooms: [
      room('smart_classroom', '智慧教室 A201', '交互大屏、录播系统', 48, 2022),
      room('smart_classroom', '智慧教室 A202', '交互大屏', 48, 2023),
      room('ai_lab', '人工智能实验室', '机器人套件 20 套、GPU 工作站 2 台', 40, 2024),
      ...(t >= 2 ? [room('ai_lab', '创客空间', '开源硬件、3D 打印机', 36, 2026)] : []),
    ],
    courses: [
      { grade: 7, hoursPerWeek: 1, setting: 'in_school' },
      { grade: 8, hoursPerWeek: 1, setting: 'in_school' },
      ...(t >= 1 ? [{ grade: 10, hoursPerWeek: 2, setting: 'after_school' as const }] : []),
    ],
  }),
  'gd-nansha-2': (t) => ({
    teacherTerminals: 40,
    studentDevices: 120 + 60 * t,
    bandwidthMbps: 500,
    connectivity: 'fibre',
    popularisationBase: 'none',
    rooms: [
      room('smart_classroom', '多媒体教室', '投影、平板 45 台', 45, 2021),
      ...(t >= 2 ? [room('ai_lab', 'AI 实验室', '编程机器人', 40, 2026)] : []),
    ],
    courses: t >= 1 ? [{ grade: 11, hoursPerWeek: 1, setting: 'in_school' }] : [],
  }),
  'gd-tianhe-1': (t) => ({
    teacherTerminals: 35,
    studentDevices: 80 + 40 * t,
    bandwidthMbps: 300,
    connectivity: 'broadband',
    popularisationBase: 'none',
    rooms: t >= 1 ? [room('smart_classroom', '智慧教室', '交互大屏', 42, 2025)] : [],
    courses: [{ grade: 5, hoursPerWeek: 1, setting: t >= 2 ? 'in_school' : 'after_school' }],
  }),
  'hk-demo-school': (t) => ({
    teacherTerminals: 70,
    studentDevices: 500 + 50 * t,
    bandwidthMbps: 1000,
    connectivity: 'fibre',
    popularisationBase: 'none',
    rooms: [room('ai_lab', 'AI 實驗室', '機械人套件、VR 頭戴裝置', 36, 2023), room('smart_classroom', 'STEAM 室', '互動白板', 40, 2022)],
    courses: [
      { grade: 7, hoursPerWeek: 1, setting: 'in_school' },
      { grade: 10, hoursPerWeek: 1.5, setting: 'after_school' },
    ],
  }),
  'hk-kowloon-city-1': (t) => ({
    teacherTerminals: 30,
    studentDevices: 150,
    bandwidthMbps: 500,
    connectivity: 'fibre',
    popularisationBase: 'none',
    rooms: t >= 1 ? [room('smart_classroom', '電子學習室', '平板電腦 30 部', 30, 2025)] : [],
    courses: [{ grade: 5, hoursPerWeek: 1, setting: 'after_school' }],
  }),
  'mo-demo-school': (t) => ({
    teacherTerminals: 45,
    studentDevices: 200 + 20 * t,
    bandwidthMbps: 500,
    connectivity: 'fibre',
    popularisationBase: 'none',
    rooms: [room('ai_lab', '人工智能實驗室', '機械人、編程套件', 32, 2024)],
    courses: [{ grade: 8, hoursPerWeek: 1, setting: 'in_school' }],
  }),
  'hb-demo-school': (t) => ({
    teacherTerminals: 50,
    studentDevices: 200 + 50 * t,
    bandwidthMbps: 1000,
    connectivity: 'fibre',
    popularisationBase: 'city',
    rooms: [room('ai_lab', '人工智能实验室', '机器人套件、无人机', 40, 2023), room('smart_classroom', '智慧教室', '交互大屏', 45, 2022)],
    courses: [{ grade: 8, hoursPerWeek: 1, setting: 'in_school' }],
  }),
  'hb-wuchang-2': () => ({
    teacherTerminals: 25,
    studentDevices: 60,
    bandwidthMbps: 200,
    connectivity: 'broadband',
    popularisationBase: 'none',
    rooms: [],
    courses: [],
  }),
};

export async function seedInsightsDemo(db: Db): Promise<void> {
  const found = await db
    .select({ id: schools.id, code: schools.code, jurisdictionId: schools.jurisdictionId })
    .from(schools)
    .where(inArray(schools.code, Object.keys(PLANS)));
  await db.transaction(async (tx) => {
    for (const [i, term] of DEMO_TERMS.entries()) {
      for (const school of found) {
        const plan = PLANS[school.code](i);
        const [inv] = await tx
          .insert(insightsInventories)
          .values({
            schoolId: school.id,
            jurisdictionId: school.jurisdictionId,
            term,
            teacherTerminals: plan.teacherTerminals,
            studentDevices: plan.studentDevices,
            bandwidthMbps: plan.bandwidthMbps,
            connectivity: plan.connectivity,
            popularisationBase: plan.popularisationBase,
          })
          .onConflictDoNothing()
          .returning({ id: insightsInventories.id });
        if (!inv) continue;
        if (plan.rooms.length) await tx.insert(insightsRooms).values(plan.rooms.map((r) => ({ ...r, inventoryId: inv.id })));
        if (plan.courses.length) await tx.insert(insightsCourseOffers).values(plan.courses.map((c) => ({ ...c, inventoryId: inv.id })));
      }
      await recomputeTerm(tx, term);
    }
    // The demo node keeps its indicators fresh like any node: nightly, and after inventory changes.
    await ensureNightlyRecompute(tx);
  });
}
