import { DictColumnBuilder, type ColumnarTable } from './columnar-table.ts';
import { GBA_GEOGRAPHY } from './gba-geography.ts';
import type { TableRow } from './table-row.ts';

/**
 * Invented student records for tests, benchmarks and demos — every value is drawn from a seeded
 * pseudo-random generator; no real person is described. Columns: 学号, 姓名 (direct identifiers),
 * 年龄, 性别, 出生日期, 地区, 年级, 学校类型 (quasi-identifiers), 健康状况, 成绩 (sensitive).
 */
export const SYNTHETIC_COLUMNS = ['学号', '姓名', '年龄', '性别', '出生日期', '地区', '年级', '学校类型', '健康状况', '成绩'] as const;

const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '何', '吴', '郭', '罗', '周', '郑', '谢', '区', '冯'];
const GIVEN = ['子', '嘉', '俊', '欣', '浩', '思', '咏', '梓', '晓', '宇', '雅', '文', '乐', '颖', '轩'];
const HEALTH = ['良好', '良好', '良好', '近视', '近视', '过敏', '哮喘', '湿疹', '扁平足', '色弱'];
const SCHOOL_TYPES = ['公办', '民办', '资助', '官立', '直资', '私立'];
const GRADE_NAMES: Record<string, string[]> = {
  广东省: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '初一', '初二', '初三', '高一', '高二', '高三'],
  香港特別行政區: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6'],
  澳門特別行政區: ['小一', '小二', '小三', '小四', '小五', '小六', '初一', '初二', '初三', '高一', '高二', '高三'],
};

/** Districts with their jurisdiction, read from the sample geography. */
const DISTRICTS: { district: string; jurisdiction: string }[] = Object.entries(
  GBA_GEOGRAPHY as Record<string, Record<string, string[]>>,
).flatMap(([jurisdiction, cities]) =>
  Object.values(cities)
    .flat()
    .map((district) => ({ district, jurisdiction })),
);

/** mulberry32: a tiny seeded generator, fine for invented data (not for anything secret). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Calls `emit` once per invented student with its cell values in {@link SYNTHETIC_COLUMNS} order.
 * Ages follow grades (grade g ⇒ age 6 + g or 7 + g on 2025-09-01); district sizes are skewed so some
 * districts are small, as in real data.
 */
function generate(count: number, seed: number, emit: (values: (string | number)[]) => void): void {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const ref = Date.UTC(2025, 8, 1);
  for (let i = 0; i < count; i++) {
    // Skew: square of a uniform favours the first districts (the big Guangdong cities).
    const place = DISTRICTS[Math.floor(rnd() * rnd() * DISTRICTS.length)];
    const g = Math.floor(rnd() * 12);
    const age = 6 + g + (rnd() < 0.5 ? 0 : 1);
    const birth = new Date(ref - (age * 365.25 + rnd() * 365) * 86_400_000);
    emit([
      `S${String(10_000_000 + i)}`,
      pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
      age,
      rnd() < 0.5 ? '男' : '女',
      birth.toISOString().slice(0, 10),
      place.district,
      GRADE_NAMES[place.jurisdiction][g],
      pick(SCHOOL_TYPES),
      pick(HEALTH),
      Math.round(40 + rnd() * 60),
    ]);
  }
}

/**
 * Invented student rows as objects (small tables: tests, demos).
 * @example syntheticStudentRows(100, 7)[0]['年级'] // e.g. 'S3'
 */
export function syntheticStudentRows(count: number, seed = 1): TableRow[] {
  const rows: TableRow[] = [];
  generate(count, seed, (values) => {
    const row: TableRow = {};
    SYNTHETIC_COLUMNS.forEach((c, j) => (row[c] = values[j]));
    rows.push(row);
  });
  return rows;
}

/**
 * Invented student records straight into a columnar table (large tables: the benchmark) — no row
 * objects are kept, only dictionary-encoded columns. `columns` limits which columns are built (the
 * unique direct identifiers dominate memory and are dropped before anonymisation anyway).
 */
export function syntheticStudentTable(count: number, seed = 1, columns: readonly string[] = SYNTHETIC_COLUMNS): ColumnarTable {
  const wanted = SYNTHETIC_COLUMNS.map((c) => columns.includes(c));
  const builders = SYNTHETIC_COLUMNS.map(() => new DictColumnBuilder());
  generate(count, seed, (values) => {
    for (let j = 0; j < values.length; j++) if (wanted[j]) builders[j].push(values[j]);
  });
  const names = SYNTHETIC_COLUMNS.filter((_, j) => wanted[j]);
  const data = new Map(names.map((c) => [c as string, builders[SYNTHETIC_COLUMNS.indexOf(c)].build()]));
  return { length: count, columns: [...names], data };
}
