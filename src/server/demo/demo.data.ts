import type { LocalisedName } from '../../shared/languages.ts';
import type { Role } from '../../shared/roles.ts';
import type { AuthorityLevel, SchoolStage } from '../../shared/tenancy.ts';

/**
 * The demo world. Every school, person and name here is invented ("湾桥/灣橋/Bay Bridge" marks the demo
 * schools); no real person's data enters the repository.
 */

export const DEMO_PASSWORD = 'edubridge-demo';

export const JURISDICTIONS: { code: string; names: LocalisedName; regime: string }[] = [
  { code: 'GD', names: { 'zh-Hans': '广东', 'zh-Hant': '廣東', en: 'Guangdong' }, regime: 'PIPL' },
  { code: 'HK', names: { 'zh-Hans': '香港', 'zh-Hant': '香港', en: 'Hong Kong' }, regime: 'PDPO' },
  { code: 'MO', names: { 'zh-Hans': '澳门', 'zh-Hant': '澳門', en: 'Macao' }, regime: 'Macao Law 8/2005' },
  { code: 'HB', names: { 'zh-Hans': '湖北', 'zh-Hant': '湖北', en: 'Hubei' }, regime: 'PIPL' },
];

export interface DemoUnit {
  code: string;
  jurisdiction: string;
  parent: string | null;
  level: AuthorityLevel;
  names: LocalisedName;
}

export const UNITS: DemoUnit[] = [
  {
    code: 'gd',
    jurisdiction: 'GD',
    parent: null,
    level: 'province',
    names: { 'zh-Hans': '广东省教育厅', 'zh-Hant': '廣東省教育廳', en: 'Guangdong Department of Education' },
  },
  {
    code: 'gd-gz',
    jurisdiction: 'GD',
    parent: 'gd',
    level: 'city',
    names: { 'zh-Hans': '广州市教育局', 'zh-Hant': '廣州市教育局', en: 'Guangzhou Education Bureau' },
  },
  {
    code: 'gd-gz-nansha',
    jurisdiction: 'GD',
    parent: 'gd-gz',
    level: 'district',
    names: { 'zh-Hans': '南沙区教育局', 'zh-Hant': '南沙區教育局', en: 'Nansha District Education Bureau' },
  },
  {
    code: 'gd-gz-tianhe',
    jurisdiction: 'GD',
    parent: 'gd-gz',
    level: 'district',
    names: { 'zh-Hans': '天河区教育局', 'zh-Hant': '天河區教育局', en: 'Tianhe District Education Bureau' },
  },
  {
    code: 'hk',
    jurisdiction: 'HK',
    parent: null,
    level: 'province',
    names: { 'zh-Hans': '香港特区教育局', 'zh-Hant': '香港特區教育局', en: 'Education Bureau, HKSAR' },
  },
  {
    code: 'hk-ssp',
    jurisdiction: 'HK',
    parent: 'hk',
    level: 'district',
    names: { 'zh-Hans': '深水埗区', 'zh-Hant': '深水埗區', en: 'Sham Shui Po District' },
  },
  {
    code: 'hk-klc',
    jurisdiction: 'HK',
    parent: 'hk',
    level: 'district',
    names: { 'zh-Hans': '九龙城区', 'zh-Hant': '九龍城區', en: 'Kowloon City District' },
  },
  {
    code: 'mo',
    jurisdiction: 'MO',
    parent: null,
    level: 'province',
    names: {
      'zh-Hans': '澳门特区教育及青年发展局',
      'zh-Hant': '澳門特區教育及青年發展局',
      en: 'Education and Youth Development Bureau, Macao SAR',
    },
  },
  {
    code: 'mo-peninsula',
    jurisdiction: 'MO',
    parent: 'mo',
    level: 'district',
    names: { 'zh-Hans': '澳门半岛', 'zh-Hant': '澳門半島', en: 'Macao Peninsula' },
  },
  {
    code: 'hb',
    jurisdiction: 'HB',
    parent: null,
    level: 'province',
    names: { 'zh-Hans': '湖北省教育厅', 'zh-Hant': '湖北省教育廳', en: 'Hubei Department of Education' },
  },
  {
    code: 'hb-wh',
    jurisdiction: 'HB',
    parent: 'hb',
    level: 'city',
    names: { 'zh-Hans': '武汉市教育局', 'zh-Hant': '武漢市教育局', en: 'Wuhan Education Bureau' },
  },
  {
    code: 'hb-wh-wuchang',
    jurisdiction: 'HB',
    parent: 'hb-wh',
    level: 'district',
    names: { 'zh-Hans': '武昌区教育局', 'zh-Hant': '武昌區教育局', en: 'Wuchang District Education Bureau' },
  },
];

export interface DemoSchool {
  code: string;
  unit: string;
  stage: SchoolStage;
  languages: string[];
  names: LocalisedName;
  classes: { code: string; name: string; grade: number }[];
}

