import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { classEnrollments, users } from './identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { gradeFromText } from './identity.roster-parse.ts';

const TEMPLATE = [
  '姓名,学号,班级,角色',
  '陈一鸣,2026001,初一(1)班,学生',
  '李可馨,2026002,初一(1)班,学生',
  '赵天佑,2026003,初一(2)班,学生',
  '吴老师,T9001,初一(1)班,班主任',
].join('\n');

describe('roster import', () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof makeSchool>>;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    school = await makeSchool(t.database.db, { jurisdiction: 'GD', code: 'gd-roster-test' });
    admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  async function upload(files: { name: string; data: Buffer | string }[]) {
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)]), f.name);
    return t.app.inject({ method: 'POST', url: `/api/v1/schools/${school.id}/roster-imports`, headers: admin.headers, payload: form });
  }
  const commit = (importId: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/roster-imports/${importId}/commit`, headers: admin.headers });

  async function snapshot() {
    const db = t.database.db;
    const u = await db.select().from(users).where(eq(users.schoolId, school.id)).orderBy(users.username);
    const c = await db.select().from(classes).where(eq(classes.schoolId, school.id)).orderBy(classes.code);
    const [{ n }] = await db.select({ n: count() }).from(classEnrollments).where(eq(classEnrollments.schoolId, school.id));
    return JSON.stringify({ u, c, n });
  }

  it('a file with bad rows imports nothing and reports each bad row', async () => {
    const before = await snapshot();
    const bad = [
      TEMPLATE,
      ',2026004,初一(1)班,学生',
      '孙小雨,2026001,初一(1)班,学生',
      '马思远,2026005,初一(1)班,校长',
      '胡一凡,2026006,,学生',
    ].join('\n');
    const res = await upload([{ name: 'roster.csv', data: bad }]);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.summary.errors).toBe(4);
    const problems = report.rows
      .filter((r: { errors: unknown[] }) => r.errors.length)
      .map((r: { line: number; errors: { code: string }[] }) => [r.line, r.errors[0].code]);
    expect(problems).toEqual([
      [6, 'name_missing'],
      [7, 'number_duplicate'],
      [8, 'role_unknown'],
      [9, 'class_missing'],
    ]);
    const refused = await commit(report.importId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('ROSTER_HAS_ERRORS');
    expect(await snapshot()).toBe(before);
  });

  it('a good file is checked, committed in one step, and hands out passwords once', async () => {
    const dry = await upload([{ name: 'roster.csv', data: '\uFEFF' + TEMPLATE }]);
    expect(dry.json().summary).toMatchObject({ rows: 4, create: 4, errors: 0 });
    expect(await snapshot()).not.toContain('陈一鸣');
    const done = await commit(dry.json().importId);
    expect(done.statusCode).toBe(200);
    const { credentials, report } = done.json();
    expect(report.status).toBe('committed');
    expect(credentials).toHaveLength(4);
    expect(credentials.map((c: { username: string }) => c.username)).toContain('gd-roster-test-2026001');
    const student = credentials.find((c: { username: string }) => c.username === 'gd-roster-test-2026001');
    const s = await signIn(t.app, student.username, student.initialPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    expect(me.json()).toMatchObject({ displayName: '陈一鸣', mustChangePassword: true });
    // The password is nowhere in the database in clear.
    const dump = JSON.stringify(await t.database.db.execute('select * from roster_imports'));
    expect(dump).not.toContain(student.initialPassword);
    const roster = await t.app.inject({ method: 'GET', url: `/api/v1/schools/${school.id}/roster`, headers: admin.headers });
    const first = roster.json().classes.find((c: { name: string }) => c.name === '初一(1)班');
    expect(first.students.map((x: { displayName: string }) => x.displayName).sort()).toEqual(['李可馨', '陈一鸣'].sort());
    expect(first.homeroomTeacher.displayName).toBe('吴老师');
    expect(first.grade).toBe(7);
    expect((await commit(dry.json().importId)).json().code).toBe('ROSTER_IMPORT_STALE');
  });

  it('a second identical import changes nothing', async () => {
    const before = await snapshot();
    const dry = await upload([{ name: 'roster.csv', data: TEMPLATE }]);
    expect(dry.json().summary).toMatchObject({ unchanged: 4, create: 0, update: 0, errors: 0 });
    const done = await commit(dry.json().importId);
    expect(done.json().credentials).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('reads the same template saved by Excel as GB18030 CSV, and as XLSX in Traditional script', async () => {
    const moved = TEMPLATE.replace('李可馨,2026002,初一(1)班', '李可馨,2026002,初一(2)班');
    const gbk = await upload([{ name: 'roster.csv', data: iconv.encode(moved, 'gb18030') }]);
    expect(gbk.json().summary).toMatchObject({ errors: 0, update: 1, unchanged: 3 });

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名單');
    sheet.addRow(['姓名', '學號', '班級', '角色']);
    sheet.addRow(['黃子晴', 'H2026101', '中一甲班', '學生']);
    sheet.addRow(['陳老師', 'HT01', '中一甲班', '班主任']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload([{ name: '名單.xlsx', data: xlsx }]);
    expect(res.json().format).toBe('template');
    expect(res.json().summary).toMatchObject({ create: 2, errors: 0 });
  });

  it('imports OneRoster 1.2 CSVs from one ZIP, and refuses enrolments to unknown classes', async () => {
    const files = {
      'users.csv':
        'sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,identifier\nu1,active,,true,,晓彤,林,OR001\nu2,active,,true,or-teacher,Amy,Ho,\n',
      'classes.csv': 'sourcedId,status,title,grades,classCode,schoolSourcedId\nc1,active,Robotics 8A,08,R8A,s1\n',
      'enrollments.csv':
        'sourcedId,status,classSourcedId,schoolSourcedId,userSourcedId,role,primary\ne1,active,c1,s1,u1,student,false\ne2,active,c1,s1,u2,teacher,true\n',
    };
    const zip = Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    const dry = await upload([{ name: 'oneroster.zip', data: zip }]);
    expect(dry.json()).toMatchObject({ format: 'oneroster-1.2', summary: { errors: 0, create: 5 } });
    const done = await commit(dry.json().importId);
    expect(done.json().credentials.map((c: { username: string; displayName: string }) => [c.username, c.displayName])).toEqual([
      ['gd-roster-test-or001', '林晓彤'],
      ['or-teacher', 'Amy Ho'],
    ]);
    const broken = { ...files, 'enrollments.csv': files['enrollments.csv'] + 'e3,active,c9,s1,u1,student,false\n' };
    const bad = await upload(Object.entries(broken).map(([name, data]) => ({ name, data })));
    const row = bad.json().rows.find((r: { sourceId: string }) => r.sourceId === 'e3');
    expect(row.errors[0].code).toBe('class_unknown');
  });

  it('refuses a file it cannot read with a clear error', async () => {
    const junk = await upload([{ name: 'photo.csv', data: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]) }]);
    expect(junk.statusCode).toBe(400);
    expect(['ROSTER_FILE_UNREADABLE', 'ROSTER_FORMAT_UNKNOWN']).toContain(junk.json().code);
    const wrong = await upload([{ name: 'marks.csv', data: '科目,分数\n数学,90\n' }]);
    expect(wrong.json().code).toBe('ROSTER_FORMAT_UNKNOWN');
    const none = await t.app.inject({
      method: 'POST',
      url: `/api/v1/schools/${school.id}/roster-imports`,
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(none.statusCode).toBe(415);
  });
});

describe('grades from class names', () => {
  it.each([
    ['初一(1)班', 7],
    ['高二(3)班', 11],
    ['三年级(2)班', 3],
    ['中一甲班', 7],
    ['中六', 12],
    ['P5C', 5],
    ['S4B', 10],
    ['F.2', 8],
    ['10A', 10],
    ['Robotics', null],
  ])('%s is grade %s', (name, grade) => expect(gradeFromText(name)).toBe(grade));
});
