import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { FieldProblem } from '../../../shared/errors.ts';

/**
 * Roster files → one normalised plan of classes, people and enrolments, with a problem list per row.
 * Pure: no database. Two formats are understood:
 *  - OneRoster 1.2 CSV (`users.csv`, `classes.csv`, `enrollments.csv`, optionally `roles.csv`), as separate
 *    files or one ZIP, the way SIS exports arrive;
 *  - the plain Chinese-header template schools keep in Excel: 姓名 / 学号·學號 / 班级·班級 / 角色, in either
 *    script, as CSV (UTF-8 or GB18030 — what Excel on a mainland PC writes) or XLSX.
 */

export type RosterFormat = 'oneroster-1.2' | 'template';
export type RosterRole = 'student' | 'teacher';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface PlannedClass {
  sourceId: string;
  code: string;
  name: string;
  grade: number;
}

export interface PlannedUser {
  sourceId: string;
  username: string | null;
  displayName: string;
  studentNumber: string | null;
  role: RosterRole;
}

export interface PlannedEnrollment {
  sourceId: string;
  classSourceId: string;
  userSourceId: string;
  role: RosterRole;
  /** 班主任: the class's homeroom teacher. */
  homeroom: boolean;
}

export interface RowRef {
  file: string;
  line: number;
  entity: 'user' | 'class' | 'enrollment';
  sourceId: string;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export interface ParsedRoster {
  format: RosterFormat;
  classes: PlannedClass[];
  users: PlannedUser[];
  enrollments: PlannedEnrollment[];
  /** One entry per data row of every file, in file order. */
  rows: RowRef[];
}

export class RosterFileError extends Error {
  constructor(
    readonly code: 'ROSTER_FILE_UNREADABLE' | 'ROSTER_FORMAT_UNKNOWN',
    message: string,
  ) {
    super(message);
  }
}

type Table = { file: string; header: string[]; rows: { line: number; cells: string[] }[] };

/** Reads every uploaded file (CSV, XLSX or a ZIP of CSVs) into tables of strings. */
export async function readTables(files: UploadedFile[]): Promise<Table[]> {
  const tables: Table[] = [];
  for (const f of files) {
    if (isZip(f.data)) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(new Uint8Array(f.data));
      } catch {
        throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: not a readable ZIP or XLSX file`);
      }
      if ('xl/workbook.xml' in entries) {
        tables.push(await readXlsx(f));
        continue;
      }
      const csvs = Object.entries(entries).filter(([name]) => /\.csv$/i.test(name) && !name.startsWith('__MACOSX'));
      if (!csvs.length) throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: the ZIP holds no CSV file`);
      for (const [name, data] of csvs) tables.push(readCsv({ filename: name.split('/').pop()!, data: Buffer.from(data) }));
    } else {
      tables.push(readCsv(f));
    }
  }
  return tables.filter((t) => t.header.length > 0);
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Excel on a mainland Windows PC saves "CSV" as GBK; GB18030 is its superset.
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(f: UploadedFile): Table {
  const text = decodeText(f.data).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: not a text file`);
  let records: string[][];
  try {
    records = parseCsv(text, { skip_empty_lines: false, relax_column_count: true, trim: true, relax_quotes: false });
  } catch (e) {
    throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: ${(e as Error).message}`);
  }
  return toTable(f.filename, records);
}