export const SCHOOLS: DemoSchool[] = [
  {
    code: 'gd-demo-school',
    unit: 'gd-gz-nansha',
    stage: 'through-train',
    languages: ['zh-Hans', 'en'],
    names: { 'zh-Hans': '南沙湾桥实验学校', 'zh-Hant': '南沙灣橋實驗學校', en: 'Nansha Bay Bridge Experimental School' },
    classes: [
      { code: 'J7-1', name: '初一(1)班', grade: 7 },
      { code: 'S10-2', name: '高一(2)班', grade: 10 },
    ],
  },
  {
    code: 'gd-nansha-2',
    unit: 'gd-gz-nansha',
    stage: 'senior',
    languages: ['zh-Hans'],
    names: { 'zh-Hans': '南沙湾桥第二中学', 'zh-Hant': '南沙灣橋第二中學', en: 'Nansha Bay Bridge No. 2 Secondary School' },
    classes: [{ code: 'S11-1', name: '高二(1)班', grade: 11 }],
  },
  {
    code: 'gd-tianhe-1',
    unit: 'gd-gz-tianhe',
    stage: 'primary',
    languages: ['zh-Hans'],
    names: { 'zh-Hans': '天河湾桥小学', 'zh-Hant': '天河灣橋小學', en: 'Tianhe Bay Bridge Primary School' },
    classes: [{ code: 'P5-3', name: '五年级(3)班', grade: 5 }],
  },
  {
    code: 'hk-demo-school',
    unit: 'hk-ssp',
    stage: 'senior',
    languages: ['zh-Hant-HK', 'en'],
    names: { 'zh-Hans': '深水埗湾桥创科中学', 'zh-Hant': '深水埗灣橋創科中學', en: 'Sham Shui Po Bay Bridge Innovation Secondary School' },
    classes: [
      { code: 'S1A', name: '中一甲班', grade: 7 },
      { code: 'S4B', name: '中四乙班', grade: 10 },
    ],
  },
  {
    code: 'hk-kowloon-city-1',
    unit: 'hk-klc',
    stage: 'primary',
    languages: ['zh-Hant-HK', 'en'],
    names: { 'zh-Hans': '九龙城湾桥小学', 'zh-Hant': '九龍城灣橋小學', en: 'Kowloon City Bay Bridge Primary School' },
    classes: [{ code: 'P5C', name: '五年級丙班', grade: 5 }],
  },
  {
    code: 'mo-demo-school',
    unit: 'mo-peninsula',
    stage: 'through-train',
    languages: ['zh-Hant-MO', 'pt', 'en'],
    names: { 'zh-Hans': '澳门湾桥中学', 'zh-Hant': '澳門灣橋中學', en: 'Macao Bay Bridge Secondary School' },
    classes: [{ code: 'F2A', name: '初二A班', grade: 8 }],
  },
  {
    code: 'hb-demo-school',
    unit: 'hb-wh-wuchang',
    stage: 'junior',
    languages: ['zh-Hans'],
    names: { 'zh-Hans': '武昌湾桥中学', 'zh-Hant': '武昌灣橋中學', en: 'Wuchang Bay Bridge Secondary School' },
    classes: [{ code: 'J8-4', name: '初二(4)班', grade: 8 }],
  },
  {
    code: 'hb-wuchang-2',
    unit: 'hb-wh-wuchang',
    stage: 'primary',
    languages: ['zh-Hans'],
    names: { 'zh-Hans': '武昌湾桥实验小学', 'zh-Hant': '武昌灣橋實驗小學', en: 'Wuchang Bay Bridge Experimental Primary School' },
    classes: [{ code: 'P4-2', name: '四年级(2)班', grade: 4 }],
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  locale: 'zh-Hans' | 'zh-Hant' | 'en';
  jurisdiction: string;
  school?: string;
  /** Roles held; `at` names a unit code, a school code, or nothing for the whole jurisdiction. */
  roles: { role: Role; jurisdiction: string; unit?: string; school?: string }[];
  /** Class codes the account sits in (students) or teaches (teachers; the first is their homeroom). */
  classes?: string[];
  /** Shown in the README and start log. */
  description: string;
}

export const ACCOUNTS: DemoAccount[] = [
  {
    username: 'demo-admin',
    displayName: '平台管理员 Demo Admin',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    roles: ['GD', 'HK', 'MO', 'HB'].map((j) => ({ role: 'platform_admin' as const, jurisdiction: j })),
    description: 'platform_admin of the demo node (all four jurisdictions)',
  },
  {
    username: 'gd-bureau',
    displayName: '张立',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    roles: [{ role: 'bureau_admin', jurisdiction: 'GD', unit: 'gd-gz' }],
    description: 'bureau_admin, Guangzhou Education Bureau (GD city)',
  },
  {
    username: 'hk-steward',
    displayName: '蔡雅琳',
    locale: 'zh-Hant',
    jurisdiction: 'HK',
    roles: [{ role: 'data_steward', jurisdiction: 'HK' }],
    description: 'data_steward, Hong Kong',
  },
  {
    username: 'gd-steward',
    displayName: '邓若华',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    roles: [{ role: 'data_steward', jurisdiction: 'GD' }],
    description: 'data_steward, Guangdong (de-identification, sharing agreements)',
  },
  {
    username: 'gd-teacher',
    displayName: '林安然',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    school: 'gd-demo-school',
    roles: [{ role: 'teacher', jurisdiction: 'GD', school: 'gd-demo-school' }],
    classes: ['J7-1', 'S10-2'],
    description: 'teacher, Nansha Bay Bridge Experimental School',
  },
  {
    username: 'hk-teacher',
    displayName: '陳家朗',
    locale: 'zh-Hant',
    jurisdiction: 'HK',
    school: 'hk-demo-school',
    roles: [{ role: 'teacher', jurisdiction: 'HK', school: 'hk-demo-school' }],
    classes: ['S1A', 'S4B'],
    description: 'teacher, Sham Shui Po Bay Bridge Innovation Secondary School',
  },
  {
    username: 'mo-teacher',
    displayName: '梁嘉欣',
    locale: 'zh-Hant',
    jurisdiction: 'MO',
    school: 'mo-demo-school',
    roles: [{ role: 'teacher', jurisdiction: 'MO', school: 'mo-demo-school' }],
    classes: ['F2A'],
    description: 'teacher, Macao Bay Bridge Secondary School',
  },
  {
    username: 'hb-teacher',
    displayName: '周文博',
    locale: 'zh-Hans',
    jurisdiction: 'HB',
    school: 'hb-demo-school',
    roles: [{ role: 'teacher', jurisdiction: 'HB', school: 'hb-demo-school' }],
    classes: ['J8-4'],
    description: 'teacher, Wuchang Bay Bridge Secondary School',
  },
  {
    username: 'gd-student',
    displayName: '王小禾',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    school: 'gd-demo-school',
    roles: [{ role: 'student', jurisdiction: 'GD', school: 'gd-demo-school' }],
    classes: ['J7-1'],
    description: 'student, 初一(1)班, Nansha Bay Bridge Experimental School',
  },
  {
    username: 'hk-student',
    displayName: '黃子晴',
    locale: 'zh-Hant',
    jurisdiction: 'HK',
    school: 'hk-demo-school',
    roles: [{ role: 'student', jurisdiction: 'HK', school: 'hk-demo-school' }],
    classes: ['S1A'],
    description: 'student, 中一甲班, Sham Shui Po Bay Bridge Innovation Secondary School',
  },
  {
    username: 'gd-principal',
    displayName: '何志远',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    school: 'gd-demo-school',
    roles: [{ role: 'principal', jurisdiction: 'GD', school: 'gd-demo-school' }],
    description: 'principal, Nansha Bay Bridge Experimental School',
  },
  {
    username: 'hk-principal',
    displayName: '李詠恩',
    locale: 'zh-Hant',
    jurisdiction: 'HK',
    school: 'hk-demo-school',
    roles: [{ role: 'principal', jurisdiction: 'HK', school: 'hk-demo-school' }],
    description: 'principal, Sham Shui Po Bay Bridge Innovation Secondary School',
  },
  {
    username: 'gd-school-admin',
    displayName: '郑思源',
    locale: 'zh-Hans',
    jurisdiction: 'GD',
    school: 'gd-demo-school',
    roles: [{ role: 'school_admin', jurisdiction: 'GD', school: 'gd-demo-school' }],
    description: 'school_admin (rosters, accounts), Nansha Bay Bridge Experimental School',
  },
  {
    username: 'hk-school-admin',
    displayName: '吳俊傑',
    locale: 'zh-Hant',
    jurisdiction: 'HK',
    school: 'hk-demo-school',
    roles: [{ role: 'school_admin', jurisdiction: 'HK', school: 'hk-demo-school' }],
    description: 'school_admin (rosters, accounts), Sham Shui Po Bay Bridge Innovation Secondary School',
  },
];

// Invented classmates so rosters and class views are not empty. They have no password: an admin resets one
// to let them sign in.
const FAMILY_HANS = ['陈', '李', '黄', '张', '刘', '杨', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '梁'];
const GIVEN_HANS = ['子涵', '雨桐', '浩然', '思琪', '宇轩', '梓萱', '俊熙', '欣怡', '博文', '诗雨', '一鸣', '可馨', '天佑', '若曦'];
const FAMILY_HANT = ['陳', '李', '黃', '張', '劉', '楊', '趙', '吳', '周', '徐', '孫', '馬', '朱', '胡', '郭', '何', '羅', '梁'];
const GIVEN_HANT = ['子謙', '凱晴', '浩賢', '思穎', '樂瑤', '俊軒', '曉彤', '卓霖', '芷晴', '嘉浩', '詠琳', '天朗', '穎欣', '希彤'];

/** Deterministic classmates per class: the same demo on every machine. */
export function classmates(schoolCode: string, classCode: string, count: number, traditional: boolean) {
  const fam = traditional ? FAMILY_HANT : FAMILY_HANS;
  const giv = traditional ? GIVEN_HANT : GIVEN_HANS;
  let seed = [...(schoolCode + classCode)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % 1000;
  return Array.from({ length: count }, (_, i) => ({
    number: `${classCode.replace(/[^A-Za-z0-9]/g, '')}${String(i + 1).padStart(2, '0')}`,
    displayName: fam[next() % fam.length] + giv[next() % giv.length],
  }));
}
