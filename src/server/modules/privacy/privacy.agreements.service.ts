import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { epsilonToNanos } from '../../../lib/dp/epsilon.ts';
import type { TCreateAgreementBody } from '../../../shared/api/privacy.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { datasetInScope } from './privacy.datasets.service.ts';
import { newAgreementSecret, openAgreementSecret, sealAgreementSecret } from './privacy.keys.ts';
import { effectivePolicy } from './privacy.policies.service.ts';
import { agreementsInScope, jurisdictionsOf, privacyPolicy } from './privacy.policy.ts';
import { presentAgreement } from './privacy.present.ts';
import { privacyAgreements, privacyDatasets, privacyReleases } from './privacy.schema.ts';

type Ctx = { db: Db; actor: Actor };
export type AgreementRow = typeof privacyAgreements.$inferSelect;

async function jurisdictionCodes(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ id: jurisdictions.id, code: jurisdictions.code }).from(jurisdictions);
  return new Map(rows.map((r) => [r.id, r.code]));
}

function present(ctx: Ctx, row: AgreementRow, codes: Map<string, string>) {
  return presentAgreement(row, codes, { stewardOf: jurisdictionsOf(ctx.actor, privacyPolicy.manageAgreements) });
}

/** Active: approved by the stewards of both sides, not revoked, not expired. */
export function isAgreementActive(a: AgreementRow, now = new Date()): boolean {
  return a.status === 'active' && a.expiresAt.getTime() > now.getTime();
}

/**
 * A data steward proposes an agreement between their jurisdiction (the side whose datasets it covers) and
 * a partner. The pseudonym secret is made here, sealed, and never shown. The ε budget is the policy's
 * (under-14 value when a covered dataset holds children), or less if asked.
 */
export async function createAgreement(ctx: Ctx, body: TCreateAgreementBody) {
  requireRole(ctx.actor, privacyPolicy.manageAgreements);
  const mine = jurisdictionsOf(ctx.actor, privacyPolicy.manageAgreements);
  if (mine.length !== 1) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body', code: 'privacy_one_jurisdiction', message: 'a steward of exactly one jurisdiction proposes agreements' }],
    });
  }
  const owner = mine[0];
  if (body.partnerJurisdictionId === owner) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.partnerJurisdictionId', code: 'privacy_same_party', message: 'the partner must be another jurisdiction' }],
    });
  }
  if (body.expiresAt.getTime() <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.expiresAt', code: 'privacy_expiry_past', message: 'the expiry must be in the future' }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [partner] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, body.partnerJurisdictionId));
    if (!partner) throw new AppError('NOT_FOUND');
    let children = false;
    for (const id of body.datasetIds) {
      const d = await datasetInScope(tx, ctx.actor, id);
      if (d.kind !== 'raw' || d.jurisdictionId !== owner || d.category !== body.category) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [
            {
              path: 'body.datasetIds',
              code: 'privacy_dataset_mismatch',
              message: 'datasets must be raw tables of your jurisdiction in the agreement’s category',
            },
          ],
        });
      }
      children ||= d.containsChildren;
    }
    const rule = await effectivePolicy(tx, owner, body.category, children);
    if (rule.egress === 'never') throw new AppError('PRIVACY_EGRESS_FORBIDDEN');
    const epsilon = Math.min(body.epsilon ?? rule.epsilonPerPeriod, rule.epsilonPerPeriod);
    const id = newId();
    const [row] = await tx
      .insert(privacyAgreements)
      .values({
        id,
        jurisdictionId: owner,
        partnerJurisdictionId: body.partnerJurisdictionId,
        title: body.title,
        purpose: body.purpose,
        legalBasis: body.legalBasis,
        category: body.category,
        datasetIds: body.datasetIds,
        fields: body.fields,
        expiresAt: body.expiresAt,
        piaRef: body.piaRef,
        filingRef: body.filingRef,
        secretCiphertext: sealAgreementSecret(id, newAgreementSecret()),
        epsilonTotalNanos: epsilonToNanos(epsilon),
        periodDays: rule.periodDays,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.agreement.create',
      targetType: 'privacy_agreement',
      targetId: id,
      jurisdictionId: owner,
      details: {
        partner: partner.code,
        category: body.category,
        datasets: body.datasetIds.length,
        fields: body.fields,
        epsilon,
        expiresAt: body.expiresAt.toISOString(),
      },
    });
    return present(ctx, row, await jurisdictionCodes(tx));
  });
}

export async function listAgreements(ctx: Ctx) {
  const scope = agreementsInScope(ctx.actor);
  if (!scope) return { items: [] };
  const rows = await ctx.db.select().from(privacyAgreements).where(scope).orderBy(desc(privacyAgreements.createdAt)).limit(200);
  const codes = await jurisdictionCodes(ctx.db);
  return { items: rows.map((r) => present(ctx, r, codes)) };
}

