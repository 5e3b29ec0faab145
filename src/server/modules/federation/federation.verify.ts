import { createPublicKey, type KeyObject } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { verifyRequest } from '../../../lib/signatures/signatures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { federationNonces, federationPeers, type PeerRow, type PeerStatus, type PublicJwk } from './federation.schema.ts';

/** How old (or how far ahead, for clock skew) a signature's `created` may be. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** The raw request body of federation wire routes, kept by their content-type parser for the digest. */
export const rawBodies = new WeakMap<FastifyRequest, string>();

export function publicKeyOf(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

/**
 * Verifies a signed request and records its nonce, so the same request sent twice is refused.
 * `keyFor` names the key to trust (a peer in given states, or a key just fetched from a proposer).
 * Every failure is the same 401: a prober learns nothing about which check failed.
 */
export async function verifySigned(
  db: DbOrTx,
  request: FastifyRequest,
  keyFor: (keyId: string) => Promise<KeyObject | null>,
): Promise<string> {
  const result = await verifyRequest(
    {
      method: request.method,
      // Only path and query are covered; the host is whatever name the peer used for us.
      url: `http://node${request.url}`,
      headers: request.headers as Record<string, string>,
      body: rawBodies.get(request) ?? '',
    },
    { lookupKey: keyFor, maxAgeSeconds: SIGNATURE_WINDOW_SECONDS },
  );
  if (!result.ok) throw new AppError('FEDERATION_SIGNATURE_INVALID', { detail: result.reason });
  const stored = await db
    .insert(federationNonces)
    .values({
      keyId: result.keyId,
      nonce: result.nonce,
      expiresAt: new Date(result.created.getTime() + 2 * SIGNATURE_WINDOW_SECONDS * 1000),
    })
    .onConflictDoNothing()
    .returning({ nonce: federationNonces.nonce });
  if (!stored.length) throw new AppError('FEDERATION_SIGNATURE_INVALID', { detail: 'replayed nonce' });
  return result.keyId;
}

/** Verifies a request signed by a known peer in one of `statuses`; answers the peer. */
export async function verifyPeerRequest(db: DbOrTx, request: FastifyRequest, statuses: PeerStatus[]): Promise<PeerRow> {
  let peer: PeerRow | undefined;
  await verifySigned(db, request, async (keyId) => {
    [peer] = await db
      .select()
      .from(federationPeers)
      .where(and(eq(federationPeers.nodeId, keyId), inArray(federationPeers.status, statuses)));
    return peer ? publicKeyOf(peer.publicJwk) : null;
  });
  if (!peer) throw new AppError('FEDERATION_SIGNATURE_INVALID');
  return peer;
}

/** Drops nonces whose signatures have expired anyway (housekeeping). */
export async function purgeExpiredNonces(db: DbOrTx): Promise<void> {
  await db.delete(federationNonces).where(lt(federationNonces.expiresAt, sql`now()`));
}
