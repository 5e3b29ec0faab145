import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentDigest, contentDigestMatches, signRequest, verifyRequest } from './signatures.ts';

const alice = generateKeyPairSync('ed25519');
const mallory = generateKeyPairSync('ed25519');
const lookupKey = async (keyId: string) => (keyId === 'alice' ? alice.publicKey : null);
const url = 'https://hk.example.org/federation/v1/changes?since=abc';

async function signed(over: { body?: string; created?: Date; key?: typeof alice.privateKey; keyId?: string; method?: string } = {}) {
  const headers = await signRequest(
    { method: over.method ?? 'POST', url, body: over.body ?? '{"a":1}' },
    { privateKey: over.key ?? alice.privateKey, keyId: over.keyId ?? 'alice', nonce: randomUUID(), created: over.created },
  );
  return headers;
}

describe('RFC 9530 content digest', () => {
  it('is the base64 SHA-256 of the body in a structured byte sequence', () => {
    expect(contentDigest('')).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
    expect(contentDigestMatches(contentDigest('hello'), 'hello')).toBe(true);
    expect(contentDigestMatches(contentDigest('hello'), 'hellO')).toBe(false);
    expect(contentDigestMatches(undefined, '')).toBe(false);
  });
});

describe('RFC 9421 signatures with Ed25519', () => {
  it('signs method, path, query, date and digest, and a verifier accepts it with the nonce and key id', async () => {
    const headers = await signed();
    expect(headers['signature-input']).toMatch(/^eb=\("@method" "@path" "@query" "date" "content-digest"\);/);
    expect(headers['signature-input']).toContain('alg="ed25519"');
    const result = await verifyRequest({ method: 'POST', url, headers, body: '{"a":1}' }, { lookupKey, maxAgeSeconds: 300 });
    expect(result).toMatchObject({ ok: true, keyId: 'alice' });
    expect(result.ok && result.nonce).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a changed body, method, path or query', async () => {
    const headers = await signed();
    const opts = { lookupKey, maxAgeSeconds: 300 };
    expect(await verifyRequest({ method: 'POST', url, headers, body: '{"a":2}' }, opts)).toEqual({ ok: false, reason: 'digest' });
    expect(await verifyRequest({ method: 'PUT', url, headers, body: '{"a":1}' }, opts)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyRequest({ method: 'POST', url: url.replace('abc', 'abd'), headers, body: '{"a":1}' }, opts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyRequest({ method: 'POST', url: url.replace('/v1/', '/v2/'), headers, body: '{"a":1}' }, opts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a signature by another key under a known key id, and an unknown key id', async () => {
    const forged = await signed({ key: mallory.privateKey });
    expect(await verifyRequest({ method: 'POST', url, headers: forged, body: '{"a":1}' }, { lookupKey, maxAgeSeconds: 300 })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const unknown = await signed({ key: mallory.privateKey, keyId: 'mallory' });
    expect(await verifyRequest({ method: 'POST', url, headers: unknown, body: '{"a":1}' }, { lookupKey, maxAgeSeconds: 300 })).toEqual({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('refuses a signature created outside the window, and an unsigned request', async () => {
    const old = await signed({ created: new Date(Date.now() - 10 * 60_000) });
    expect(await verifyRequest({ method: 'POST', url, headers: old, body: '{"a":1}' }, { lookupKey, maxAgeSeconds: 300 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verifyRequest({ method: 'GET', url, headers: {} }, { lookupKey, maxAgeSeconds: 300 })).toEqual({
      ok: false,
      reason: 'unsigned',
    });
  });
});
