import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../factories.ts';
import { parseRoster, RosterFileError, type UploadedFile } from '../../modules/identity/identity.roster-parse.ts';
import { anyBytes, anyText, csvText, entryName } from './arbitraries.ts';
import { expectClearRefusal, expectNoServerError, fuzzOptions, fuzzTimeout, rowCounts } from './fuzz.support.ts';

/** Tables a roster import changes when it commits; a dry run or a refusal must leave them alone. */
const PEOPLE_TABLES = ['users', 'password_credentials', 'memberships', 'classes', 'class_enrollments'] as const;

const TEMPLATE_HEADERS = [
  ['姓名', '学号', '班级', '角色'],
  ['姓名', '學號', '班級', '角色', '年級', '用戶名'],
  ['name', 'number', 'class', 'role', 'grade', 'username'],
];
const USERS_HEADER = ['sourcedId', 'givenName', 'familyName', 'role', 'username', 'identifier', 'status'];
const CLASSES_HEADER = ['sourcedId', 'title', 'grades', 'classCode', 'status'];
const ENROL_HEADER = ['sourcedId', 'classSourcedId', 'userSourcedId', 'role', 'primary', 'status'];

const quoted = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** A template CSV whose cells are mostly words the parser knows, so rows reach the deeper checks. */
const templateRows = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom('陈一鸣', '李可馨', 'Chan Tai Man', ''), anyText(12)),
    fc.oneof(fc.stringMatching(/^[A-Z0-9-]{1,8}$/), anyText(8)),
    fc.oneof(fc.constantFrom('初一(1)班', '中三甲', 'P4', 'S5', '10A', '高二', '初四', ''), anyText(8)),
    fc.oneof(fc.constantFrom('学生', '教師', '班主任', 'teacher', ''), anyText(6)),
  ),
  { maxLength: 15 },
);
const templateCsv = templateRows.map((rows) => ['姓名,学号,班级,角色', ...rows.map(quoted)].join('\n'));

/** An XLSX workbook of random cells (numbers, dates, formulas, text) under a known or random header. */
const xlsxFile = fc
  .record({
    header: fc.oneof(fc.constantFrom(...TEMPLATE_HEADERS), fc.array(anyText(8), { maxLength: 5 })),
    rows: fc.array(
      fc.array(fc.oneof(anyText(12), fc.double(), fc.date({ noInvalidDate: true }), fc.constant({ formula: '1/0' })), { maxLength: 6 }),
      { maxLength: 10 },
    ),
  })
  .map(async ({ header, rows }) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(header.map(stripXmlInvalid));
    for (const r of rows) sheet.addRow(r.map((c) => (typeof c === 'string' ? stripXmlInvalid(c) : c)));
    return { filename: 'roster.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) };
  });

/** ExcelJS writes what it is given; characters XML cannot hold would make its own output unreadable. */
const xmlAllowed = (n: number) =>
  (n >= 0x20 || n === 0x09 || n === 0x0a || n === 0x0d) && (n < 0xd800 || n > 0xdfff) && n !== 0xfffe && n !== 0xffff;
const stripXmlInvalid = (s: string) => [...s].filter((c) => xmlAllowed(c.codePointAt(0)!)).join('');

/** OneRoster CSVs as separate files or one ZIP, with random rows and sometimes a hostile entry name. */
const oneRosterFiles = fc
  .tuple(csvText([USERS_HEADER]), csvText([CLASSES_HEADER]), csvText([ENROL_HEADER]), fc.boolean(), fc.option(entryName))
  .map(([usersCsv, classesCsv, enrolCsv, zipped, extra]): UploadedFile[] => {
    const entries: Record<string, Uint8Array> = {
      'users.csv': strToU8(usersCsv),
      'classes.csv': strToU8(classesCsv),
      'enrollments.csv': strToU8(enrolCsv),
    };
    if (!zipped) return Object.entries(entries).map(([filename, data]) => ({ filename, data: Buffer.from(data) }));
    if (extra) entries[extra] = strToU8(usersCsv);
    let zip: Uint8Array;
    try {
      zip = zipSync(entries, { level: 1 });
    } catch {
      delete entries[extra!];
      zip = zipSync(entries, { level: 1 });
    }
    return [{ filename: 'oneroster.zip', data: Buffer.from(zip) }];
  });

