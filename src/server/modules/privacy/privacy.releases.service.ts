import { and, desc, eq, sql } from 'drizzle-orm';
import type { ColumnPolicy, TablePolicy } from '../../../lib/deid/tables/table-policy.ts';
import type { TTablePolicy } from '../../../shared/api/privacy.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { enqueueJob, getJob } from '../../jobs/jobs.runner.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { agreementInScope, isAgreementActive } from './privacy.agreements.service.ts';
import { getBlob } from './privacy.blobs.ts';
import { datasetInScope, PREVIEW_ROWS } from './privacy.datasets.service.ts';
import { deidentifyJob } from './privacy.jobs.ts';
import { checkOutbound, outboundProblems } from './privacy.outbound.ts';
import { effectivePolicy } from './privacy.policies.service.ts';
import { datasetsInScope, jurisdictionsOf, privacyPolicy } from './privacy.policy.ts';
import { presentRelease } from './privacy.present.ts';
import { privacyAgreements, privacyDatasets, privacyReleases, type ReleaseStepEntry } from './privacy.schema.ts';
import { firstRows, rowsOf, type TableFormat } from './privacy.tables.ts';

type Ctx = { db: Db; actor: Actor };
type ReleaseRow = typeof privacyReleases.$inferSelect;

const invalid = (errors: FieldProblem[]) => new AppError('PRIVACY_POLICY_INVALID', { errors });

/**
 * Checks a steward's table policy against the dataset, the agreement and the jurisdiction's rule, and
 * turns it into the table engine's type. Published columns must be within the agreement's fields; with
 * quasi-identifiers generalised, k must reach the policy's minimum (the under-14 one when children are in).
 */
export function checkTablePolicy(policy: TTablePolicy, opts: { columns: string[]; fields: string[]; minK: number }): TablePolicy {
  const problems: FieldProblem[] = [];
  const columns: Record<string, ColumnPolicy> = {};
  for (const [name, p] of Object.entries(policy.columns)) {
    const path = `body.policy.columns.${name}`;
    if (!opts.columns.includes(name))
      problems.push({ path, code: 'privacy_column_unknown', message: `the dataset has no column "${name}"` });
    if (p.operator === 'generalise') {
      if (p.kind === 'tree' && p.hierarchy === undefined)
        problems.push({ path, code: 'privacy_hierarchy_missing', message: 'a tree generalisation needs a hierarchy' });
      if (p.kind === 'number' && p.band !== undefined && typeof p.band !== 'number')
        problems.push({ path, code: 'privacy_band', message: 'a number band is a number' });
      if (p.kind === 'date' && p.band !== undefined && typeof p.band === 'number')
        problems.push({ path, code: 'privacy_band', message: 'a date band is day, month or year' });
    }
    columns[name] = p as ColumnPolicy;
  }
  const published = opts.columns.filter((c) => {
    const p = policy.columns[c];
    return p ? p.operator !== 'drop' : policy.unlisted === 'keep';
  });
  if (opts.fields.length) {
    for (const c of published)
      if (!opts.fields.includes(c))
        problems.push({
          path: `body.policy.columns.${c}`,
          code: 'privacy_field_not_agreed',
          message: `"${c}" is not among the agreement's fields`,
        });
  }
  const hasQuasi = Object.values(policy.columns).some((p) => p.operator === 'generalise');
  if (hasQuasi && (policy.k ?? 0) < opts.minK)
    problems.push({ path: 'body.policy.k', code: 'privacy_k_below_policy', message: `k must be at least ${opts.minK}` });
  if (problems.length) throw invalid(problems);
  return { ...policy, columns } as TablePolicy;
}

/**
 * Starts a de-identification of a raw dataset (目标 and 识别 are recorded now; the job does 处理 and 验证).
 * Under an agreement, the category must be allowed to leave de-identified, and pseudonyms are keyed by the
 * agreement's secret; without one, the release is an internal trial that stays in the jurisdiction.
 */
