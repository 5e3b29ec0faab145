import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeClass, makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';

/**
 * Personal data stays inside its school and jurisdiction (DESIGN.md §2): every roster and user route is
 * called by people of another school and another jurisdiction, and must deny.
 */
describe('who may see rosters and people', () => {
  let t: TestApp;
  let gdSchool: Awaited<ReturnType<typeof makeSchool>>;
  let gdOtherSchool: Awaited<ReturnType<typeof makeSchool>>;
  let gdClassId: string;
  let gdStudentId: string;
  let gdTeacher: Session;
  let gdOtherTeacher: Session;
  let gdStudent: Session;
  let gdAdmin: Session;
  let hkAdmin: Session;
  let hkBureau: Session;
  let gdBureau: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const gdCity = await makeUnit(t.database.db, { jurisdiction: 'GD', level: 'city' });
    const gdDistrict = await makeUnit(db, { jurisdiction: 'GD', parentId: gdCity.id });
    gdSchool = await makeSchool(db, { jurisdiction: 'GD', unitId: gdDistrict.id });
    gdOtherSchool = await makeSchool(db, { jurisdiction: 'GD' });
    const hkSchool = await makeSchool(db, { jurisdiction: 'HK' });
    const cls = await makeClass(db, gdSchool);
    gdClassId = cls.id;
    const student = await makeUser(db, { role: 'student', school: gdSchool, classId: cls.id });
    gdStudentId = student.id;
    await makeUser(db, { role: 'student', school: gdSchool, classId: cls.id });
    const users = {
      gdTeacher: await makeUser(db, { role: 'teacher', school: gdSchool }),
      gdOtherTeacher: await makeUser(db, { role: 'teacher', school: gdOtherSchool }),
      gdAdmin: await makeUser(db, { role: 'school_admin', school: gdSchool }),
      hkAdmin: await makeUser(db, { role: 'school_admin', school: hkSchool }),
      hkBureau: await makeUser(db, { role: 'bureau_admin', jurisdiction: 'HK' }),
      gdBureau: await makeUser(db, { role: 'bureau_admin', unit: gdCity }),
    };
    gdTeacher = await signIn(t.app, users.gdTeacher.username, TEST_PASSWORD);
    gdOtherTeacher = await signIn(t.app, users.gdOtherTeacher.username, TEST_PASSWORD);
    gdStudent = await signIn(t.app, student.username, TEST_PASSWORD);
    gdAdmin = await signIn(t.app, users.gdAdmin.username, TEST_PASSWORD);
    hkAdmin = await signIn(t.app, users.hkAdmin.username, TEST_PASSWORD);
    hkBureau = await signIn(t.app, users.hkBureau.username, TEST_PASSWORD);
    gdBureau = await signIn(t.app, users.gdBureau.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

  /** Every route that reads a GD school's people or roster, as a function of that school. */
  const rosterReads = () => [
    `/api/v1/schools/${gdSchool.id}/roster`,
    `/api/v1/schools/${gdSchool.id}/classes`,
    `/api/v1/users/${gdStudentId}`,
    `/api/v1/roster-imports?schoolId=${gdSchool.id}`,
  ];

  it('a teacher of the school reads its roster and classes', async () => {
    const roster = await get(gdTeacher, `/api/v1/schools/${gdSchool.id}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().classes[0].students).toHaveLength(2);
    const list = await get(gdTeacher, `/api/v1/users?classId=${gdClassId}`);
    expect(list.json().items).toHaveLength(2);
  });

  it("a teacher of one school cannot read another school's rosters", async () => {
    for (const url of rosterReads()) {
      const res = await get(gdOtherTeacher, url);
      expect([403, 404], `${url} answered ${res.statusCode}`).toContain(res.statusCode);
    }
    const list = await get(gdOtherTeacher, `/api/v1/users?schoolId=${gdSchool.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('a Hong Kong admin cannot list Guangdong students, on every roster and user route', async () => {
    for (const s of [hkAdmin, hkBureau]) {
      for (const url of rosterReads()) {
        const res = await get(s, url);
        expect([403, 404], `${url} answered ${res.statusCode}`).toContain(res.statusCode);
      }
      for (const url of [
        `/api/v1/users?schoolId=${gdSchool.id}`,
        `/api/v1/users?classId=${gdClassId}`,
        `/api/v1/users?role=student`,
        '/api/v1/users?limit=200',
      ]) {
        const res = await get(s, url);
        expect(res.statusCode).toBe(200);
        const ids = (res.json().items as { id: string }[]).map((u) => u.id);
        expect(ids, url).not.toContain(gdStudentId);
      }
      const writes = [
        { method: 'POST' as const, url: `/api/v1/users/${gdStudentId}/reset-password` },
        { method: 'POST' as const, url: `/api/v1/users/${gdStudentId}/unlock` },
        {
          method: 'POST' as const,
          url: `/api/v1/schools/${gdSchool.id}/classes`,
          payload: { code: 'X', name: 'X', grade: 7, schoolYear: '2026-2027' },
        },
      ];
      for (const w of writes) {
        const res = await t.app.inject({ ...w, headers: s.headers });
        expect([403, 404], `${w.url} answered ${res.statusCode}`).toContain(res.statusCode);
      }
    }
  });

  it('a Hong Kong admin cannot import a roster into a Guangdong school', async () => {
    const form = new FormData();
    form.append('file', new Blob(['姓名,学号,班级,角色\n测试甲,X001,初一(1)班,学生\n']), 'roster.csv');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/schools/${gdSchool.id}/roster-imports`,
      headers: hkAdmin.headers,
      payload: form,
    });
    expect(res.statusCode).toBe(404);
  });

  it('a student sees no roster, not even their own class', async () => {
    for (const url of rosterReads()) {
      const res = await get(gdStudent, url);
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await get(gdStudent, '/api/v1/users')).statusCode).toBe(403);
  });

  it('a bureau admin reads the schools under their city, and no other', async () => {
    expect((await get(gdBureau, `/api/v1/schools/${gdSchool.id}/roster`)).statusCode).toBe(200);
    expect((await get(gdBureau, `/api/v1/schools/${gdOtherSchool.id}/roster`)).statusCode).toBe(404);
  });

  it('a school admin resets a password of their own school only', async () => {
    const own = await t.app.inject({ method: 'POST', url: `/api/v1/users/${gdStudentId}/reset-password`, headers: gdAdmin.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const audit = await get(gdAdmin, `/api/v1/audit?action=user.password_reset`);
    expect(audit.json().items[0].targetId).toBe(gdStudentId);
    expect(JSON.stringify(audit.json())).not.toContain(own.json().temporaryPassword);
  });

  it('a school admin cannot grant an area role or a role in another school', async () => {
    const body = (extra: object) => ({
      username: `x-${Math.random().toString(36).slice(2, 8)}`,
      displayName: '新同事',
      jurisdictionId: gdSchool.jurisdictionId,
      ...extra,
    });
    const bureau = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: gdAdmin.headers,
      payload: body({ role: 'bureau_admin' }),
    });
    expect(bureau.statusCode).toBe(403);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: gdAdmin.headers,
      payload: body({ role: 'teacher', schoolId: gdOtherSchool.id }),
    });
    expect(other.statusCode).toBe(404);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: gdAdmin.headers,
      payload: body({ role: 'teacher', schoolId: gdSchool.id }),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().initialPassword).toHaveLength(12);
  });
});
