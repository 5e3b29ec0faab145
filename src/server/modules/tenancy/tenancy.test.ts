import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';

describe('the jurisdiction tree', () => {
  let t: TestApp;
  let bureau: Session;
  let hkBureau: Session;
  let district: Awaited<ReturnType<typeof makeUnit>>;
  beforeAll(async () => {
    t = await createTestApp();
    const city = await makeUnit(t.database.db, { jurisdiction: 'GD', level: 'city' });
    district = await makeUnit(t.database.db, { jurisdiction: 'GD', parentId: city.id });
    bureau = await signIn(t.app, (await makeUser(t.database.db, { role: 'bureau_admin', unit: city })).username, TEST_PASSWORD);
    hkBureau = await signIn(t.app, (await makeUser(t.database.db, { role: 'bureau_admin', jurisdiction: 'HK' })).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const newSchool = {
    code: 'gd-new-school',
    names: { 'zh-Hans': '南沙新学校', 'zh-Hant': '南沙新學校', en: 'Nansha New School' },
    stage: 'primary',
    languages: ['zh-Hans'],
  };

  it('lists the four seeded jurisdictions with names in three languages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions', headers: bureau.headers });
    expect(res.json().items.map((j: { code: string }) => j.code)).toEqual(['GD', 'HB', 'HK', 'MO']);
    expect(res.json().items[2].names).toEqual({ 'zh-Hans': '香港', 'zh-Hant': '香港', en: 'Hong Kong' });
  });

  it('a city bureau creates a school in its district; a Hong Kong bureau cannot', async () => {
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schools',
      headers: hkBureau.headers,
      payload: { ...newSchool, authorityUnitId: district.id },
    });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schools',
      headers: bureau.headers,
      payload: { ...newSchool, authorityUnitId: district.id },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'gd-new-school', jurisdiction: { code: 'GD' }, version: 1 });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schools',
      headers: bureau.headers,
      payload: { ...newSchool, authorityUnitId: district.id },
    });
    expect(again.json().code).toBe('SCHOOL_CODE_TAKEN');
  });

  it('an edit needs If-Match and a stale version gets 412', async () => {
    const school = await makeSchool(t.database.db, { jurisdiction: 'GD', unitId: district.id });
    const url = `/api/v1/schools/${school.id}`;
    const payload = { stage: 'through-train' };
    expect((await t.app.inject({ method: 'PATCH', url, headers: bureau.headers, payload })).statusCode).toBe(428);
    const ok = await t.app.inject({ method: 'PATCH', url, headers: { ...bureau.headers, 'if-match': '"1"' }, payload });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ stage: 'through-train', version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...bureau.headers, 'if-match': '"1"' },
      payload: { stage: 'primary' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('bad input gets a field-level problem and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/schools',
      headers: bureau.headers,
      payload: { ...newSchool, code: 'Bad Code!', authorityUnitId: district.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors[0].path).toBe('body.code');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/schools?q=Bad', headers: bureau.headers });
    expect(list.json().items).toEqual([]);
  });

  it('the school directory pages with a cursor and never more than 200 a page', async () => {
    for (let i = 0; i < 3; i++) await makeSchool(t.database.db, { jurisdiction: 'MO' });
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/schools?limit=2', headers: bureau.headers });
    expect(first.json().items).toHaveLength(2);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/schools?limit=2&cursor=${first.json().nextCursor}`,
      headers: bureau.headers,
    });
    expect(second.json().items[0].code > first.json().items[1].code).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schools?limit=500', headers: bureau.headers })).statusCode).toBe(400);
  });
});