export async function createRelease(ctx: Ctx, body: { datasetId: string; agreementId?: string; policy: TTablePolicy; objective: string }) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  return ctx.db.transaction(async (tx) => {
    const dataset = await datasetInScope(tx, ctx.actor, body.datasetId);
    if (dataset.kind !== 'raw') throw new AppError('NOT_FOUND');
    const rule = await effectivePolicy(tx, dataset.jurisdictionId, dataset.category, dataset.containsChildren);
    let fields: string[] = [];
    let agreement: typeof privacyAgreements.$inferSelect | null = null;
    if (body.agreementId) {
      agreement = await agreementInScope(tx, ctx.actor, body.agreementId, { roles: privacyPolicy.manageDatasets });
      if (agreement.jurisdictionId !== dataset.jurisdictionId || !agreement.datasetIds.includes(dataset.id))
        throw new AppError('NOT_FOUND');
      if (agreement.status === 'revoked' || agreement.expiresAt.getTime() <= Date.now()) throw new AppError('PRIVACY_AGREEMENT_NOT_ACTIVE');
      if (rule.egress !== 'deidentified') throw new AppError('PRIVACY_EGRESS_FORBIDDEN');
      fields = agreement.fields;
    }
    const policy = checkTablePolicy(body.policy, { columns: dataset.columns, fields, minK: agreement ? rule.minK : 2 });
    const identify = {
      direct: dataset.profile.filter((p) => p.role === 'direct_identifier').map((p) => p.column),
      quasi: dataset.profile.filter((p) => p.role === 'quasi_identifier').map((p) => p.column),
      sensitive: dataset.profile.filter((p) => p.role === 'sensitive').map((p) => p.column),
      containsChildren: dataset.containsChildren,
      minK: rule.minK,
    };
    const at = new Date().toISOString();
    const steps: ReleaseStepEntry[] = [
      {
        step: 'objective',
        at,
        by: ctx.actor.id,
        details: {
          objective: body.objective,
          agreementId: agreement?.id ?? null,
          purpose: agreement?.purpose ?? null,
          legalBasis: agreement?.legalBasis ?? null,
        },
      },
      { step: 'identify', at, by: ctx.actor.id, details: identify },
    ];
    const [release] = await tx
      .insert(privacyReleases)
      .values({
        jurisdictionId: dataset.jurisdictionId,
        schoolId: dataset.schoolId,
        datasetId: dataset.id,
        agreementId: agreement?.id ?? null,
        policy: policy as TTablePolicy,
        objective: body.objective,
        steps,
        createdBy: ctx.actor.id,
      })
      .returning();
    const jobId = await enqueueJob(
      tx,
      deidentifyJob,
      { releaseId: release.id },
      { jurisdictionId: dataset.jurisdictionId, createdBy: ctx.actor.id },
    );
    const [withJob] = await tx.update(privacyReleases).set({ jobId }).where(eq(privacyReleases.id, release.id)).returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.release.create',
      targetType: 'privacy_release',
      targetId: release.id,
      jurisdictionId: dataset.jurisdictionId,
      details: { dataset: dataset.id, agreement: agreement?.id ?? null, k: policy.k ?? null, columns: Object.keys(policy.columns).length },
    });
    return presentRelease(withJob, { status: 'queued', progress: null });
  });
}

/** A release whose raw dataset the actor may handle (own jurisdiction), or 404. */
async function releaseInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ r: privacyReleases })
    .from(privacyReleases)
    .innerJoin(privacyDatasets, eq(privacyDatasets.id, privacyReleases.datasetId))
    .where(and(eq(privacyReleases.id, id), datasetsInScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row.r;
}

async function withJob(db: DbOrTx, r: ReleaseRow) {
  const job = r.jobId ? await getJob(db, r.jobId) : null;
  return presentRelease(r, job ? { status: job.status, progress: job.progress ?? null } : null);
}

export async function getRelease(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  return withJob(ctx.db, await releaseInScope(ctx.db, ctx.actor, id));
}

export async function listReleases(ctx: Ctx, q: { datasetId?: string; agreementId?: string }) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  const rows = await ctx.db
    .select({ r: privacyReleases })
    .from(privacyReleases)
    .innerJoin(privacyDatasets, eq(privacyDatasets.id, privacyReleases.datasetId))
    .where(
      and(
        datasetsInScope(ctx.actor),
        q.datasetId ? eq(privacyReleases.datasetId, q.datasetId) : undefined,
        q.agreementId ? eq(privacyReleases.agreementId, q.agreementId) : undefined,
      ),
    )
    .orderBy(desc(privacyReleases.createdAt))
    .limit(100);
  return { items: await Promise.all(rows.map((r) => withJob(ctx.db, r.r))) };
}

/** Original and de-identified tables side by side (first rows), for the steward's review. */
export async function previewRelease(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  const release = await releaseInScope(ctx.db, ctx.actor, id);
  const source = await datasetInScope(ctx.db, ctx.actor, release.datasetId);
  const srcBytes = await getBlob(ctx.db, source.blobSha256);
  const original = srcBytes ? await firstRows(rowsOf(srcBytes, source.format as TableFormat), PREVIEW_ROWS) : [];
  let deidentified: { columns: string[]; rows: unknown[] } | null = null;
  if (release.outputDatasetId) {
    const [out] = await ctx.db.select().from(privacyDatasets).where(eq(privacyDatasets.id, release.outputDatasetId));
    const outBytes = out ? await getBlob(ctx.db, out.blobSha256) : null;
    if (out && outBytes)
      deidentified = { columns: out.columns, rows: await firstRows(rowsOf(outBytes, out.format as TableFormat), PREVIEW_ROWS) };
  }
  return { original: { columns: source.columns, rows: original }, deidentified };
}

/**
 * 验证审批: the data steward of the release's jurisdiction approves it for sharing — only when the job
 * finished, the output passed the outbound PII check, every class has at least the policy's k, and the
 * agreement carries its PIA and filing references where the policy asks for them.
 */
