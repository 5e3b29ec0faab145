import { and, eq, isNull, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { ApiClientActor } from '../identity/identity.api-clients.ts';

/**
 * Who may use the learning record store. Only API clients (HTTP Basic) speak xAPI; a client reads and
 * writes the records of its own school (or, for a client held by a jurisdiction without a school, the
 * records its jurisdiction stored without a school) — never another school's, never across jurisdictions.
 * Signed-in staff will read through the growth module, not here.
 */
export const recordsPolicy = {
  read: 'xapi:read',
  write: 'xapi:write',
} as const;

export type XapiScope = (typeof recordsPolicy)[keyof typeof recordsPolicy];

/** The store a client works in: rows carry these two ids, and every query filters on them. */
export interface LrsTenant {
  jurisdictionId: string;
  schoolId: string | null;
  clientId: string;
  /** `client:<key>`, for the authority Agent. */
  username: string;
}

function isApiClient(actor: Actor): actor is ApiClientActor {
  return actor.kind === 'api_client';
}

/**
 * The caller's store, when it is an API client holding `scope`; 403 otherwise.
 * @example const tenant = requireLrsScope(actor, recordsPolicy.write);
 */
export function requireLrsScope(actor: Actor, scope: XapiScope): LrsTenant {
  if (!isApiClient(actor))
    throw new AppError('XAPI_SCOPE_MISSING', { detail: 'the xAPI endpoint takes API client credentials (HTTP Basic)' });
  if (!actor.scopes.includes(scope)) throw new AppError('XAPI_SCOPE_MISSING', { detail: `this client lacks the ${scope} scope` });
  return { jurisdictionId: actor.jurisdictionId, schoolId: actor.schoolId, clientId: actor.clientId, username: actor.username };
}

/**
 * WHERE condition for rows of the caller's store (statements, documents, activities).
 * @example db.select().from(xapiStatements).where(and(inTenant(xapiStatements, tenant), …))
 */
export function inTenant(table: { jurisdictionId: AnyColumn; schoolId: AnyColumn }, tenant: LrsTenant): SQL {
  return and(
    eq(table.jurisdictionId, tenant.jurisdictionId),
    tenant.schoolId ? eq(table.schoolId, tenant.schoolId) : isNull(table.schoolId),
  )!;
}