/** An agreement whose parties include the actor's jurisdiction (for `roles`), or 404. */
export async function agreementInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { roles?: Parameters<typeof agreementsInScope>[1]; lock?: boolean } = {},
) {
  const scope = agreementsInScope(actor, opts.roles);
  if (!scope) throw new AppError('NOT_FOUND');
  const q = db
    .select()
    .from(privacyAgreements)
    .where(and(eq(privacyAgreements.id, id), scope));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getAgreement(ctx: Ctx, id: string) {
  const row = await agreementInScope(ctx.db, ctx.actor, id);
  return present(ctx, row, await jurisdictionCodes(ctx.db));
}

/**
 * Two-step approval: the data steward of each side approves once; the agreement is active after both.
 * The owning side's steward must record the PIA (and the filing, where the policy asks for it) first.
 */
export async function approveAgreement(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageAgreements);
  const stewardOf = jurisdictionsOf(ctx.actor, privacyPolicy.manageAgreements);
  return ctx.db.transaction(async (tx) => {
    const row = await agreementInScope(tx, ctx.actor, id, { roles: privacyPolicy.manageAgreements, lock: true });
    if (row.status === 'revoked' || row.expiresAt.getTime() <= Date.now()) throw new AppError('PRIVACY_AGREEMENT_NOT_ACTIVE');
    const now = new Date();
    let side: 'owner' | 'partner';
    if (stewardOf.includes(row.jurisdictionId) && !row.approvedByOwnerAt) side = 'owner';
    else if (stewardOf.includes(row.partnerJurisdictionId) && !row.approvedByPartnerAt) side = 'partner';
    else throw new AppError('PRIVACY_ALREADY_APPROVED');
    if (side === 'owner') {
      const rule = await effectivePolicy(tx, row.jurisdictionId, row.category, false);
      if ((rule.requiresPia && !row.piaRef) || (rule.requiresFiling && !row.filingRef)) throw new AppError('PRIVACY_PIA_REQUIRED');
    }
    const both = side === 'owner' ? Boolean(row.approvedByPartnerAt) : Boolean(row.approvedByOwnerAt);
    const [updated] = await tx
      .update(privacyAgreements)
      .set({
        ...(side === 'owner'
          ? { approvedByOwnerId: ctx.actor.id, approvedByOwnerAt: now }
          : { approvedByPartnerId: ctx.actor.id, approvedByPartnerAt: now }),
        status: both ? 'active' : 'pending',
        ...(both ? { periodStart: now } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(privacyAgreements.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.agreement.approve',
      targetType: 'privacy_agreement',
      targetId: id,
      jurisdictionId: side === 'owner' ? row.jurisdictionId : row.partnerJurisdictionId,
      details: { side, nowActive: both },
    });
    return present(ctx, updated, await jurisdictionCodes(tx));
  });
}

/** Either side's data steward may end an agreement at once; downloads and queries stop. */
export async function revokeAgreement(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageAgreements);
  return ctx.db.transaction(async (tx) => {
    const row = await agreementInScope(tx, ctx.actor, id, { roles: privacyPolicy.manageAgreements, lock: true });
    const [updated] = await tx
      .update(privacyAgreements)
      .set({ status: 'revoked', version: row.version + 1, updatedAt: new Date() })
      .where(eq(privacyAgreements.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.agreement.revoke',
      targetType: 'privacy_agreement',
      targetId: id,
      jurisdictionId: row.jurisdictionId,
      details: { previous: row.status },
    });
    return present(ctx, updated, await jurisdictionCodes(tx));
  });
}

/** The agreement's pseudonym secret, opened for a job or service on this node. Never returned to clients. */
export function agreementSecret(row: Pick<AgreementRow, 'id' | 'secretCiphertext'>): Buffer {
  return openAgreementSecret(row.id, row.secretCiphertext);
}

/** Agreements by id, for services that already checked access. */
export async function agreementsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(privacyAgreements).where(inArray(privacyAgreements.id, ids));
}

/**
 * The approved outputs of an agreement, for both parties: what the recipient may download (while the
 * agreement is active). Only release metadata — the rows come through the download and its outbound check.
 */
export async function listAgreementOutputs(ctx: Ctx, id: string) {
  const agreement = await agreementInScope(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select({ r: privacyReleases, out: privacyDatasets })
    .from(privacyReleases)
    .innerJoin(privacyDatasets, eq(privacyDatasets.id, privacyReleases.outputDatasetId))
    .where(
      and(
        eq(privacyReleases.agreementId, agreement.id),
        eq(privacyReleases.status, 'approved'),
        isNotNull(privacyReleases.outputDatasetId),
      ),
    )
    .orderBy(desc(privacyReleases.approvedAt));
  return {
    downloadable: isAgreementActive(agreement),
    items: rows.map(({ r, out }) => ({
      releaseId: r.id,
      datasetId: r.datasetId,
      name: out.name,
      format: out.format,
      rows: out.rowCount,
      columns: out.columns,
      smallestClass: Number(r.risk?.smallestClass ?? 0),
      approvedAt: r.approvedAt?.toISOString() ?? null,
    })),
  };
}