export async function approveRelease(ctx: Ctx, id: string, note: string) {
  requireRole(ctx.actor, privacyPolicy.approveRelease);
  const stewardOf = jurisdictionsOf(ctx.actor, privacyPolicy.approveRelease);
  return ctx.db.transaction(async (tx) => {
    const release = await releaseInScope(tx, ctx.actor, id);
    if (!stewardOf.includes(release.jurisdictionId)) throw new AppError('FORBIDDEN');
    if (release.status !== 'ready') throw new AppError('PRIVACY_RELEASE_NOT_READY');
    if (release.outbound && !release.outbound.ok) {
      throw new AppError('OUTBOUND_PII_BLOCKED', {
        errors: outboundProblems(release.outbound.findings.map((f) => ({ path: f.column, type: f.type, count: f.count }))),
      });
    }
    const [dataset] = await tx.select().from(privacyDatasets).where(eq(privacyDatasets.id, release.datasetId));
    const rule = await effectivePolicy(tx, dataset.jurisdictionId, dataset.category, dataset.containsChildren);
    const quasi = Object.values(release.policy.columns).some((p) => p.operator === 'generalise');
    const smallest = Number(release.risk?.smallestClass ?? 0);
    if (release.agreementId && quasi && smallest < rule.minK) {
      throw invalid([
        { path: 'risk.smallestClass', code: 'privacy_k_below_policy', message: `smallest class ${smallest} is below k ${rule.minK}` },
      ]);
    }
    if (release.agreementId) {
      const [agreement] = await tx.select().from(privacyAgreements).where(eq(privacyAgreements.id, release.agreementId));
      if ((rule.requiresPia && !agreement?.piaRef) || (rule.requiresFiling && !agreement?.filingRef))
        throw new AppError('PRIVACY_PIA_REQUIRED');
    }
    const now = new Date();
    const entry: ReleaseStepEntry = {
      step: 'approve',
      at: now.toISOString(),
      by: ctx.actor.id,
      details: { note, minK: rule.minK, smallestClass: smallest },
    };
    const [updated] = await tx
      .update(privacyReleases)
      .set({
        status: 'approved',
        approvedBy: ctx.actor.id,
        approvedAt: now,
        steps: sql`${privacyReleases.steps} || ${JSON.stringify([entry])}::jsonb`,
        updatedAt: now,
      })
      .where(eq(privacyReleases.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.release.approve',
      targetType: 'privacy_release',
      targetId: id,
      jurisdictionId: release.jurisdictionId,
      details: { smallestClass: smallest, minK: rule.minK },
    });
    return withJob(tx, updated);
  });
}

const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The de-identified output of an approved release, for the parties of its agreement while the agreement is
 * active. It passes the outbound check on the way out (the last gate, whatever the approval said); a stop
 * is audited. Without an agreement, the output stays with its own jurisdiction's stewards.
 */
export async function downloadRelease(ctx: Ctx, id: string) {
  const [release] = await ctx.db.select().from(privacyReleases).where(eq(privacyReleases.id, id));
  if (!release) throw new AppError('NOT_FOUND');
  let agreement: typeof privacyAgreements.$inferSelect | null = null;
  if (release.agreementId) {
    agreement = await agreementInScope(ctx.db, ctx.actor, release.agreementId);
    if (!isAgreementActive(agreement)) throw new AppError('PRIVACY_AGREEMENT_NOT_ACTIVE');
  } else {
    await releaseInScope(ctx.db, ctx.actor, id);
  }
  if (release.status !== 'approved' || !release.outputDatasetId) throw new AppError('PRIVACY_RELEASE_NOT_READY');
  const [out] = await ctx.db.select().from(privacyDatasets).where(eq(privacyDatasets.id, release.outputDatasetId));
  const bytes = out ? await getBlob(ctx.db, out.blobSha256) : null;
  if (!out || !bytes) throw new AppError('NOT_FOUND');
  const format = out.format as TableFormat;
  try {
    await checkOutbound({ rows: rowsOf(bytes, format) });
  } catch (e) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx.actor, {
        action: 'privacy.outbound.blocked',
        targetType: 'privacy_release',
        targetId: id,
        jurisdictionId: release.jurisdictionId,
        details: { findings: e instanceof AppError ? (e.errors ?? []).map((f) => f.message) : [] },
      }),
    );
    throw e;
  }
  const entry: ReleaseStepEntry = {
    step: 'monitor',
    at: new Date().toISOString(),
    by: ctx.actor.id,
    details: { event: 'download', agreementId: agreement?.id ?? null },
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(privacyReleases)
      .set({ steps: sql`${privacyReleases.steps} || ${JSON.stringify([entry])}::jsonb` })
      .where(eq(privacyReleases.id, id));
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.release.download',
      targetType: 'privacy_release',
      targetId: id,
      jurisdictionId: release.jurisdictionId,
      details: { agreement: agreement?.id ?? null, sha256: out.blobSha256, rows: out.rowCount },
    });
  });
  const ext = format;
  return { filename: `release-${id}.${ext}`, contentType: CONTENT_TYPES[format], bytes };
}
