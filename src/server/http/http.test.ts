import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

describe('the HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('serves Prometheus metrics that count requests by route pattern', async () => {
    await t.app.inject('/api/v1/users/00000000-0000-7000-8000-000000000000');
    const text = (await t.app.inject('/metrics')).body;
    expect(text).toContain('edubridge_http_requests_total');
    expect(text).toContain('route="/api/v1/users/:id"');
    expect(text).not.toContain('00000000-0000-7000');
  });

  it('publishes OpenAPI 3.1 with every API route and a docs page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/schools/{id}/roster-imports', '/api/v1/audit'])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeTruthy();
    expect((await t.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('sends a strict CSP and the usual security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Not behind TLS in tests: no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers unknown routes and malformed bodies as translated problem+json with a request id', async () => {
    const missing = await t.app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'zh-CN' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    expect(missing.json().requestId).toBe(missing.headers['x-request-id']);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('MALFORMED_REQUEST');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } });
    expect(kept.headers['x-request-id']).toBe('trace-12345678');
    const replaced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });
});
