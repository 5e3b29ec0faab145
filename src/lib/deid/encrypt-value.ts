/**
 * Reversible encryption of single values with AES-256-GCM (node:crypto). The data steward holds the key;
 * a recipient sees only the token. Each value gets a fresh 96-bit IV, and the entity type is bound as
 * additional authenticated data, so a PHONE token cannot be passed off as a PERSON one.
 * Token format: `⟦ENC:<type>:<base64url(iv ‖ ciphertext ‖ tag)>⟧`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const TOKEN = /⟦ENC:([A-Z0-9_]+):([A-Za-z0-9_-]+)⟧/g;

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
}

/** @example const token = encryptValue('PHONE', '+852 9123 4567', key) */
export function encryptValue(type: string, value: string, key: Uint8Array): string {
  checkKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(type));
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  const payload = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return `⟦ENC:${type}:${payload}⟧`;
}

/** Decrypts one token; throws if the key is wrong or the token was altered. */
export function decryptValue(token: string, key: Uint8Array): string {
  checkKey(key);
  TOKEN.lastIndex = 0;
  const m = TOKEN.exec(token);
  if (!m || m[0].length !== token.length) throw new SyntaxError('not an encryption token');
  const raw = Buffer.from(m[2], 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(m[1]));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** Replaces every token in `text` by its plaintext (the steward's re-identification path). */
export function decryptTokens(text: string, key: Uint8Array): string {
  return text.replace(TOKEN, (token) => decryptValue(token, key));
}
