import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { profileColumns } from '../../../lib/deid/tables/profile-columns.ts';
import type { DataCategory } from '../../../shared/api/privacy.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import { getBlob, putBlob } from './privacy.blobs.ts';
import { effectivePolicy } from './privacy.policies.service.ts';
import { datasetsInScope, jurisdictionsOf, privacyPolicy } from './privacy.policy.ts';
import { presentDataset } from './privacy.present.ts';
import { privacyDatasets, type StoredProfile } from './privacy.schema.ts';
import { firstRows, formatOfFilename, rowsOf, scanTable, suggestTablePolicy, type TableFormat } from './privacy.tables.ts';

type Ctx = { db: Db; actor: Actor };

export const PREVIEW_ROWS = 20;

/**
 * A steward (or bureau admin) uploads a table of their own jurisdiction. It is profiled (suggested column
 * roles), counted, and checked for children under 14; the bytes go to the blob adapter.
 */
export async function uploadDataset(
  ctx: Ctx,
  file: { filename: string; data: Buffer },
  fields: { name: string; category: DataCategory; jurisdictionId?: string },
) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  const mine = jurisdictionsOf(ctx.actor, privacyPolicy.manageDatasets);
  const jurisdictionId = fields.jurisdictionId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!jurisdictionId || !mine.includes(jurisdictionId)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.jurisdictionId', code: 'privacy_jurisdiction', message: 'name one of your jurisdictions' }],
    });
  }
  const format = formatOfFilename(file.filename);
  if (!file.data.length) throw new AppError('PRIVACY_FILE_MISSING');
  let profile: StoredProfile[];
  let scan: Awaited<ReturnType<typeof scanTable>>;
  try {
    profile = (await profileColumns(rowsOf(file.data, format))).map((p) => ({
      column: p.column,
      role: p.role,
      entity: p.entity,
      reason: p.reason,
      suggestedOperator: p.suggestedOperator,
      distinct: p.distinct,
      nonEmpty: p.nonEmpty,
    }));
    scan = await scanTable(rowsOf(file.data, format), profile);
  } catch (cause) {
    throw new AppError('PRIVACY_FILE_UNREADABLE', { cause });
  }
  if (scan.rowCount === 0 || scan.columns.length === 0) throw new AppError('PRIVACY_FILE_UNREADABLE');
  return ctx.db.transaction(async (tx) => {
    const blob = await putBlob(tx, file.data);
    const [row] = await tx
      .insert(privacyDatasets)
      .values({
        jurisdictionId,
        kind: 'raw',
        name: fields.name,
        category: fields.category,
        format,
        blobSha256: blob.sha256,
        size: blob.size,
        rowCount: scan.rowCount,
        columns: scan.columns,
        profile,
        containsChildren: scan.containsChildren,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'privacy.dataset.upload',
      targetType: 'privacy_dataset',
      targetId: row.id,
      jurisdictionId,
      details: {
        name: fields.name,
        category: fields.category,
        rows: scan.rowCount,
        columns: scan.columns.length,
        containsChildren: scan.containsChildren,
        sha256: blob.sha256,
      },
    });
    return withSuggestion(tx, row);
  });
}

async function withSuggestion(db: DbOrTx, row: typeof privacyDatasets.$inferSelect) {
  const rule = await effectivePolicy(db, row.jurisdictionId, row.category, row.containsChildren);
  const [j] = await db.select({ code: jurisdictions.code }).from(jurisdictions).where(eq(jurisdictions.id, row.jurisdictionId));
  return {
    ...presentDataset(row, j?.code),
    rule,
    suggestedPolicy: suggestTablePolicy(
      row.profile.map((p) => ({ ...p, role: p.role as never, suggestedOperator: p.suggestedOperator as never })),
      { k: rule.minK },
    ),
  };
}

/** Datasets of the actor's own jurisdiction(s), newest first. */
export async function listDatasets(ctx: Ctx, q: { kind?: 'raw' | 'deidentified'; limit: number; cursor?: string }) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  const rows = await ctx.db
    .select({ d: privacyDatasets, code: jurisdictions.code })
    .from(privacyDatasets)
    .innerJoin(jurisdictions, eq(jurisdictions.id, privacyDatasets.jurisdictionId))
    .where(
      and(
        datasetsInScope(ctx.actor),
        q.kind ? eq(privacyDatasets.kind, q.kind) : undefined,
        q.cursor ? lt(privacyDatasets.id, q.cursor) : undefined,
      ),
    )
    .orderBy(desc(privacyDatasets.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map((r) => presentDataset(r.d, r.code)), nextCursor: rows.length > q.limit ? page[page.length - 1].d.id : null };
}

/** One dataset in scope, or 404 (out of scope looks like missing). */
export async function datasetInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(privacyDatasets)
    .where(and(eq(privacyDatasets.id, id), datasetsInScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getDataset(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  return withSuggestion(ctx.db, await datasetInScope(ctx.db, ctx.actor, id));
}

/** The first rows of a dataset as stored (raw rows: own jurisdiction only). */
export async function previewDataset(ctx: Ctx, id: string) {
  requireRole(ctx.actor, privacyPolicy.manageDatasets);
  const row = await datasetInScope(ctx.db, ctx.actor, id);
  const bytes = await getBlob(ctx.db, row.blobSha256);
  if (!bytes) throw new AppError('NOT_FOUND');
  return { columns: row.columns, rows: await firstRows(rowsOf(bytes, row.format as TableFormat), PREVIEW_ROWS) };
}

/** Datasets by id whatever the viewer (for services that already checked access another way). */
export async function datasetsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(privacyDatasets).where(inArray(privacyDatasets.id, ids));
}
