import type { DbOrTx } from '../../db/client.ts';
import type { LocalisedName } from '../../../shared/languages.ts';
import type { IndicatorUnit } from '../../../shared/api/insights.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { checkFormula } from './insights.formula.ts';
import { insightsIndicators } from './insights.schema.ts';

export interface IndicatorDefinition {
  code: string;
  /** Jurisdiction code of an override; absent for the shared definition. */
  jurisdiction?: string;
  names: LocalisedName;
  definitions: LocalisedName;
  numerator: string;
  denominator: string;
  scale: number;
  unit: IndicatorUnit;
  target: number | null;
}

/**
 * The starting catalogue, taken from what bureaus report (AI general-course coverage, smart classrooms, AI
 * labs per 1,000 students, trained teachers…). Hong Kong counts after-school AI courses towards coverage,
 * the mainland only timetabled ones — hence the HK override, shown beside the shared one in comparisons.
 */
export const DEFAULT_INDICATORS: IndicatorDefinition[] = [
  {
    code: 'ai_course_coverage',
    names: { 'zh-Hans': '人工智能通识课开设率', 'zh-Hant': '人工智能通識課開設率', en: 'AI general-course coverage' },
    definitions: {
      'zh-Hans': '在课表内开设人工智能课程的学校占比',
      'zh-Hant': '在課表內開設人工智能課程的學校比例',
      en: 'Share of schools with an AI course in the timetable',
    },
    numerator: 'offers_ai_course_in_school',
    denominator: 'schools',
    scale: 100,
    unit: 'percent',
    target: 100,
  },
  {
    code: 'ai_course_coverage',
    jurisdiction: 'HK',
    names: { 'zh-Hans': '人工智能通识课开设率', 'zh-Hant': '人工智能通識課開設率', en: 'AI general-course coverage' },
    definitions: {
      'zh-Hans': '开设人工智能课程（含课后活动）的学校占比',
      'zh-Hant': '開設人工智能課程（包括課後活動）的學校比例',
      en: 'Share of schools offering an AI course, after-school activities included',
    },
    numerator: 'offers_ai_course',
    denominator: 'schools',
    scale: 100,
    unit: 'percent',
    target: 100,
  },
  {
    code: 'smart_classroom_share',
    names: { 'zh-Hans': '建有智慧教室的学校占比', 'zh-Hant': '設有智慧課室的學校比例', en: 'Schools with a smart classroom' },
    definitions: {
      'zh-Hans': '至少有一间智慧教室的学校占比',
      'zh-Hant': '至少有一間智慧課室的學校比例',
      en: 'Share of schools with at least one smart classroom',
    },
    numerator: 'min(smart_classrooms, 1)',
    denominator: 'schools',
    scale: 100,
    unit: 'percent',
    target: 80,
  },
  {
    code: 'ai_labs_per_1000',
    names: { 'zh-Hans': '每千名学生人工智能实验室数', 'zh-Hant': '每千名學生人工智能實驗室數', en: 'AI labs per 1,000 students' },
    definitions: {
      'zh-Hans': '人工智能实验室总数 ÷ 学生总数 × 1000',
      'zh-Hant': '人工智能實驗室總數 ÷ 學生總數 × 1000',
      en: 'AI labs ÷ students × 1,000',
    },
    numerator: 'ai_labs',
    denominator: 'students',
    scale: 1000,
    unit: 'per_1000',
    target: 1,
  },
  {
    code: 'devices_per_student',
    names: { 'zh-Hans': '生机比', 'zh-Hant': '學生電腦比', en: 'Student devices per student' },
    definitions: { 'zh-Hans': '学生终端数 ÷ 学生数', 'zh-Hant': '學生終端數 ÷ 學生數', en: 'Student devices ÷ students' },
    numerator: 'student_devices',
    denominator: 'students',
    scale: 1,
    unit: 'ratio',
    target: 0.5,
  },
  {
    code: 'trained_teacher_share',
    names: { 'zh-Hans': '教师培训覆盖率', 'zh-Hant': '教師培訓覆蓋率', en: 'Teachers trained' },
    definitions: {
      'zh-Hans': '取得任一层级培训证书的教师占比',
      'zh-Hant': '取得任何層級培訓證書的教師比例',
      en: 'Share of teachers holding a training certificate of any tier',
    },
    numerator: 'trained_teachers',
    denominator: 'teachers',
    scale: 100,
    unit: 'percent',
    target: 60,
  },
  {
    code: 'contest_participation',
    names: { 'zh-Hans': '竞赛参与率', 'zh-Hant': '比賽參與率', en: 'Contest participation' },
    definitions: {
      'zh-Hans': '参加过竞赛的学生占比',
      'zh-Hant': '曾參加比賽的學生比例',
      en: 'Share of students who entered a contest',
    },
    numerator: 'contest_students',
    denominator: 'students',
    scale: 100,
    unit: 'percent',
    target: 10,
  },
  {
    code: 'evidence_completeness',
    names: { 'zh-Hans': '成长记录完整度', 'zh-Hant': '成長記錄完整度', en: 'Growth-record completeness' },
    definitions: {
      'zh-Hans': '至少有一条已审核写实记录的学生占比',
      'zh-Hant': '最少有一項已審核寫實記錄的學生比例',
      en: 'Share of students with at least one approved evidence entry',
    },
    numerator: 'students_with_evidence',
    denominator: 'students',
    scale: 100,
    unit: 'percent',
    target: 90,
  },
  {
    code: 'resource_sharing',
    names: { 'zh-Hans': '跨境共享资源（每校）', 'zh-Hant': '跨境共享資源（每校）', en: 'Resources shared across borders per school' },
    definitions: {
      'zh-Hans': '发布到大湾区或公开层级的资源数 ÷ 学校数',
      'zh-Hant': '發佈至大灣區或公開層級的資源數 ÷ 學校數',
      en: 'Resources published to the Bay Area or public level ÷ schools',
    },
    numerator: 'shared_resources',
    denominator: 'schools',
    scale: 1,
    unit: 'per_school',
    target: 2,
  },
  {
    code: 'sister_school_coverage',
    names: { 'zh-Hans': '姊妹学校结对率', 'zh-Hant': '姊妹學校締結率', en: 'Schools with a sister school' },
    definitions: {
      'zh-Hans': '至少有一对生效姊妹学校关系的学校占比',
      'zh-Hant': '最少有一對生效姊妹學校關係的學校比例',
      en: 'Share of schools with at least one active sister-school pair',
    },
    numerator: 'min(sister_pairs, 1)',
    denominator: 'schools',
    scale: 100,
    unit: 'percent',
    target: 50,
  },
];

/** Adds the default catalogue where missing (idempotent; a bureau's edits are kept). */
export async function ensureIndicatorCatalogue(db: DbOrTx): Promise<void> {
  const codes = new Map(
    (await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions)).map((j) => [j.code, j.id]),
  );
  const rows = DEFAULT_INDICATORS.filter((d) => !d.jurisdiction || codes.has(d.jurisdiction)).map((d, i) => {
    checkFormula(d.numerator);
    checkFormula(d.denominator);
    return {
      code: d.code,
      jurisdictionId: d.jurisdiction ? codes.get(d.jurisdiction)! : null,
      names: d.names,
      definitions: d.definitions,
      numerator: d.numerator,
      denominator: d.denominator,
      scale: d.scale,
      unit: d.unit,
      target: d.target,
      sortOrder: i,
    };
  });
  await db.insert(insightsIndicators).values(rows).onConflictDoNothing();
}
