import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { auditEntries } from '../audit/audit.schema.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { networkPairs } from '../network/network.schema.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { currentTerm, type TInventoryBody } from '../../../shared/api/insights.ts';

/**
 * Insights through the real HTTP API on a hand-made province: Guangdong province → city → districts D1
 * (schools s1–s3) and D2 (s4, s5), and two Hong Kong schools. Every expected figure below is worked out by
 * hand from the fixture, at every level, so a roll-up that averaged ratios instead of summing would fail.
 */
describe('insights', { timeout: 120_000 }, () => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  const T1 = '2025-2026-1';
  const T2 = '2025-2026-2';
  let units: Record<'province' | 'city' | 'd1' | 'd2' | 'hk', { id: string; jurisdictionId: string }>;
  const sc: Record<string, { id: string; jurisdictionId: string; code: string }> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1/insights${url}`, payload: payload as object, headers: { ...s[who].headers, ...headers } });

  let n = 0;
  async function people(school: { id: string; jurisdictionId: string }, role: 'student' | 'teacher', count: number) {
    for (let i = 0; i < count; i++) {
      const [u] = await t.database.db
        .insert(users)
        .values({ username: `p-${++n}-${role}`, displayName: `测试${n}`, jurisdictionId: school.jurisdictionId, schoolId: school.id })
        .returning();
      await t.database.db.insert(memberships).values({ userId: u.id, role, jurisdictionId: school.jurisdictionId, schoolId: school.id });
    }
  }

  const inventory = (over: Partial<TInventoryBody>): TInventoryBody => ({
    teacherTerminals: 1,
    studentDevices: 0,
    bandwidthMbps: 100,
    connectivity: 'fibre',
    popularisationBase: 'none',
    rooms: [],
    courses: [],
    ...over,
  });
  const smart = (name: string) => ({ kind: 'smart_classroom' as const, name, equipment: '交互大屏', capacity: 45, year: 2023 });
  const lab = (name: string) => ({ kind: 'ai_lab' as const, name, equipment: '机器人套件', capacity: 40, year: 2024 });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const province = await makeUnit(db, { jurisdiction: 'GD', level: 'province' });
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city', parentId: province.id });
    const d1 = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    const d2 = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    const hk = await makeUnit(db, { jurisdiction: 'HK', level: 'district' });
    units = { province, city, d1, d2, hk };
    for (const [k, unit] of [
      ['s1', d1],
      ['s2', d1],
      ['s3', d1],
      ['s4', d2],
      ['s5', d2],
      ['h1', hk],
      ['h2', hk],
    ] as const) {
      sc[k] = await makeSchool(db, { jurisdiction: k.startsWith('h') ? 'HK' : 'GD', unitId: unit.id });
    }
    const counts: Record<string, [number, number]> = {
      s1: [10, 4],
      s2: [20, 5],
      s3: [30, 6],
      s4: [40, 2],
      s5: [0, 1],
      h1: [8, 2],
      h2: [9, 2],
    };
    for (const [k, [students, teachers]] of Object.entries(counts)) {
      await people(sc[k], 'student', students);
      await people(sc[k], 'teacher', teachers);
    }
    const pair = (a: string, b: string, status: 'active' | 'proposed') =>
      db.insert(networkPairs).values({
        schoolAId: sc[a].id,
        schoolBId: sc[b].id,
        status,
        goals: '共建课程',
        termStart: '2025-09-01',
        termEnd: '2027-08-31',
        renewal: 'review',
      });
    await pair('s1', 'h1', 'active');
    await pair('s4', 's2', 'active');
    await pair('s3', 's5', 'proposed');

    const who: Record<string, Parameters<typeof makeUser>[1]> = {
      provinceBureau: { role: 'bureau_admin', unit: province },
      d1Bureau: { role: 'bureau_admin', unit: d1 },
      hkBureau: { role: 'bureau_admin', jurisdiction: 'HK' },
      steward: { role: 'data_steward', jurisdiction: 'GD' },
      teacher: { role: 'teacher', school: sc.s1 },
    };
    for (const k of ['s1', 's2', 's4', 'h1']) {
      who[`${k}Admin`] = { role: 'school_admin', school: sc[k] };
    }
    who.s1Principal = { role: 'principal', school: sc.s1 };
    for (const [k, opts] of Object.entries(who)) {
      const u = await makeUser(db, opts);
      s[k] = await signIn(t.app, u.username, TEST_PASSWORD);
    }

    const put = async (who: string, school: string, term: string, body: TInventoryBody) => {
      const res = await call(who, 'PUT', `/schools/${sc[school].id}/inventory/${term}`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await put('s1Admin', 's1', T1, inventory({ studentDevices: 2, courses: [{ grade: 7, hoursPerWeek: 1, setting: 'in_school' }] }));
    await put(
      's1Admin',
      's1',
      T2,
      inventory({
        studentDevices: 5,
        rooms: [smart('智慧教室一'), smart('智慧教室二'), lab('AI 实验室')],
        courses: [{ grade: 7, hoursPerWeek: 1, setting: 'in_school' }],
      }),
    );
    await put(
      's2Admin',
      's2',
      T2,
      inventory({ studentDevices: 10, rooms: [smart('录播教室')], courses: [{ grade: 8, hoursPerWeek: 2, setting: 'after_school' }] }),
    );
    await put(
      's4Admin',
      's4',
      T2,
      inventory({
        studentDevices: 40,
        rooms: [lab('创客空间'), lab('机器人室')],
        courses: [
          { grade: 7, hoursPerWeek: 1, setting: 'in_school' },
          { grade: 8, hoursPerWeek: 1, setting: 'in_school' },
        ],
      }),
    );
    await put('h1Admin', 'h1', T2, inventory({ studentDevices: 8, courses: [{ grade: 7, hoursPerWeek: 1, setting: 'after_school' }] }));
    for (const term of [T1, T2]) {
      const res = await call('provinceBureau', 'POST', '/recompute', { term });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, 300_000);
  afterAll(() => t?.close());

  type Dash = {
    scope: { id: string; kind: string };
    term: string;
    indicators: { code: string; current: { value: number | null } | null; trend: { term: string; value: number | null }[] }[];
    ranking: { id: string; values: Record<string, number | null> }[];
    gaps: { kind: string; total: number; schools: { id: string; link: string }[] }[];
  };
  const dashboard = async (who: string, scope?: string) => {
    const res = await call(who, 'GET', `/dashboard?term=${T2}${scope ? `&scope=${scope}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dash;
  };
  const value = (d: Dash, code: string) => d.indicators.find((i) => i.code === code)!.current!.value!;

  it('computes each indicator from summed numerators and denominators at every level', async () => {
    // Hand-computed: [coverage (in timetable), smart classrooms, AI labs per 1,000, devices per student, sister schools]
    const expected: Record<string, [number, number, number, number, number]> = {
      [sc.s1.id]: [100, 100, 100, 0.5, 100],
      [sc.s2.id]: [0, 100, 0, 0.5, 100],
      [sc.s4.id]: [100, 0, 50, 1, 100],
      [units.d1.id]: [100 / 3, 200 / 3, 1000 / 60, 15 / 60, 200 / 3],
      [units.d2.id]: [50, 0, 50, 1, 50],
      [units.city.id]: [40, 40, 30, 0.55, 60],
      [units.province.id]: [40, 40, 30, 0.55, 60],
      [units.province.jurisdictionId]: [40, 40, 30, 0.55, 60],
    };
    const platform = await makeUser(t.database.db, { role: 'platform_admin', jurisdiction: 'GD' });
    s.platform = await signIn(t.app, platform.username, TEST_PASSWORD);
    for (const [scope, [coverage, smartShare, labs, devices, sisters]] of Object.entries(expected)) {
      const d = await dashboard('platform', scope);
      expect(value(d, 'ai_course_coverage')).toBeCloseTo(coverage, 6);
      expect(value(d, 'smart_classroom_share')).toBeCloseTo(smartShare, 6);
      expect(value(d, 'ai_labs_per_1000')).toBeCloseTo(labs, 6);
      expect(value(d, 'devices_per_student')).toBeCloseTo(devices, 6);
      expect(value(d, 'sister_school_coverage')).toBeCloseTo(sisters, 6);
    }
  });

  it('keeps a history per term', async () => {
    const d = await dashboard('provinceBureau');
    const coverage = d.indicators.find((i) => i.code === 'ai_course_coverage')!;
    // Term 1: only s1 had entered its inventory, with a timetabled course → 1 of 5 schools.
    expect(coverage.trend.find((x) => x.term === T1)!.value).toBeCloseTo(20, 6);
    expect(coverage.trend.find((x) => x.term === T2)!.value).toBeCloseTo(40, 6);
  });

  it('applies Hong Kong’s own definition there: after-school courses count', async () => {
    const d = await dashboard('hkBureau');
    expect(value(d, 'ai_course_coverage')).toBeCloseTo(50, 6);
  });

  it('shows a district bureau only its district', async () => {
    const d = await dashboard('d1Bureau');
    expect(d.scope.id).toBe(units.d1.id);
    expect(d.ranking.map((r) => r.id).sort()).toEqual([sc.s1.id, sc.s2.id, sc.s3.id].sort());
    const gapSchools = d.gaps.flatMap((g) => g.schools.map((x) => x.id));
    expect(gapSchools.every((id) => [sc.s1.id, sc.s2.id, sc.s3.id].includes(id))).toBe(true);
    expect(
      d.gaps
        .find((g) => g.kind === 'no_ai_lab')!
        .schools.map((x) => x.id)
        .sort(),
    ).toEqual([sc.s2.id, sc.s3.id].sort());
    expect(d.gaps.find((g) => g.kind === 'no_sister_school')!.schools.map((x) => x.id)).toEqual([sc.s3.id]);
    expect(d.gaps.find((g) => g.kind === 'no_sister_school')!.schools[0].link).toBe(`/network/schools/${sc.s3.id}`);
    for (const scope of [units.d2.id, units.city.id, sc.s4.id, units.province.jurisdictionId]) {
      expect((await call('d1Bureau', 'GET', `/dashboard?scope=${scope}`)).statusCode).toBe(404);
    }
    expect((await call('d1Bureau', 'GET', `/dashboard/export.xlsx?scope=${units.d2.id}`)).statusCode).toBe(404);
    expect((await call('teacher', 'GET', '/dashboard')).statusCode).toBe(403);
  });

  it('compares jurisdictions with aggregates only, suppressing cells under 5 and labelling each definition', async () => {
    const res = await call('steward', 'GET', `/compare?term=${T2}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      indicators: {
        code: string;
        sides: { jurisdiction: string; suppressed: boolean; value: number | null; definition: { en: string } | null }[];
      }[];
    };
    const side = (code: string, j: string) => body.indicators.find((i) => i.code === code)!.sides.find((x) => x.jurisdiction === j)!;
    // Guangdong: 5 schools, 55 devices for 100 students → shown.
    expect(side('devices_per_student', 'GD')).toMatchObject({ suppressed: false, value: 0.55 });
    // Guangdong: 2 schools with a timetabled course, 3 with AI labs: counts under 5 → hidden.
    expect(side('ai_course_coverage', 'GD')).toMatchObject({ suppressed: true, value: null });
    expect(side('ai_labs_per_1000', 'GD')).toMatchObject({ suppressed: true, value: null });
    // Hong Kong has only 2 schools: every cell hidden.
    expect(body.indicators.every((i) => i.sides.find((x) => x.jurisdiction === 'HK')!.value === null)).toBe(true);
    expect(side('ai_course_coverage', 'GD').definition!.en).not.toBe(side('ai_course_coverage', 'HK').definition!.en);
    // Nothing below a jurisdiction crosses: no school or unit id appears.
    for (const id of [...Object.values(sc).map((x) => x.id), units.d1.id, units.hk.id]) expect(res.body).not.toContain(id);
    expect((await call('teacher', 'GET', '/compare')).statusCode).toBe(403);
  });

  it('lets the principal read the inventory but only the school admin change it', async () => {
    const read = await call('s1Principal', 'GET', `/schools/${sc.s1.id}/inventory/${T2}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: false, inventory: { studentDevices: 5 } });
    expect((await call('s1Principal', 'PUT', `/schools/${sc.s1.id}/inventory/${T2}`, inventory({}))).statusCode).toBe(403);
    expect((await call('s2Admin', 'GET', `/schools/${sc.s1.id}/inventory/${T2}`)).statusCode).toBe(404);
    const next = await call('s1Admin', 'GET', `/schools/${sc.s1.id}/inventory/2026-2027-1`);
    expect(next.json()).toMatchObject({ carriedFrom: T2, version: null, inventory: { studentDevices: 5 } });
  });

  async function workbook(fill: (wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  function multipart(data: Buffer) {
    const boundary = '----insightstest';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="inventory.xlsx"\r\n` +
          `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  }
  const upload = (who: string, school: string, data: Buffer) => {
    const m = multipart(data);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/insights/schools/${sc[school].id}/inventory/${T2}/imports`,
      payload: m.body,
      headers: { ...s[who].headers, 'content-type': m.type },
    });
  };

  it('refuses a workbook with bad rows, names each problem, and stores nothing', async () => {
    const before = (await call('s2Admin', 'GET', `/schools/${sc.s2.id}/inventory/${T2}`)).json() as { inventory: unknown };
    const data = await workbook((wb) => {
      const school = wb.addWorksheet('school');
      school.addRows([
        ['field', 'value'],
        ['teacher_terminals', 3],
        ['student_devices', 'many'],
        ['bandwidth_mbps', 100],
        ['connectivity', 'fibre'],
        ['popularisation_base', 'none'],
      ]);
      const rooms = wb.addWorksheet('rooms');
      rooms.addRows([
        ['kind', 'name', 'equipment', 'capacity', 'year'],
        ['ai_lab', '新实验室', '', 40, 2025],
        ['spaceship', '太空舱', '', 0, 2025],
      ]);
      const courses = wb.addWorksheet('courses');
      courses.addRows([
        ['grade', 'hours_per_week', 'setting'],
        [7, '', 'in_school'],
      ]);
    });
    const check = await upload('s2Admin', 's2', data);
    expect(check.statusCode, check.body).toBe(200);
    const report = check.json() as { importId: string; problems: { path: string; code: string }[] };
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'school:3:student_devices', code: 'value_invalid' }),
        expect.objectContaining({ path: 'rooms:3:kind', code: 'option_unknown' }),
        expect.objectContaining({ path: 'rooms:3:capacity', code: 'out_of_range' }),
        expect.objectContaining({ path: 'courses:2:hours_per_week', code: 'value_missing' }),
      ]),
    );
    const commit = await call('s2Admin', 'POST', `/imports/${report.importId}/commit`, undefined, { 'accept-language': 'zh-CN' });
    expect(commit.statusCode).toBe(422);
    expect(commit.json()).toMatchObject({ code: 'INSIGHTS_IMPORT_HAS_ERRORS', title: '文件有错误，没有导入任何数据' });
    const after = (await call('s2Admin', 'GET', `/schools/${sc.s2.id}/inventory/${T2}`)).json() as { inventory: unknown };
    expect(after.inventory).toEqual(before.inventory);
  });

  it('round-trips the exported workbook through the dry run and commit', async () => {
    const exported = await call('s2Admin', 'GET', `/schools/${sc.s2.id}/inventory/${T2}/workbook`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    wb.getWorksheet('rooms')!.addRow(['ai_lab', '新实验室', '树莓派', 36, 2025]);
    const check = await upload('s2Admin', 's2', Buffer.from(await wb.xlsx.writeBuffer()));
    const report = check.json() as { importId: string; problems: unknown[]; summary: { rooms: number } };
    expect(report).toMatchObject({ problems: [], summary: { rooms: 2 } });
    const stillOld = (await call('s2Admin', 'GET', `/schools/${sc.s2.id}/inventory/${T2}`)).json() as { inventory: { rooms: unknown[] } };
    expect(stillOld.inventory.rooms).toHaveLength(1);
    expect((await call('s2Admin', 'POST', `/imports/${report.importId}/commit`)).statusCode).toBe(200);
    const now = (await call('s2Admin', 'GET', `/schools/${sc.s2.id}/inventory/${T2}`)).json() as {
      inventory: { rooms: { name: string }[] };
    };
    expect(now.inventory.rooms.map((r) => r.name).sort()).toEqual(['录播教室', '新实验室'].sort());
    expect((await call('s2Admin', 'POST', `/imports/${report.importId}/commit`)).statusCode).toBe(409);
  });

  it('exports the dashboard to Excel and PDF in the reader’s language', async () => {
    const xlsx = await call('provinceBureau', 'GET', `/dashboard/export.xlsx?term=${T2}&lang=zh-Hans`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '趋势', '排名', '短板']);
    expect(wb.getWorksheet('总览')!.getCell('A2').value).toBe('人工智能通识课开设率');
    const pdf = await call('provinceBureau', 'GET', `/dashboard/export.pdf?term=${T2}&lang=zh-Hant`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  // Kept last: editing the catalogue recomputes the current term, which later dashboards would default to.
  const teacherShare = {
    names: { 'zh-Hans': '每百名学生教师数', 'zh-Hant': '每百名學生教師數', en: 'Teachers per 100 students' },
    definitions: { 'zh-Hans': '教师数 ÷ 学生数 × 100', 'zh-Hant': '教師數 ÷ 學生數 × 100', en: 'Teachers ÷ students × 100' },
    numerator: 'teachers',
    denominator: 'students',
    scale: 100,
    unit: 'ratio',
    target: 5,
    code: 'teachers_per_100',
    jurisdiction: 'GD',
  };

  it('lets a bureau add and change its jurisdiction’s indicators, checked, audited and recomputed; a school may not', async () => {
    const before = (await call('teacher', 'GET', '/indicators')).json() as unknown[];
    for (const who of ['teacher', 's1Admin', 's1Principal']) {
      expect((await call(who, 'POST', '/indicators', teacherShare)).statusCode, who).toBe(403);
    }
    // Only a platform admin changes the shared definitions; a bureau elsewhere cannot touch Guangdong's.
    expect((await call('d1Bureau', 'POST', '/indicators', { ...teacherShare, jurisdiction: null })).statusCode).toBe(403);
    expect((await call('hkBureau', 'POST', '/indicators', teacherShare)).statusCode).toBe(403);

    const bad = await call('d1Bureau', 'POST', '/indicators', {
      ...teacherShare,
      numerator: 'teachers + salaries',
      denominator: 'students ^ 2',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      code: 'INSIGHTS_FORMULA_INVALID',
      title: '公式无法使用',
      errors: [
        { path: 'body.numerator', code: 'unknown_variable' },
        { path: 'body.denominator', code: 'operator' },
      ],
    });
    expect(((await call('teacher', 'GET', '/indicators')).json() as unknown[]).length).toBe(before.length);

    const created = await call('d1Bureau', 'POST', '/indicators', teacherShare);
    expect(created.statusCode, created.body).toBe(200);
    const indicator = created.json() as { id: string; version: number; jurisdiction: string };
    expect(indicator).toMatchObject({ jurisdiction: 'GD', version: 1 });
    expect((await call('d1Bureau', 'POST', '/indicators', teacherShare)).json()).toMatchObject({ code: 'INSIGHTS_INDICATOR_EXISTS' });

    // Recomputed on save for the current term: D1 has 16 teachers (the fixture's 15 and the `teacher` account of
    // s1) for 60 students; Hong Kong does not use it.
    const now = currentTerm();
    const d1 = (await call('d1Bureau', 'GET', `/dashboard?term=${now}`)).json() as Dash;
    expect(value(d1, 'teachers_per_100')).toBeCloseTo((100 * 16) / 60, 6);
    const hk = (await call('hkBureau', 'GET', `/dashboard?term=${now}`)).json() as Dash;
    expect(hk.indicators.some((i) => i.code === 'teachers_per_100')).toBe(false);

    const edit = { ...teacherShare, scale: 1000, target: 50 };
    const stale = await call('d1Bureau', 'PUT', `/indicators/${indicator.id}`, edit, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect((await call('s1Admin', 'PUT', `/indicators/${indicator.id}`, edit, { 'if-match': '"1"' })).statusCode).toBe(403);
    const badEdit = await call(
      'provinceBureau',
      'PUT',
      `/indicators/${indicator.id}`,
      { ...edit, denominator: 'students +' },
      { 'if-match': '"1"' },
    );
    expect(badEdit.json()).toMatchObject({ code: 'INSIGHTS_FORMULA_INVALID', errors: [{ path: 'body.denominator', code: 'syntax' }] });
    const changed = await call('provinceBureau', 'PUT', `/indicators/${indicator.id}`, edit, { 'if-match': '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, formula: { scale: 1000 }, target: 50 });
    const again = (await call('d1Bureau', 'GET', `/dashboard?term=${now}`)).json() as Dash;
    expect(value(again, 'teachers_per_100')).toBeCloseTo((1000 * 16) / 60, 6);

    const audit = await t.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.targetId, indicator.id), sql`${auditEntries.action} like 'insights.indicator.%'`));
    expect(audit.map((a) => a.action).sort()).toEqual(['insights.indicator.create', 'insights.indicator.update']);
  });

  it('recomputes in the background after an inventory change, and keeps a nightly run scheduled', async () => {
    const d2 = async () =>
      (await call('provinceBureau', 'GET', `/dashboard?term=${T2}&scope=${units.d2.id}`)).json() as Dash & { computedAt: string };
    const before = await d2();
    expect(value(before, 'ai_labs_per_1000')).toBeCloseTo(50, 6);
    expect(before.computedAt).toBeTruthy();
    const saved = await call('s4Admin', 'PUT', `/schools/${sc.s4.id}/inventory/${T2}`, {
      ...inventory({ studentDevices: 40, rooms: [lab('创客空间'), lab('机器人室'), lab('新 AI 实验室')] }),
      courses: [
        { grade: 7, hoursPerWeek: 1, setting: 'in_school' },
        { grade: 8, hoursPerWeek: 1, setting: 'in_school' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Not yet: the save queued a recompute of its term rather than holding the school admin up.
    expect(value(await d2(), 'ai_labs_per_1000')).toBeCloseTo(50, 6);
    await runJobsUntilIdle({ db: t.database.db, registry: jobRegistry, blobs: t.blobs });
    const after = await d2();
    expect(value(after, 'ai_labs_per_1000')).toBeCloseTo(75, 6);
    expect(new Date(after.computedAt).getTime()).toBeGreaterThan(new Date(before.computedAt).getTime());
    const nightly = await t.database.db
      .select({ runAfter: jobs.runAfter })
      .from(jobs)
      .where(and(eq(jobs.name, 'insights.recompute'), eq(jobs.status, 'queued'), sql`(${jobs.payload}->>'nightly')::boolean`));
    expect(nightly).toHaveLength(1);
    expect(nightly[0].runAfter.getTime()).toBeGreaterThan(Date.now());
  });
});
