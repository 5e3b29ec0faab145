import { nanosToEpsilon } from '../../../lib/dp/epsilon.ts';
import type { privacyAgreements, privacyDatasets, privacyPolicies, privacyReleases } from './privacy.schema.ts';

/** Row → API shape. The agreement secret and raw bytes never appear here. */

export function presentPolicy(p: typeof privacyPolicies.$inferSelect, jurisdictionCode: string, regime: string, editable: boolean) {
  return {
    id: p.id,
    jurisdiction: { id: p.jurisdictionId, code: jurisdictionCode, regime },
    category: p.category,
    egress: p.egress,
    minK: p.minK,
    epsilonPerPeriod: p.epsilonPerPeriod,
    periodDays: p.periodDays,
    childMinK: p.childMinK,
    childEpsilonPerPeriod: p.childEpsilonPerPeriod,
    requiresPia: p.requiresPia,
    requiresFiling: p.requiresFiling,
    notes: p.notes,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    editable,
  };
}

export function presentDataset(d: typeof privacyDatasets.$inferSelect, jurisdictionCode?: string) {
  return {
    id: d.id,
    jurisdiction: { id: d.jurisdictionId, code: jurisdictionCode ?? null },
    kind: d.kind,
    name: d.name,
    category: d.category,
    format: d.format,
    size: d.size,
    rowCount: d.rowCount,
    columns: d.columns,
    profile: d.profile,
    containsChildren: d.containsChildren,
    releaseId: d.releaseId,
    sha256: d.blobSha256,
    createdAt: d.createdAt.toISOString(),
  };
}

export function presentRelease(
  r: typeof privacyReleases.$inferSelect,
  job?: { status: string; progress: { done: number; total: number | null; message?: string } | null } | null,
) {
  return {
    id: r.id,
    jurisdictionId: r.jurisdictionId,
    datasetId: r.datasetId,
    agreementId: r.agreementId,
    policy: r.policy,
    objective: r.objective,
    status: r.status,
    job: job ? { status: job.status, progress: job.progress } : null,
    outputDatasetId: r.outputDatasetId,
    risk: r.risk,
    utility: r.utility,
    outbound: r.outbound,
    steps: r.steps,
    error: r.error,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentAgreement(a: typeof privacyAgreements.$inferSelect, codes: Map<string, string>, viewer: { stewardOf: string[] }) {
  const now = Date.now();
  const expired = a.expiresAt.getTime() <= now;
  const effective = a.status === 'active' && expired ? 'expired' : a.status;
  const periodEnds = new Date(a.periodStart.getTime() + a.periodDays * 86_400_000);
  const inNewPeriod = periodEnds.getTime() <= now;
  const spent = inNewPeriod ? 0 : a.epsilonSpentNanos;
  return {
    id: a.id,
    title: a.title,
    owner: { id: a.jurisdictionId, code: codes.get(a.jurisdictionId) ?? null, approvedAt: a.approvedByOwnerAt?.toISOString() ?? null },
    partner: {
      id: a.partnerJurisdictionId,
      code: codes.get(a.partnerJurisdictionId) ?? null,
      approvedAt: a.approvedByPartnerAt?.toISOString() ?? null,
    },
    purpose: a.purpose,
    legalBasis: a.legalBasis,
    category: a.category,
    datasetIds: a.datasetIds,
    fields: a.fields,
    expiresAt: a.expiresAt.toISOString(),
    status: effective,
    piaRef: a.piaRef,
    filingRef: a.filingRef,
    budget: {
      epsilonTotal: nanosToEpsilon(a.epsilonTotalNanos),
      epsilonSpent: nanosToEpsilon(spent),
      epsilonRemaining: nanosToEpsilon(a.epsilonTotalNanos - spent),
      periodDays: a.periodDays,
      periodEnds: (inNewPeriod ? new Date(now + a.periodDays * 86_400_000) : periodEnds).toISOString(),
    },
    /** Whether this viewer, as a data steward of a side that has not yet approved, may approve now. */
    canApprove:
      a.status !== 'revoked' &&
      !expired &&
      ((viewer.stewardOf.includes(a.jurisdictionId) && !a.approvedByOwnerAt) ||
        (viewer.stewardOf.includes(a.partnerJurisdictionId) && !a.approvedByPartnerAt)),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
  };
}
