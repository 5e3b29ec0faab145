import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { applyTablePolicy } from '../../../lib/deid/tables/apply-table-policy.ts';
import { columnarRows } from '../../../lib/deid/tables/columnar-table.ts';
import type { TablePolicy } from '../../../lib/deid/tables/table-policy.ts';
import type { JobDefinition } from '../../jobs/jobs.runner.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { agreementSecret } from './privacy.agreements.service.ts';
import { getBlob, putBlob } from './privacy.blobs.ts';
import { releaseOnlyKey } from './privacy.keys.ts';
import { scanOutbound } from './privacy.outbound.ts';
import { privacyAgreements, privacyDatasets, privacyReleases, type ReleaseStepEntry } from './privacy.schema.ts';
import { bytesOf, rowsOf, type TableFormat } from './privacy.tables.ts';

const ZPayload = z.object({ releaseId: z.uuid() });
type Payload = z.infer<typeof ZPayload>;
/** Written once the output is stored: a resumed run only has to finish the bookkeeping. */
type Checkpoint = { stage: 'stored'; outputDatasetId: string };

const step = (s: ReleaseStepEntry['step'], details: Record<string, unknown>): ReleaseStepEntry => ({
  step: s,
  at: new Date().toISOString(),
  by: null,
  details,
});

/** Errors that another attempt cannot fix: the policy does not fit the table. */
const isPolicyError = (e: unknown) => e instanceof Error && /^(policy names|with k set|the l-diversity|pseudonym needs)/.test(e.message);

/**
 * `privacy.deidentify`: applies a release's table policy to its raw dataset (lib/deid/tables: operators,
 * Mondrian k-anonymity, l-diversity), writes the de-identified table in the input's format, scans it with
 * the outbound PII check and stores it with its risk and utility reports (GB/T 37964 steps 处理 and 验证).
 * Registered in jobs/jobs.registry.ts.
 */
export const deidentifyJob: JobDefinition<Payload, Checkpoint> = {
  name: 'privacy.deidentify',
  payload: ZPayload,
  maxAttempts: 2,
  leaseMs: 120_000,
  async handler(ctx) {
    const { db } = ctx;
    const [release] = await db.select().from(privacyReleases).where(eq(privacyReleases.id, ctx.payload.releaseId));
    if (!release || release.status === 'approved' || release.status === 'ready') return { skipped: true };
    if (ctx.checkpoint?.stage === 'stored') return { outputDatasetId: ctx.checkpoint.outputDatasetId, resumed: true };
    await db.update(privacyReleases).set({ status: 'running', updatedAt: new Date() }).where(eq(privacyReleases.id, release.id));
    await ctx.progress(0, 4, 'read');
    const [source] = await db.select().from(privacyDatasets).where(eq(privacyDatasets.id, release.datasetId));
    const bytes = source ? await getBlob(db, source.blobSha256) : null;
    if (!source || !bytes) return fail(ctx.db, release.id, 'source dataset missing');
    const format = source.format as TableFormat;

    let key: Buffer;
    if (release.agreementId) {
      const [agreement] = await db.select().from(privacyAgreements).where(eq(privacyAgreements.id, release.agreementId));
      if (!agreement) return fail(ctx.db, release.id, 'agreement missing');
      key = agreementSecret(agreement);
    } else {
      key = releaseOnlyKey(release.id);
    }

    let result: Awaited<ReturnType<typeof applyTablePolicy>>;
    try {
      result = await applyTablePolicy(rowsOf(bytes, format), release.policy as TablePolicy, { secret: key });
    } catch (e) {
      if (isPolicyError(e) || ctx.attempt >= 2) return fail(ctx.db, release.id, (e as Error).message);
      throw e;
    }
    await ctx.progress(2, 4, 'anonymised');
    const columns = result.table.columns;
    const out = await bytesOf(columnarRows(result.table, result.keep), columns, format);
    const published = result.keep.reduce((n, v) => n + v, 0);
    const outbound = await scanOutbound({ rows: rowsOf(out, format) });
    await ctx.progress(3, 4, 'verified');

    const outputDatasetId = await db.transaction(async (tx) => {
      const blob = await putBlob(tx, out);
      const [output] = await tx
        .insert(privacyDatasets)
        .values({
          jurisdictionId: source.jurisdictionId,
          schoolId: source.schoolId,
          kind: 'deidentified',
          name: `${source.name} (de-identified)`,
          category: source.category,
          format,
          blobSha256: blob.sha256,
          size: blob.size,
          rowCount: published,
          columns,
          profile: [],
          containsChildren: source.containsChildren,
          releaseId: release.id,
        })
        .returning({ id: privacyDatasets.id });
      const policy = release.policy as TablePolicy;
      const steps: ReleaseStepEntry[] = [
        step('process', {
          operators: Object.fromEntries(Object.entries(policy.columns).map(([c, p]) => [c, p.operator])),
          k: policy.k ?? null,
          l: policy.l ?? null,
          quasi: result.quasi,
          dropped: result.dropped,
          keyedBy: release.agreementId ? 'agreement' : 'release',
        }),
        step('verify', {
          records: result.risk.records,
          smallestClass: result.risk.smallestClass,
          maxRisk: result.risk.maxRisk,
          suppressed: result.utility?.suppressed ?? 0,
          outboundOk: outbound.ok,
          outboundFindings: outbound.findings.length,
        }),
      ];
      await tx
        .update(privacyReleases)
        .set({
          status: 'ready',
          outputDatasetId: output.id,
          risk: { ...result.risk },
          utility: result.utility ? { ...result.utility } : null,
          outbound: { ok: outbound.ok, findings: outbound.findings.map((f) => ({ column: f.path, type: f.type, count: f.count })) },
          steps: sql`${privacyReleases.steps} || ${JSON.stringify(steps)}::jsonb`,
          error: null,
          updatedAt: new Date(),
        })
        .where(eq(privacyReleases.id, release.id));
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'privacy.release.complete',
        targetType: 'privacy_release',
        targetId: release.id,
        jurisdictionId: release.jurisdictionId,
        details: { output: output.id, published, smallestClass: result.risk.smallestClass, outboundOk: outbound.ok },
      });
      await ctx.saveCheckpoint({ stage: 'stored', outputDatasetId: output.id }, tx);
      return output.id;
    });
    await ctx.progress(4, 4, 'done');
    return { outputDatasetId, published };
  },
};

async function fail(db: Parameters<JobDefinition['handler']>[0]['db'], releaseId: string, error: string) {
  await db.transaction(async (tx) => {
    const [r] = await tx
      .update(privacyReleases)
      .set({ status: 'failed', error, updatedAt: new Date() })
      .where(eq(privacyReleases.id, releaseId))
      .returning();
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'privacy.release.fail',
      targetType: 'privacy_release',
      targetId: releaseId,
      jurisdictionId: r?.jurisdictionId ?? null,
      details: { error },
    });
  });
  return { failed: error };
}
