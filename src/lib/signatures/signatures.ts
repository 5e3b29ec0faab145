import { createHash, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';

/**
 * RFC 9421 HTTP Message Signatures with Ed25519, as EduBridge nodes use them between each other.
 * The signature base is built by `http-message-signatures`; this file only fixes which components a
 * node signs and what a verifier insists on, so both ends agree without configuration.
 *
 * Covered: `@method`, `@path`, `@query` (the feed cursor must not be swappable), `date` and
 * `content-digest` (RFC 9530, SHA-256 of the body, also for an empty body). Parameters: `created`,
 * `keyid`, `alg`, `nonce`.
 */
export const SIGNED_COMPONENTS = ['@method', '@path', '@query', 'date', 'content-digest'] as const;
export const SIGNATURE_LABEL = 'eb';

export interface MessageToSign {
  method: string;
  /** Absolute URL: `@path` and `@query` are taken from it. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface SigningIdentity {
  privateKey: KeyObject;
  keyId: string;
}

/** RFC 9530 `Content-Digest` of a body: `sha-256=:<base64>:`. */
export function contentDigest(body: string | Uint8Array = ''): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** True when `header` carries a sha-256 member equal to the body's digest (other algorithms are ignored). */
export function contentDigestMatches(header: string | undefined, body: string | Uint8Array = ''): boolean {
  if (!header) return false;
  const want = Buffer.from(contentDigest(body));
  return header
    .split(',')
    .map((m) => m.trim())
    .some((m) => {
      const got = Buffer.from(m);
      return got.length === want.length && timingSafeEqual(got, want);
    });
}

/**
 * Signs a request and answers the headers to send: the given ones plus `date`, `content-digest`,
 * `signature-input` and `signature`.
 *
 * @example const headers = await signRequest({ method: 'GET', url: `${peer}/federation/v1/changes?since=0` }, { privateKey, keyId, nonce: randomUUID() })
 */
export async function signRequest(
  msg: MessageToSign,
  id: SigningIdentity & { nonce: string; created?: Date },
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {
    ...lowerKeys(msg.headers ?? {}),
    date: (id.created ?? new Date()).toUTCString(),
    'content-digest': contentDigest(msg.body),
  };
  const signed = await httpbis.signMessage(
    {
      key: createSigner(id.privateKey, 'ed25519', id.keyId),
      name: SIGNATURE_LABEL,
      fields: [...SIGNED_COMPONENTS],
      params: ['created', 'keyid', 'alg', 'nonce'],
      paramValues: { created: id.created ?? new Date(), nonce: id.nonce },
    },
    { method: msg.method.toUpperCase(), url: msg.url, headers },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
}

export interface VerifyOptions {
  /** The public key for a key id, or null when unknown (or revoked). */
  lookupKey: (keyId: string) => Promise<KeyObject | null>;
  /** How old `created` may be, and how far in the future (clock skew), in seconds. */
  maxAgeSeconds: number;
}

export type VerifyResult =
  | { ok: true; keyId: string; nonce: string; created: Date }
  | { ok: false; reason: 'unsigned' | 'digest' | 'unknown-key' | 'expired' | 'no-nonce' | 'bad-signature' };

/**
 * Verifies a request signed by {@link signRequest}: the body digest, every required component covered,
 * `created` within the window, a nonce present and the Ed25519 signature valid under the looked-up key.
 * Replay (a nonce seen before) is the caller's check: it owns the store of seen nonces.
 */
export async function verifyRequest(
  msg: Required<Pick<MessageToSign, 'method' | 'url'>> & MessageToSign,
  opts: VerifyOptions,
): Promise<VerifyResult> {
  const headers = lowerKeys(msg.headers ?? {});
  if (!headers.signature || !headers['signature-input']) return { ok: false, reason: 'unsigned' };
  if (!contentDigestMatches(headers['content-digest'], msg.body)) return { ok: false, reason: 'digest' };
  const now = new Date();
  let seen: { keyId: string; nonce: string; created: Date } | null = null;
  let keyMissing = false;
  let stale = false;
  let valid: boolean | null;
  try {
    valid = await httpbis.verifyMessage(
      {
        keyLookup: async (params) => {
          const keyId = typeof params.keyid === 'string' ? params.keyid : '';
          const created = params.created instanceof Date ? params.created : null;
          const nonce = typeof params.nonce === 'string' ? params.nonce : '';
          if (!created || Math.abs(now.getTime() - created.getTime()) > opts.maxAgeSeconds * 1000) {
            stale = true;
            return null;
          }
          const key = keyId ? await opts.lookupKey(keyId) : null;
          if (!key) {
            keyMissing = true;
            return null;
          }
          seen = { keyId, nonce, created };
          return { id: keyId, algs: ['ed25519'], verify: createVerifier(key, 'ed25519') };
        },
        requiredFields: [...SIGNED_COMPONENTS],
        requiredParams: ['created', 'keyid', 'nonce'],
        notAfter: Math.floor(now.getTime() / 1000) + opts.maxAgeSeconds,
        maxAge: opts.maxAgeSeconds,
      },
      { method: msg.method.toUpperCase(), url: msg.url, headers },
    );
  } catch {
    valid = false;
  }
  if (stale) return { ok: false, reason: 'expired' };
  if (keyMissing) return { ok: false, reason: 'unknown-key' };
  if (!valid || !seen) return { ok: false, reason: 'bad-signature' };
  const s = seen as { keyId: string; nonce: string; created: Date };
  if (!s.nonce) return { ok: false, reason: 'no-nonce' };
  return { ok: true, ...s };
}

function lowerKeys(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
