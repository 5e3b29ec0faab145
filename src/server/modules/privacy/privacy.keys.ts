import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keys of the privacy module. Every sharing agreement has its own 32-byte HMAC secret for keyed pseudonyms
 * (lib/deid/pseudonymise.ts): stable within the agreement, unlinkable across agreements. The secret is
 * stored sealed with AES-256-GCM under a key derived by HKDF-SHA-256 (RFC 5869) from the node's session
 * secret, with the agreement id as additional data (a ciphertext moved to another row does not open).
 *
 * The derived key is held here because background jobs run outside a request: `privacyRoutes` calls
 * `configurePrivacyKeys(config.sessionSecret)` when the app is built, before the job runner starts.
 * Nothing in this file logs or returns a secret to a client.
 */
let master: Buffer | null = null;

const SALT = 'edubridge/privacy';

/** @example configurePrivacyKeys(config.sessionSecret) */
export function configurePrivacyKeys(sessionSecret: string): void {
  master = Buffer.from(hkdfSync('sha256', sessionSecret, SALT, 'agreement-secrets/v1', 32));
}

/** False in processes that never built the app (e.g. `edubridge seed`): agreement secrets cannot be sealed there. */
export function privacyKeysConfigured(): boolean {
  return master !== null;
}

function masterKey(): Buffer {
  if (!master) throw new Error('privacy keys are not configured (configurePrivacyKeys was not called)');
  return master;
}

/** A fresh pseudonym secret for a new agreement. */
export function newAgreementSecret(): Buffer {
  return randomBytes(32);
}

/** Seals an agreement secret for storage: base64url(iv ‖ ciphertext ‖ tag), bound to the agreement id. */
export function sealAgreementSecret(agreementId: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey(), iv);
  cipher.setAAD(Buffer.from(`agreement:${agreementId}`));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Opens a sealed secret; throws when the node's secret changed or the value was moved or altered. */
export function openAgreementSecret(agreementId: string, sealed: string): Buffer {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', masterKey(), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`agreement:${agreementId}`));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
}

/**
 * The pseudonym key of a release made without an agreement (a steward's internal trial): derived from the
 * release id, so a resumed job gives the same output, and unlinkable to any other release.
 */
export function releaseOnlyKey(releaseId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey(), SALT, `release/${releaseId}`, 32));
}
