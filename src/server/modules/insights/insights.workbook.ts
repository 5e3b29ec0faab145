import ExcelJS from 'exceljs';
import {
  CONNECTIVITY_KINDS,
  COURSE_SETTINGS,
  POPULARISATION_STATUSES,
  ROOM_KINDS,
  ZInventoryBody,
  type TInventoryBody,
} from '../../../shared/api/insights.ts';
import type { FieldProblem } from '../../../shared/errors.ts';

/**
 * The inventory workbook: the same file is exported and imported, so a school admin edits last term's
 * export and uploads it. Sheet and column names are stable codes (a Chinese, Hong Kong or English Excel
 * reads them alike); choice columns carry drop-down lists of the allowed codes.
 */
export const SHEETS = { school: 'school', rooms: 'rooms', courses: 'courses' } as const;
const SCHOOL_FIELDS = ['teacher_terminals', 'student_devices', 'bandwidth_mbps', 'connectivity', 'popularisation_base'] as const;
const ROOM_COLUMNS = ['kind', 'name', 'equipment', 'capacity', 'year'] as const;
const COURSE_COLUMNS = ['grade', 'hours_per_week', 'setting'] as const;
const MAX_ROWS = 600;

export class WorkbookUnreadable extends Error {}

export async function writeInventoryWorkbook(inv: TInventoryBody): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EduBridge';
  const school = wb.addWorksheet(SHEETS.school);
  school.addRow(['field', 'value']);
  const values: Record<(typeof SCHOOL_FIELDS)[number], string | number> = {
    teacher_terminals: inv.teacherTerminals,
    student_devices: inv.studentDevices,
    bandwidth_mbps: inv.bandwidthMbps,
    connectivity: inv.connectivity,
    popularisation_base: inv.popularisationBase,
  };
  for (const f of SCHOOL_FIELDS) school.addRow([f, values[f]]);
  choice(school, 'B5', CONNECTIVITY_KINDS);
  choice(school, 'B6', POPULARISATION_STATUSES);
  const rooms = wb.addWorksheet(SHEETS.rooms);
  rooms.addRow([...ROOM_COLUMNS]);
  for (const r of inv.rooms) rooms.addRow([r.kind, r.name, r.equipment, r.capacity, r.year]);
  for (let i = 2; i <= Math.max(inv.rooms.length + 20, 50); i++) choice(rooms, `A${i}`, ROOM_KINDS);
  const courses = wb.addWorksheet(SHEETS.courses);
  courses.addRow([...COURSE_COLUMNS]);
  for (const c of inv.courses) courses.addRow([c.grade, c.hoursPerWeek, c.setting]);
  for (let i = 2; i <= Math.max(inv.courses.length + 12, 30); i++) choice(courses, `C${i}`, COURSE_SETTINGS);
  for (const ws of [school, rooms, courses]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 22));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function choice(ws: ExcelJS.Worksheet, cell: string, options: readonly string[]) {
  ws.getCell(cell).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`] };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

function rowsOf(ws: ExcelJS.Worksheet | undefined): { line: number; cells: Record<string, string> }[] {
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, i) => (header[i] = cellText(c.value).toLowerCase()));
  const out: { line: number; cells: Record<string, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: true }, (c, i) => {
      if (header[i]) cells[header[i]] = cellText(c.value);
    });
    if (Object.values(cells).some((v) => v !== '')) out.push({ line, cells });
  });
  return out;
}

/** A problem code per zod issue, translated by the UI under `insights.problems.<code>`. */
function problemCode(issue: { code: string }): string {
  if (issue.code === 'invalid_value') return 'option_unknown';
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'out_of_range';
  if (issue.code === 'invalid_type') return 'value_invalid';
  return 'value_invalid';
}

const asNumber = (s: string) => (s === '' ? undefined : Number(s.replace(/,/g, '')));

/**
 * Reads an uploaded workbook into an inventory plan, or lists every problem by sheet, line and column so
 * the admin fixes the file in one go. A plan comes back only when there are no problems.
 */
export async function parseInventoryWorkbook(data: Buffer): Promise<{ plan: TInventoryBody | null; problems: FieldProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookUnreadable('not an xlsx workbook');
  }
  const problems: FieldProblem[] = [];
  const school = wb.getWorksheet(SHEETS.school);
  if (!school) problems.push({ path: SHEETS.school, code: 'sheet_missing', message: `the sheet "${SHEETS.school}" is missing` });
  const fields = new Map<string, { line: number; value: string }>();
  for (const r of rowsOf(school)) fields.set(r.cells.field, { line: r.line, value: r.cells.value ?? '' });
  const roomRows = rowsOf(wb.getWorksheet(SHEETS.rooms));
  const courseRows = rowsOf(wb.getWorksheet(SHEETS.courses));
  if (roomRows.length + courseRows.length > MAX_ROWS) {
    problems.push({ path: SHEETS.rooms, code: 'too_many_rows', message: `more than ${MAX_ROWS} rows` });
    return { plan: null, problems };
  }
  const field = (f: string) => fields.get(f)?.value ?? '';
  const candidate = {
    teacherTerminals: asNumber(field('teacher_terminals')),
    studentDevices: asNumber(field('student_devices')),
    bandwidthMbps: asNumber(field('bandwidth_mbps')),
    connectivity: field('connectivity') || undefined,
    popularisationBase: field('popularisation_base') || undefined,
    rooms: roomRows.map((r) => ({
      kind: r.cells.kind || undefined,
      name: r.cells.name ?? '',
      equipment: r.cells.equipment ?? '',
      capacity: asNumber(r.cells.capacity ?? ''),
      year: asNumber(r.cells.year ?? ''),
    })),
    courses: courseRows.map((r) => ({
      grade: asNumber(r.cells.grade ?? ''),
      hoursPerWeek: asNumber(r.cells.hours_per_week ?? ''),
      setting: r.cells.setting || undefined,
    })),
  };
  const parsed = ZInventoryBody.safeParse(candidate);
  if (!parsed.success) {
    const columnOf: Record<string, string> = {
      teacherTerminals: 'teacher_terminals',
      studentDevices: 'student_devices',
      bandwidthMbps: 'bandwidth_mbps',
      connectivity: 'connectivity',
      popularisationBase: 'popularisation_base',
      hoursPerWeek: 'hours_per_week',
    };
    for (const issue of parsed.error.issues) {
      const [head, index, key] = issue.path as (string | number)[];
      const raw = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], candidate);
      const missing = raw === undefined || raw === '';
      let path: string;
      if (head === 'rooms' || head === 'courses') {
        const line = (head === 'rooms' ? roomRows : courseRows)[index as number]?.line ?? 0;
        path = `${head}:${line}:${columnOf[String(key)] ?? String(key)}`;
      } else {
        const f = columnOf[String(head)] ?? String(head);
        path = `${SHEETS.school}:${fields.get(f)?.line ?? 0}:${f}`;
      }
      problems.push({ path, code: missing ? 'value_missing' : problemCode(issue), message: issue.message });
    }
  }
  return problems.length || !parsed.success ? { plan: null, problems } : { plan: parsed.data, problems };
}