/** Every shape of upload a school admin could send, sensible or not. */
const rosterUpload: fc.Arbitrary<UploadedFile[] | Promise<UploadedFile[]>> = fc.oneof(
  templateCsv.map((text) => [{ filename: 'roster.csv', data: Buffer.from(text) }]),
  csvText(TEMPLATE_HEADERS).map((text) => [{ filename: 'roster.csv', data: Buffer.from(text) }]),
  oneRosterFiles,
  xlsxFile.map(async (f) => [await f]),
  anyBytes().map((b) => [{ filename: 'roster.csv', data: Buffer.from(b) }]),
  // Bytes behind a ZIP signature: a broken XLSX or ZIP, which the parser must refuse cleanly.
  anyBytes().map((b) => [{ filename: 'roster.xlsx', data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]) }]),
  templateCsv.map((text) => [{ filename: 'roster.csv', data: Buffer.from(`\uFEFF${text}`, 'utf16le') }]),
);

describe('fuzz: roster files (identity.roster-parse.ts and the roster import routes)', () => {
  it(
    'parseRoster either returns a plan whose rows all have a line number, or refuses with a RosterFileError',
    async () => {
      await fc.assert(
        fc.asyncProperty(rosterUpload, async (upload) => {
          const files = await upload;
          try {
            const plan = await parseRoster(files);
            for (const row of plan.rows) expect(row.line).toBeGreaterThan(0);
            // A planned person always passed every row check.
            const bad = new Set(plan.rows.filter((r) => r.errors.length && r.entity === 'user').map((r) => `${r.file}:${r.line}`));
            expect(plan.users.length).toBeLessThanOrEqual(plan.rows.filter((r) => r.entity === 'user').length - bad.size);
          } catch (e) {
            expect(e).toBeInstanceOf(RosterFileError);
          }
        }),
        fuzzOptions(80),
      );
    },
    fuzzTimeout(),
  );

  describe('over HTTP', () => {
    let t: TestApp;
    let admin: Session;
    let schoolId: string;

    beforeAll(async () => {
      t = await createTestApp();
      const school = await makeSchool(t.database.db, { jurisdiction: 'GD' });
      schoolId = school.id;
      admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
    });
    afterAll(() => t.close());

    const upload = (files: UploadedFile[]) => {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)]), f.filename);
      return t.app.inject({ method: 'POST', url: `/api/v1/schools/${schoolId}/roster-imports`, headers: admin.headers, payload: form });
    };

    it(
      'a dry run answers a report or a translated 4xx, never a 500, and changes no person, class or enrolment',
      async () => {
        await fc.assert(
          fc.asyncProperty(rosterUpload, async (files) => {
            const before = await rowCounts(t.database.db, [...PEOPLE_TABLES, 'roster_imports']);
            const res = await upload(await files);
            expectNoServerError(res);
            const after = await rowCounts(t.database.db, [...PEOPLE_TABLES, 'roster_imports']);
            // Only the dry run's own record is kept, and only when the file could be read.
            expect(after).toEqual({ ...before, roster_imports: before.roster_imports + (res.statusCode === 200 ? 1 : 0) });
          }),
          fuzzOptions(40),
        );
      },
      fuzzTimeout(),
    );

    it(
      'committing a dry run that found errors is refused with a 4xx and applies nothing',
      async () => {
        await fc.assert(
          fc.asyncProperty(templateCsv, async (text) => {
            // NUL makes the file unreadable as text (a refusal the test above covers); here the rows must be read.
            const readable = text.replaceAll('\u0000', '');
            const res = await upload([{ filename: 'roster.csv', data: Buffer.from(`${readable}\n,,初一(1)班,学生`) }]);
            expect(res.statusCode, res.body).toBe(200);
            const { importId, summary } = res.json() as { importId: string; summary: { errors: number } };
            expect(summary.errors).toBeGreaterThan(0);
            const before = await rowCounts(t.database.db, PEOPLE_TABLES);
            const commit = await t.app.inject({ method: 'POST', url: `/api/v1/roster-imports/${importId}/commit`, headers: admin.headers });
            expectClearRefusal(commit);
            expect(await rowCounts(t.database.db, PEOPLE_TABLES)).toEqual(before);
          }),
          fuzzOptions(15),
        );
      },
      fuzzTimeout(),
    );
  });
});
