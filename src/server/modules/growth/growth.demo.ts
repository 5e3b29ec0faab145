import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { currentFrameworkRow, seedGrowthFrameworks } from './growth.frameworks.service.ts';
import { ensureRecord } from './growth.records.ts';
import { growthEvidence, growthTerms } from './growth.schema.ts';
import type { LocalisedName } from '../../../shared/languages.ts';

/** The term of the school year a day falls in (UTC+8): Aug–Jan first term, Feb–Jul second. */
export function demoTermFor(now: Date): { code: string; names: LocalisedName; startsOn: string; endsOn: string } {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  if (month >= 8 || month === 1) {
    const a = month === 1 ? year - 1 : year;
    return {
      code: `${a}-${a + 1}-1`,
      names: { 'zh-Hans': `${a}-${a + 1}学年第一学期`, 'zh-Hant': `${a}-${a + 1}學年上學期`, en: `${a}-${a + 1} First Term` },
      startsOn: `${a}-08-01`,
      endsOn: `${a + 1}-01-31`,
    };
  }
  return {
    code: `${year - 1}-${year}-2`,
    names: {
      'zh-Hans': `${year - 1}-${year}学年第二学期`,
      'zh-Hant': `${year - 1}-${year}學年下學期`,
      en: `${year - 1}-${year} Second Term`,
    },
    startsOn: `${year}-02-01`,
    endsOn: `${year}-07-31`,
  };
}

const DEMO_SCHOOLS = [
  'gd-demo-school',
  'gd-nansha-2',
  'gd-tianhe-1',
  'hk-demo-school',
  'hk-kowloon-city-1',
  'mo-demo-school',
  'hb-demo-school',
  'hb-wuchang-2',
];

/** Invented entries: the first is approved by the class teacher, the rest wait for review. */
const ENTRIES: Record<
  string,
  {
    dimensionKey: string;
    indicatorKey: string | null;
    title: string;
    description: string;
    source: 'manual' | 'volunteering' | 'contest';
    authorRole: 'self' | 'teacher';
    approved: boolean;
    language: string;
  }[]
> = {
  'gd-student': [
    {
      dimensionKey: 'academic',
      indicatorKey: 'innovation',
      title: '人工智能社团：垃圾分类识别小程序',
      description: '和同学一起训练图像分类模型，在社团展示会上演示。',
      source: 'manual',
      authorRole: 'self',
      approved: true,
      language: 'zh-Hans',
    },
    {
      dimensionKey: 'health',
      indicatorKey: 'sport',
      title: '校运会 4×100 米接力',
      description: '担任第二棒，班级获得年级第二名。',
      source: 'manual',
      authorRole: 'self',
      approved: false,
      language: 'zh-Hans',
    },
    {
      dimensionKey: 'moral',
      indicatorKey: 'civic',
      title: '担任班级图书角管理员',
      description: '每周整理图书角，登记借还。',
      source: 'manual',
      authorRole: 'teacher',
      approved: true,
      language: 'zh-Hans',
    },
  ],
  'hk-student': [
    {
      dimensionKey: 'community_service',
      indicatorKey: 'volunteering',
      title: '長者中心探訪義工',
      description: '與同學一起教長者使用智能手機。',
      source: 'volunteering',
      authorRole: 'self',
      approved: true,
      language: 'zh-Hant-HK',
    },
    {
      dimensionKey: 'academic',
      indicatorKey: 'projects',
      title: 'STEAM 專題：智能澆水裝置',
      description: '用感應器量度泥土濕度，自動澆水。',
      source: 'manual',
      authorRole: 'self',
      approved: false,
      language: 'zh-Hant-HK',
    },
  ],
};

const TEACHER_OF: Record<string, string> = { 'gd-student': 'gd-teacher', 'hk-student': 'hk-teacher' };

/**
 * Seeds the growth demo: the current term at every demo school and a few entries for gd-student and
 * hk-student. Idempotent: terms are keyed by school and code; entries are added only to a record that
 * does not exist yet.
 */
export async function seedGrowthDemo(db: Db): Promise<void> {
  await seedGrowthFrameworks(db);
  const term = demoTermFor(new Date());
  const rows = await db.select().from(schools).where(inArray(schools.code, DEMO_SCHOOLS));
  if (!rows.length) return;
  await db.transaction(async (tx) => {
    for (const school of rows) {
      const framework = await currentFrameworkRow(tx, school.jurisdictionId);
      await tx
        .insert(growthTerms)
        .values({ ...term, schoolId: school.id, jurisdictionId: school.jurisdictionId, frameworkId: framework.id })
        .onConflictDoNothing();
    }
    const people = await tx
      .select()
      .from(users)
      .where(inArray(users.username, [...Object.keys(ENTRIES), ...Object.values(TEACHER_OF)]));
    for (const [username, entries] of Object.entries(ENTRIES)) {
      const student = people.find((p) => p.username === username);
      const teacher = people.find((p) => p.username === TEACHER_OF[username]);
      if (!student?.schoolId || !teacher) continue;
      const [t] = await tx
        .select()
        .from(growthTerms)
        .where(and(eq(growthTerms.schoolId, student.schoolId), eq(growthTerms.code, term.code)));
      const [existing] = await tx
        .select({ id: growthEvidence.id })
        .from(growthEvidence)
        .where(eq(growthEvidence.studentId, student.id))
        .limit(1);
      if (existing) continue;
      const record = await ensureRecord(tx, t, student.id);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const occurredOn = today < t.startsOn ? t.startsOn : today;
      await tx.insert(growthEvidence).values(
        entries.map((e) => ({
          recordId: record.id,
          studentId: student.id,
          schoolId: record.schoolId,
          jurisdictionId: record.jurisdictionId,
          dimensionKey: e.dimensionKey,
          indicatorKey: e.indicatorKey,
          title: e.title,
          description: e.description,
          language: e.language,
          occurredOn,
          authorId: e.authorRole === 'self' ? student.id : teacher.id,
          authorRole: e.authorRole,
          source: e.source,
          reviewStatus: e.approved ? ('approved' as const) : ('pending' as const),
          reviewedBy: e.approved ? teacher.id : null,
          reviewedAt: e.approved ? new Date() : null,
        })),
      );
    }
  });
}