async function readXlsx(f: UploadedFile): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(f.data as unknown as ArrayBuffer);
  } catch {
    throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: not a readable XLSX workbook`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new RosterFileError('ROSTER_FILE_UNREADABLE', `${f.filename}: the workbook has no sheet`);
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    records[rowNumber - 1] = values.map(cellText);
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return toTable(f.filename, records);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
  }
  return String(v).trim();
}

function toTable(file: string, records: string[][]): Table {
  const headerIndex = records.findIndex((r) => r.some((c) => c !== ''));
  if (headerIndex < 0) return { file, header: [], rows: [] };
  const header = records[headerIndex].map((h) => h.trim());
  const rows = records
    .slice(headerIndex + 1)
    .map((cells, i) => ({ line: headerIndex + i + 2, cells }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { file, header, rows };
}

/** Which column of the template a header names, in 简体, 繁體 or English. */
const TEMPLATE_HEADERS: Record<string, 'name' | 'number' | 'class' | 'role' | 'grade' | 'username'> = {
  姓名: 'name',
  name: 'name',
  学号: 'number',
  學號: 'number',
  学籍号: 'number',
  學生編號: 'number',
  工号: 'number',
  student_no: 'number',
  'student no': 'number',
  number: 'number',
  班级: 'class',
  班級: 'class',
  班別: 'class',
  班别: 'class',
  class: 'class',
  角色: 'role',
  身份: 'role',
  role: 'role',
  年级: 'grade',
  年級: 'grade',
  grade: 'grade',
  用户名: 'username',
  用戶名: 'username',
  username: 'username',
};

const ROLE_WORDS: Record<string, { role: RosterRole; homeroom: boolean }> = {
  学生: { role: 'student', homeroom: false },
  學生: { role: 'student', homeroom: false },
  student: { role: 'student', homeroom: false },
  教师: { role: 'teacher', homeroom: false },
  教師: { role: 'teacher', homeroom: false },
  老师: { role: 'teacher', homeroom: false },
  老師: { role: 'teacher', homeroom: false },
  teacher: { role: 'teacher', homeroom: false },
  班主任: { role: 'teacher', homeroom: true },
  'class teacher': { role: 'teacher', homeroom: true },
  homeroom: { role: 'teacher', homeroom: true },
};

export async function parseRoster(files: UploadedFile[]): Promise<ParsedRoster> {
  if (!files.length) throw new RosterFileError('ROSTER_FILE_UNREADABLE', 'no file was uploaded');
  const tables = await readTables(files);
  if (!tables.length) throw new RosterFileError('ROSTER_FORMAT_UNKNOWN', 'the files are empty');
  const byName = (n: string) => tables.find((t) => t.file.toLowerCase() === n);
  if (byName('users.csv') || byName('enrollments.csv') || tables.some((t) => t.header.includes('sourcedId'))) {
    return parseOneRoster(tables);
  }
  if (tables.length === 1 && templateColumns(tables[0].header)) return parseTemplate(tables[0]);
  throw new RosterFileError(
    'ROSTER_FORMAT_UNKNOWN',
    'expected OneRoster users.csv/classes.csv/enrollments.csv, or one sheet with the columns 姓名, 学号, 班级, 角色',
  );
}

function templateColumns(header: string[]) {
  const cols: Partial<Record<(typeof TEMPLATE_HEADERS)[string], number>> = {};
  header.forEach((h, i) => {
    const key = TEMPLATE_HEADERS[h.replace(/\s+/g, ' ').toLowerCase()] ?? TEMPLATE_HEADERS[h];
    if (key && cols[key] === undefined) cols[key] = i;
  });
  return cols.name !== undefined && cols.number !== undefined && cols.class !== undefined && cols.role !== undefined ? cols : null;
}

const problem = (path: string, code: string, message: string): FieldProblem => ({ path, code, message });

function parseTemplate(table: Table): ParsedRoster {
  const cols = templateColumns(table.header)!;
  const out: ParsedRoster = { format: 'template', classes: [], users: [], enrollments: [], rows: [] };
  const classes = new Map<string, PlannedClass>();
  const seenNumbers = new Map<string, number>();
  const seenUsernames = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const get = (k: keyof typeof cols) => (cols[k] !== undefined ? (cells[cols[k]!] ?? '').trim() : '');
    const name = get('name');
    const number = get('number');
    const className = get('class');
    const roleWord = get('role');
    const username = get('username').toLowerCase();
    const row: RowRef = { file: table.file, line, entity: 'user', sourceId: number ? `tpl:${number}` : '', errors: [], warnings: [] };
    const at = (col: string) => `${table.file}:${line}:${col}`;
    if (!name) row.errors.push(problem(at('姓名'), 'name_missing', 'the name is empty'));
    else if (name.length > 100) row.errors.push(problem(at('姓名'), 'name_too_long', 'the name is longer than 100 characters'));
    if (!number) row.errors.push(problem(at('学号'), 'number_missing', 'the student or staff number is empty'));
    else if (!/^[A-Za-z0-9-]{1,40}$/.test(number))
      row.errors.push(problem(at('学号'), 'number_invalid', 'use letters, digits and dashes only'));
    else if (seenNumbers.has(number)) {
      row.errors.push(problem(at('学号'), 'number_duplicate', `the same number is on line ${seenNumbers.get(number)}`));
    } else seenNumbers.set(number, line);
    const role = ROLE_WORDS[roleWord.toLowerCase()] ?? ROLE_WORDS[roleWord];
    if (!role) row.errors.push(problem(at('角色'), 'role_unknown', `unknown role "${roleWord}": use 学生, 教师 or 班主任`));
    if (username) {
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username))
        row.errors.push(problem(at('用户名'), 'username_invalid', 'use 2–63 letters, digits, dot, dash or underscore'));
      else if (seenUsernames.has(username))
        row.errors.push(problem(at('用户名'), 'username_duplicate', `the same username is on line ${seenUsernames.get(username)}`));
      else seenUsernames.set(username, line);
    }
    if (!className) {
      if (role?.role === 'student' || role?.homeroom)
        row.errors.push(problem(at('班级'), 'class_missing', 'a student or class teacher needs a class'));
    }
    let cls: PlannedClass | undefined;
    if (className) {
      cls = classes.get(className);
      if (!cls) {
        const gradeText = get('grade');
        const grade = gradeText ? gradeFromText(gradeText) : gradeFromText(className);
        if (grade === null) {
          row.errors.push(problem(at('班级'), 'grade_unknown', `cannot tell the grade of class "${className}": add a 年级 column`));
        } else {
          cls = { sourceId: `tpl-class:${className}`, code: className, name: className, grade };
          classes.set(className, cls);
        }
      }
    }
    out.rows.push(row);
    if (row.errors.length || !role) continue;
    out.users.push({ sourceId: row.sourceId, username: username || null, displayName: name, studentNumber: number, role: role.role });
    if (cls) {
      out.enrollments.push({
        sourceId: `tpl-enr:${cls.sourceId}:${number}`,
        classSourceId: cls.sourceId,
        userSourceId: row.sourceId,
        role: role.role,
        homeroom: role.homeroom,
      });
    }
  }
  out.classes = [...classes.values()];
  // Two 班主任 for one class is a mistake a teacher makes when copying rows.
  const homerooms = new Map<string, number>();
  for (const e of out.enrollments.filter((x) => x.homeroom)) homerooms.set(e.classSourceId, (homerooms.get(e.classSourceId) ?? 0) + 1);
  for (const [classSourceId, n] of homerooms) {
    if (n > 1) {
      const first = out.rows.find((r) =>
        out.enrollments.some((e) => e.homeroom && e.classSourceId === classSourceId && e.userSourceId === r.sourceId),
      );
      first?.warnings.push(
        problem(`${table.file}:${first.line}:角色`, 'homeroom_multiple', 'this class has more than one 班主任; the last one is kept'),
      );
    }
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * The grade (1–12) a class name implies: 初一→7, 高二→11, 三年级→3, 中一 (HK/Macao F.1)→7, P4→4, S5→11,
 * F.2→8, 10A→10, or a bare number.
 */
export function gradeFromText(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(初|中)([一二三四五六])/))) {
    const n = CN_DIGITS[m[2]];
    // 初 has three years; 中 in Hong Kong and Macao runs 中一–中六.
    return m[1] === '初' ? (n <= 3 ? 6 + n : null) : 6 + n;
  }
  if ((m = t.match(/^高([一二三])/))) return 9 + CN_DIGITS[m[1]];
  if ((m = t.match(/^小([一二三四五六])/))) return CN_DIGITS[m[1]];
  if ((m = t.match(/^([一二三四五六七八九])年[级級]/))) return CN_DIGITS[m[1]];
  if ((m = t.match(/^P\.?([1-6])/i))) return Number(m[1]);
  if ((m = t.match(/^[SF]\.?([1-6])/i))) return 6 + Number(m[1]);
  if ((m = t.match(/^(\d{1,2})/))) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// OneRoster 1.2 CSV (IMS OneRoster v1.2 CSV Tables): the columns below are the spec's names.

function columns(table: Table) {
  const index = new Map(table.header.map((h, i) => [h, i]));
  return (cells: string[], name: string) => {
    const i = index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
}

function requireColumns(table: Table, names: string[]) {
  const missing = names.filter((n) => !table.header.includes(n));
  if (missing.length) throw new RosterFileError('ROSTER_FORMAT_UNKNOWN', `${table.file}: missing column(s) ${missing.join(', ')}`);
}

const ONEROSTER_STUDENT = new Set(['student']);
const ONEROSTER_TEACHER = new Set(['teacher', 'aide', 'proctor']);

function parseOneRoster(tables: Table[]): ParsedRoster {
  const find = (n: string) => tables.find((t) => t.file.toLowerCase() === n);
  const usersT = find('users.csv');
  const classesT = find('classes.csv');
  const enrolT = find('enrollments.csv');
  const rolesT = find('roles.csv');
  if (!usersT || !classesT || !enrolT) {
    const missing = [!usersT && 'users.csv', !classesT && 'classes.csv', !enrolT && 'enrollments.csv'].filter(Boolean);
    throw new RosterFileError(
      'ROSTER_FORMAT_UNKNOWN',
      `OneRoster needs users.csv, classes.csv and enrollments.csv; missing ${missing.join(', ')}`,
    );
  }
  requireColumns(usersT, ['sourcedId', 'givenName', 'familyName']);
  requireColumns(classesT, ['sourcedId', 'title']);
  requireColumns(enrolT, ['sourcedId', 'classSourcedId', 'userSourcedId', 'role']);
  const out: ParsedRoster = { format: 'oneroster-1.2', classes: [], users: [], enrollments: [], rows: [] };
  const skip = (status: string) => status.toLowerCase() === 'tobedeleted';

  const col = columns(classesT);
  const classIds = new Set<string>();
  for (const { line, cells } of classesT.rows) {
    const sourceId = col(cells, 'sourcedId');
    const row: RowRef = { file: classesT.file, line, entity: 'class', sourceId, errors: [], warnings: [] };
    out.rows.push(row);
    const at = (c: string) => `${classesT.file}:${line}:${c}`;
    if (!sourceId) row.errors.push(problem(at('sourcedId'), 'source_id_missing', 'sourcedId is empty'));
    else if (classIds.has(sourceId)) row.errors.push(problem(at('sourcedId'), 'source_id_duplicate', 'the same sourcedId appears twice'));
    if (skip(col(cells, 'status'))) {
      row.warnings.push(problem(at('status'), 'to_be_deleted_ignored', 'rows marked tobedeleted are not imported'));
      continue;
    }
    const title = col(cells, 'title');
    if (!title) row.errors.push(problem(at('title'), 'title_missing', 'title is empty'));
    const gradeText = col(cells, 'grades').split(',')[0] ?? '';
    const grade = oneRosterGrade(gradeText) ?? gradeFromText(title);
    if (grade === null) row.errors.push(problem(at('grades'), 'grade_unknown', `cannot tell the grade from "${gradeText || title}"`));
    if (row.errors.length) continue;
    classIds.add(sourceId);
    out.classes.push({ sourceId, code: col(cells, 'classCode') || title, name: title, grade: grade! });
  }

  const roleOf = new Map<string, RosterRole>();
  if (rolesT) {
    const rc = columns(rolesT);
    for (const { cells } of rolesT.rows) {
      const r = rc(cells, 'role').toLowerCase();
      const kind = ONEROSTER_STUDENT.has(r) ? 'student' : ONEROSTER_TEACHER.has(r) ? 'teacher' : null;
      if (kind && rc(cells, 'roleType') !== 'secondary') roleOf.set(rc(cells, 'userSourcedId'), kind);
    }
  }
  const ec = columns(enrolT);
  for (const { cells } of enrolT.rows) {
    const r = ec(cells, 'role').toLowerCase();
    const userId = ec(cells, 'userSourcedId');
    if (!roleOf.has(userId)) {
      if (ONEROSTER_TEACHER.has(r)) roleOf.set(userId, 'teacher');
      else if (ONEROSTER_STUDENT.has(r)) roleOf.set(userId, 'student');
    }
  }

  const uc = columns(usersT);
  const userIds = new Set<string>();
  const usernames = new Map<string, number>();
  for (const { line, cells } of usersT.rows) {
    const sourceId = uc(cells, 'sourcedId');
    const row: RowRef = { file: usersT.file, line, entity: 'user', sourceId, errors: [], warnings: [] };
    out.rows.push(row);
    const at = (c: string) => `${usersT.file}:${line}:${c}`;
    if (!sourceId) row.errors.push(problem(at('sourcedId'), 'source_id_missing', 'sourcedId is empty'));
    else if (userIds.has(sourceId)) row.errors.push(problem(at('sourcedId'), 'source_id_duplicate', 'the same sourcedId appears twice'));
    if (skip(uc(cells, 'status'))) {
      row.warnings.push(problem(at('status'), 'to_be_deleted_ignored', 'rows marked tobedeleted are not imported'));
      continue;
    }
    const displayName = personName(uc(cells, 'givenName'), uc(cells, 'familyName'), uc(cells, 'preferredFirstName'));
    if (!displayName) row.errors.push(problem(at('givenName'), 'name_missing', 'givenName and familyName are empty'));
    const legacyRole = uc(cells, 'role').toLowerCase();
    const role =
      roleOf.get(sourceId) ?? (ONEROSTER_TEACHER.has(legacyRole) ? 'teacher' : ONEROSTER_STUDENT.has(legacyRole) ? 'student' : undefined);
    if (!role)
      row.errors.push(problem(at('role'), 'role_unknown', 'no student or teacher role for this user (roles.csv or enrollments.csv)'));
    const username = uc(cells, 'username').toLowerCase();
    if (username) {
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username))
        row.errors.push(problem(at('username'), 'username_invalid', 'use 2–63 letters, digits, dot, dash or underscore'));
      else if (usernames.has(username))
        row.errors.push(problem(at('username'), 'username_duplicate', `the same username is on line ${usernames.get(username)}`));
      else usernames.set(username, line);
    }
    if (row.errors.length) continue;
    userIds.add(sourceId);
    out.users.push({ sourceId, username: username || null, displayName, studentNumber: uc(cells, 'identifier') || null, role: role! });
  }

  const enrIds = new Set<string>();
  for (const { line, cells } of enrolT.rows) {
    const sourceId = ec(cells, 'sourcedId');
    const row: RowRef = { file: enrolT.file, line, entity: 'enrollment', sourceId, errors: [], warnings: [] };
    out.rows.push(row);
    const at = (c: string) => `${enrolT.file}:${line}:${c}`;
    if (skip(ec(cells, 'status'))) {
      row.warnings.push(problem(at('status'), 'to_be_deleted_ignored', 'rows marked tobedeleted are not imported'));
      continue;
    }
    const classSourceId = ec(cells, 'classSourcedId');
    const userSourceId = ec(cells, 'userSourcedId');
    const r = ec(cells, 'role').toLowerCase();
    if (!sourceId) row.errors.push(problem(at('sourcedId'), 'source_id_missing', 'sourcedId is empty'));
    else if (enrIds.has(sourceId)) row.errors.push(problem(at('sourcedId'), 'source_id_duplicate', 'the same sourcedId appears twice'));
    if (!classIds.has(classSourceId))
      row.errors.push(problem(at('classSourcedId'), 'class_unknown', `no valid class "${classSourceId}" in classes.csv`));
    if (!userIds.has(userSourceId))
      row.errors.push(problem(at('userSourcedId'), 'user_unknown', `no valid user "${userSourceId}" in users.csv`));
    const role = ONEROSTER_STUDENT.has(r) ? 'student' : ONEROSTER_TEACHER.has(r) ? 'teacher' : null;
    if (!role) row.errors.push(problem(at('role'), 'role_unknown', `unknown enrolment role "${r}"`));
    if (row.errors.length) continue;
    enrIds.add(sourceId);
    out.enrollments.push({
      sourceId,
      classSourceId,
      userSourceId,
      role: role!,
      homeroom: role === 'teacher' && ec(cells, 'primary').toLowerCase() === 'true',
    });
  }
  return out;
}

/** OneRoster grades use CEDS codes: 01–12, KG, PK… */
function oneRosterGrade(code: string): number | null {
  const t = code.trim();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  return null;
}

/** Chinese names are family name first, without a space; Latin names given name first. */
function personName(given: string, family: string, preferred: string): string {
  const g = preferred || given;
  if (/[\u3400-\u9fff]/.test(family + g)) return `${family}${g}`.trim();
  return [g, family].filter(Boolean).join(' ').trim();
}
