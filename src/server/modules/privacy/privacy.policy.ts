import { inArray, or, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import { placesFor, rowsInScope, type Actor } from '../identity/identity.access.ts';
import { privacyAgreements, privacyDatasets } from './privacy.schema.ts';

/**
 * Who may do what in the privacy module. Raw datasets are personal data of one jurisdiction: only its own
 * stewards and bureau admins reach them (a platform operator does not). Agreements are seen by the
 * parties only; approving one is the data steward's act, on each side.
 */
export const privacyPolicy = {
  /** Edit the de-identification policy of one's jurisdiction. */
  editPolicy: ['data_steward'] as readonly Role[],
  readPolicies: ['data_steward', 'bureau_admin', 'platform_admin', 'researcher'] as readonly Role[],
  /** Upload, profile, preview raw rows, run de-identification. */
  manageDatasets: ['data_steward', 'bureau_admin'] as readonly Role[],
  /** 验证审批: approve a release for sharing. */
  approveRelease: ['data_steward'] as readonly Role[],
  /** Create, approve and revoke sharing agreements. */
  manageAgreements: ['data_steward'] as readonly Role[],
  /** See an agreement, download its outputs, run DP queries — when one's jurisdiction is a party. */
  party: ['data_steward', 'bureau_admin', 'researcher'] as readonly Role[],
};

/** Jurisdictions where the actor holds one of `roles` (at any place inside them). */
export function jurisdictionsOf(actor: Actor, roles: readonly Role[]): string[] {
  return [...new Set(placesFor(actor, roles).map((p) => p.jurisdictionId))];
}

/** WHERE condition: raw or output datasets the actor may handle inside its own jurisdiction. */
export function datasetsInScope(actor: Actor): SQL {
  return rowsInScope(actor, privacyPolicy.manageDatasets, {
    schoolId: privacyDatasets.schoolId,
    jurisdictionId: privacyDatasets.jurisdictionId,
  });
}

/** WHERE condition: agreements one of whose parties is a jurisdiction where the actor holds `roles`. */
export function agreementsInScope(actor: Actor, roles: readonly Role[] = privacyPolicy.party): SQL | undefined {
  const js = jurisdictionsOf(actor, roles);
  if (!js.length) return undefined;
  return or(inArray(privacyAgreements.jurisdictionId, js), inArray(privacyAgreements.partnerJurisdictionId, js));
}
