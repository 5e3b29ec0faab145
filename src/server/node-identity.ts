import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The node's Ed25519 identity (DESIGN.md §3): generated once into the data dir and kept, so what the node
 * signed (training certificates today, federation requests later) stays verifiable across restarts.
 * The private key never leaves this process; the public key is published as a JWK.
 */
export interface NodeKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public key as a JWK (`kty: OKP, crv: Ed25519`), with `kid` set. */
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string };
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key: a stable key id. */
  keyId: string;
}

export const NODE_KEY_FILE = 'node-ed25519.pem';

const cache = new Map<string, NodeKey>();

/**
 * Loads the node key from `<dataDir>/node-ed25519.pem`, creating it (mode 0600) on first call.
 *
 * @example const key = loadOrCreateNodeKey(config.dataDir); // key.publicJwk for verifiers
 */
export function loadOrCreateNodeKey(dataDir: string): NodeKey {
  const file = path.join(path.resolve(dataDir), NODE_KEY_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 key`);
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    // `wx`: two processes starting at once never overwrite each other's key; the loser re-reads.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    }
  }
  const publicKey = createPublicKey(privateKey);
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  // RFC 7638: members in lexicographic order, no whitespace.
  const keyId = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
  const key: NodeKey = { privateKey, publicKey, publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid: keyId }, keyId };
  cache.set(file, key);
  return key;
}
