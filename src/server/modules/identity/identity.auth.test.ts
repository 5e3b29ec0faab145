import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionFrom, signIn, type TestApp } from '../../test/test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';

describe('signing in and out', () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof makeSchool>>;
  beforeAll(async () => {
    t = await createTestApp();
    school = await makeSchool(t.database.db, { jurisdiction: 'HK' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

  it('a teacher signs in with username and password and gets httpOnly, SameSite cookies', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const res = await login(u.username.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe(u.username);
    expect(res.json().user.memberships[0]).toMatchObject({ role: 'teacher', jurisdiction: { code: 'HK' }, school: { id: school.id } });
    const session = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((c) => c.name === 'eb_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: sessionFrom(res).headers });
    expect(me.json().username).toBe(u.username);
  });

  it('a wrong password answers 401 with a translated problem and no session', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const res = await login(u.username, 'not-the-password', { 'accept-language': 'zh-HK' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
    expect(res.json().title).toMatch(/[\u4e00-\u9fff]/);
    expect(res.cookies).toHaveLength(0);
    const unknown = await login('nobody-here', 'whatever');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('five wrong passwords lock the account, even against the right password, until an admin unlocks it', async () => {
    const u = await makeUser(t.database.db, { role: 'student', school });
    for (let i = 0; i < 5; i++) expect((await login(u.username, 'wrong-guess')).statusCode).toBe(401);
    const locked = await login(u.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    const admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
    const unlock = await t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/unlock`, headers: admin.headers });
    expect(unlock.statusCode).toBe(204);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('the session id rotates at login and the old one stops working', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const first = await signIn(t.app, u.username, TEST_PASSWORD);
    const second = sessionFrom(await login(u.username, TEST_PASSWORD, { cookie: first.cookie }));
    expect(second.cookie).not.toBe(first.cookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: first.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: second.headers })).statusCode).toBe(200);
  });

  it('a write without the CSRF token is refused and changes nothing', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school, displayName: '原名' });
    const s = await signIn(t.app, u.username, TEST_PASSWORD);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie }, payload: { displayName: '新名' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const forged = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload: { displayName: '新名' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).json().displayName).toBe('原名');
  });

  it('the UI language is kept per user and used for error titles', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const s = await signIn(t.app, u.username, TEST_PASSWORD);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { locale: 'en' } });
    expect(res.json().locale).toBe('en');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: { ...s.headers, 'accept-language': 'zh-CN' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().title).toMatch(/^[\x20-\x7e]+$/);
  });

  it('logout ends this session; logout everywhere ends every session', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const a = await signIn(t.app, u.username, TEST_PASSWORD);
    const b = await signIn(t.app, u.username, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: a.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: b.headers })).statusCode).toBe(200);
    const c = await signIn(t.app, u.username, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: c.headers })).statusCode).toBe(204);
    for (const s of [b, c]) expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('an admin password reset forces a change, and changing it ends other sessions', async () => {
    const u = await makeUser(t.database.db, { role: 'teacher', school });
    const admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
    const old = await signIn(t.app, u.username, TEST_PASSWORD);
    const { temporaryPassword } = (
      await t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, headers: admin.headers })
    ).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: old.headers })).statusCode).toBe(401);
    const s = await signIn(t.app, u.username, temporaryPassword);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers })).json().mustChangePassword).toBe(true);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'short' },
    });
    expect(weak.json().code).toBe('AUTH_WEAK_PASSWORD');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: s.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'a-much-longer-secret' },
    });
    expect(changed.statusCode).toBe(204);
    const fresh = sessionFrom({ ...changed, json: () => ({ user: { id: u.id } }) } as never);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: fresh.headers })).json().mustChangePassword).toBe(false);
    expect((await login(u.username, 'a-much-longer-secret')).statusCode).toBe(200);
  });

  it('an API client authenticates with HTTP Basic and is refused with a wrong secret', async () => {
    const admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-clients',
      headers: admin.headers,
      payload: { name: 'LRS', schoolId: school.id, scopes: ['xapi:write'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    const basic = (s: string) => ({ authorization: 'Basic ' + Buffer.from(`${key}:${s}`).toString('base64') });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions', headers: basic(secret) })).statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions', headers: basic('nope') });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Basic');
  });
});
