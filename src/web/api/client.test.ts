import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client.ts';

describe('the API client', () => {
  const calls: { url: string; init: RequestInit }[] = [];
  let answer: Response;

  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('document', { cookie: 'other=1; eb_csrf=token%2Fwith-slash' });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF cookie back as X-CSRF-Token on writes, with the session cookie', async () => {
    answer = new Response(null, { status: 204 });
    await api('/api/v1/users/1/unlock', { method: 'POST' });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('token/with-slash');
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('does not send the CSRF token on reads, and leaves empty query values out', async () => {
    answer = Response.json({ items: [], nextCursor: null });
    await api('/api/v1/users', { query: { schoolId: 's1', q: '', classId: undefined, limit: 50 } });
    expect(calls[0].url).toBe('/api/v1/users?schoolId=s1&limit=50');
    expect((calls[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError carrying its stable code', async () => {
    answer = new Response(JSON.stringify({ status: 423, code: 'AUTH_ACCOUNT_LOCKED', title: 'locked', requestId: 'r1' }), {
      status: 423,
      headers: { 'content-type': 'application/problem+json' },
    });
    const error = await api('/api/v1/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_ACCOUNT_LOCKED');
    expect((error as ApiError).problem?.requestId).toBe('r1');
  });

  it('guesses the code from the status when the body is not a problem (a proxy page)', async () => {
    answer = new Response('<html>Too Many Requests</html>', { status: 429 });
    const error = (await api('/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('reports an unreachable server as NETWORK', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await api('/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK');
  });
});
