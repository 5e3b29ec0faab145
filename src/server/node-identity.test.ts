import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateNodeKey, NODE_KEY_FILE } from './node-identity.ts';

describe('node identity', () => {
  it('creates an Ed25519 key once in the data dir (owner-only) and loads the same key afterwards', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'edubridge-node-key-'));
    const first = loadOrCreateNodeKey(dir);
    const file = path.join(dir, NODE_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pem = readFileSync(file, 'utf8');
    const again = loadOrCreateNodeKey(dir);
    expect(again.keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8')).toBe(pem);
    expect(first.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: first.keyId });
    const msg = Buffer.from('federation later');
    expect(verify(null, msg, again.publicKey, sign(null, msg, first.privateKey))).toBe(true);
  });

  it('another data dir gets another key', () => {
    const a = loadOrCreateNodeKey(mkdtempSync(path.join(tmpdir(), 'edubridge-node-key-')));
    const b = loadOrCreateNodeKey(mkdtempSync(path.join(tmpdir(), 'edubridge-node-key-')));
    expect(a.keyId).not.toBe(b.keyId);
  });
});
