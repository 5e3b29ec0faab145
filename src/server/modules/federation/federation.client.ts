import { randomUUID } from 'node:crypto';
import { signRequest } from '../../../lib/signatures/signatures.ts';
import { AppError } from '../../http/app-error.ts';
import type { NodeKey } from '../../node-identity.ts';
import { WELL_KNOWN_PATH, ZNodeDescription, type NodeDescription } from './federation.node.ts';

const TIMEOUT_MS = 15_000;

/** A request to another node, signed with this node's key (RFC 9421). */
export async function signedFetch(key: NodeKey, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Response> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = await signRequest(
    { method, url, body: text, headers: body === undefined ? {} : { 'content-type': 'application/json' } },
    { privateKey: key.privateKey, keyId: key.keyId, nonce: randomUUID() },
  );
  return fetch(url, {
    method,
    headers,
    body: method === 'POST' ? text : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: 'error',
  });
}

/** A peer's base URL as entered by an admin: scheme and host (and port, path prefix), no trailing slash. */
export function normaliseBaseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError('FEDERATION_PEER_INVALID');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new AppError('FEDERATION_PEER_INVALID');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** Fetches and validates a node's `/.well-known/edubridge`. */
export async function fetchNodeDescription(baseUrl: string): Promise<NodeDescription> {
  let res: Response;
  try {
    res = await fetch(`${normaliseBaseUrl(baseUrl)}${WELL_KNOWN_PATH}`, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    throw new AppError('FEDERATION_PEER_UNREACHABLE', { cause: err });
  }
  if (!res.ok) throw new AppError('FEDERATION_PEER_UNREACHABLE', { detail: `well-known answered ${res.status}` });
  const parsed = ZNodeDescription.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AppError('FEDERATION_PEER_INVALID');
  return parsed.data;
}

/** Throws FEDERATION_PEER_UNREACHABLE with the peer's status when a signed call was refused. */
export async function expectOk(res: Response, what: string): Promise<void> {
  if (res.ok) return;
  const text = await res.text().catch(() => '');
  throw new AppError('FEDERATION_PEER_UNREACHABLE', { detail: `${what}: ${res.status} ${text.slice(0, 200)}` });
}
