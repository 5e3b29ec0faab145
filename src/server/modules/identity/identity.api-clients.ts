import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { requireRole, type Actor } from './identity.access.ts';
import { hashPassword, verifyPassword } from './identity.passwords.ts';
import { identityPolicy } from './identity.policy.ts';
import { apiClients } from './identity.schema.ts';

/**
 * Integrations (an LRS client, a school information system) authenticate with HTTP Basic key:secret. The
 * secret is stored as argon2id; a verified secret is remembered for a minute by its SHA-256 so a client
 * posting statement batches does not pay argon2 on every request.
 */
const verified = new Map<string, { digest: Buffer; until: number }>();
const CACHE_MS = 60_000;

export interface ApiClientActor extends Actor {
  kind: 'api_client';
  clientId: string;
  schoolId: string | null;
  jurisdictionId: string;
  scopes: string[];
}

export async function authenticateApiClient(db: DbOrTx, key: string, secret: string): Promise<ApiClientActor | null> {
  const [client] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.key, key), isNull(apiClients.revokedAt)))
    .limit(1);
  if (!client) return null;
  const digest = createHash('sha256').update(secret).digest();
  const cached = verified.get(client.id);
  const ok =
    cached && cached.until > Date.now() && timingSafeEqual(cached.digest, digest) ? true : await verifyPassword(client.secretHash, secret);
  if (!ok) return null;
  verified.set(client.id, { digest, until: Date.now() + CACHE_MS });
  return {
    kind: 'api_client',
    id: null,
    clientId: client.id,
    username: `client:${client.key}`,
    // A school-scoped client acts like a member of its school, for reading what the school may read.
    memberships: [],
    schoolId: client.schoolId,
    jurisdictionId: client.jurisdictionId,
    scopes: client.scopes,
  };
}

export async function createApiClient(
  ctx: { db: Db; actor: Actor },
  input: { name: string; schoolId: string; scopes: string[]; key?: string; secret?: string },
) {
  requireRole(ctx.actor, identityPolicy.manageApiClients);
  const school = await getSchoolInScope(ctx.db, ctx.actor, identityPolicy.manageApiClients, input.schoolId);
  const key = input.key ?? `eb_${randomBytes(9).toString('base64url')}`;
  const secret = input.secret ?? randomBytes(24).toString('base64url');
  const secretHash = await hashPassword(secret);
  const client = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(apiClients)
      .values({
        key,
        secretHash,
        name: input.name,
        jurisdictionId: school.jurisdictionId,
        schoolId: school.id,
        scopes: input.scopes,
        createdBy: ctx.actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: apiClients.id });
    if (!inserted.length) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx.actor, {
      action: 'api_client.create',
      targetType: 'api_client',
      targetId: inserted[0].id,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { name: input.name, key, scopes: input.scopes },
    });
    return inserted[0];
  });
  return { id: client.id, key, secret };
}
