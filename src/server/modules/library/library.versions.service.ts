import { diffArrays, diffWords } from 'diff';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { bump, loadOwnForUpdate, loadVisible, snapshot } from './library.resource-store.ts';
import { getResource, type Ctx } from './library.resources.service.ts';
import { plainText } from './library.sanitise.ts';
import { resourceFiles, resources, resourceVersions } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

type ReadCtx = { db: Db; actor: Actor | null };

const presentVersion = (v: typeof resourceVersions.$inferSelect, full: boolean) => ({
  number: v.number,
  change: v.change,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
  title: v.title,
  ...(full ? { summary: v.summary, body: v.bodyHtml, keywords: v.keywords, metadata: v.metadata } : {}),
  files: v.files,
});

/** Version history, newest first. */
export async function listVersions(ctx: ReadCtx, id: string) {
  await loadVisible(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select()
    .from(resourceVersions)
    .where(eq(resourceVersions.resourceId, id))
    .orderBy(desc(resourceVersions.number));
  return { items: rows.map((v) => presentVersion(v, false)) };
}

async function versionRow(db: Db, id: string, number: number) {
  const [v] = await db
    .select()
    .from(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, number)));
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

export async function getVersion(ctx: ReadCtx, id: string, number: number) {
  await loadVisible(ctx.db, ctx.actor, id);
  return presentVersion(await versionRow(ctx.db, id, number), true);
}

/** Chinese has no spaces: word diffs follow the language's word boundaries (Intl.Segmenter). */
function textDiff(a: string, b: string, language: string) {
  const segmenter = new Intl.Segmenter(language.startsWith('zh') ? language.slice(0, 7) : language, { granularity: 'word' });
  return diffWords(a, b, { intlSegmenter: segmenter }).map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed }));
}

/**
 * What changed between two versions: a word diff of title, summary and body (plain text), the keyword
 * and file lists, and the metadata fields that differ.
 */
export async function diffVersions(ctx: ReadCtx, id: string, from: number, to: number) {
  const r = await loadVisible(ctx.db, ctx.actor, id);
  const [a, b] = [await versionRow(ctx.db, id, from), await versionRow(ctx.db, id, to)];
  const changedMetadata = Object.keys({ ...a.metadata, ...b.metadata }).filter(
    (k) => JSON.stringify(a.metadata[k]) !== JSON.stringify(b.metadata[k]),
  );
  return {
    from,
    to,
    title: textDiff(a.title, b.title, r.language),
    summary: textDiff(a.summary, b.summary, r.language),
    body: textDiff(plainText(a.bodyHtml), plainText(b.bodyHtml), r.language),
    keywords: diffArrays(a.keywords, b.keywords).map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed })),
    files: {
      added: b.files.filter((f) => !a.files.some((g) => g.fileId === f.fileId)),
      removed: a.files.filter((f) => !b.files.some((g) => g.fileId === f.fileId)),
    },
    metadata: changedMetadata.map((field) => ({ field, from: a.metadata[field] ?? null, to: b.metadata[field] ?? null })),
  };
}

/** Brings back an older version's text, metadata and file list as a NEW version (history is never rewritten). */
export async function restoreVersion(ctx: Ctx, id: string, number: number, expectedVersion: number) {
  await ctx.db.transaction(async (tx) => {
    const r = await loadOwnForUpdate(tx, ctx.actor, id, expectedVersion);
    if (r.status === 'in_review' || r.status === 'withdrawn') throw new AppError('LIBRARY_NOT_EDITABLE');
    const [v] = await tx
      .select()
      .from(resourceVersions)
      .where(and(eq(resourceVersions.resourceId, id), eq(resourceVersions.number, number)));
    if (!v) throw new AppError('NOT_FOUND');
    const m = v.metadata as Partial<typeof resources.$inferInsert>;
    await bump(tx, id, {
      title: v.title,
      summary: v.summary,
      bodyHtml: v.bodyHtml,
      keywords: v.keywords,
      language: m.language,
      subject: m.subject,
      gradeBand: m.gradeBand,
      grades: m.grades,
      aiCompetencies: m.aiCompetencies,
      licence: m.licence,
    });
    const keep = v.files.map((f) => f.fileId);
    await tx
      .update(resourceFiles)
      .set({ removedAt: new Date() })
      .where(and(eq(resourceFiles.resourceId, id), isNull(resourceFiles.removedAt)));
    if (keep.length)
      await tx
        .update(resourceFiles)
        .set({ removedAt: null })
        .where(and(eq(resourceFiles.resourceId, id), inArray(resourceFiles.id, keep)));
    await snapshot(tx, id, `restore:${number}`, ctx.actor.id);
    await reindexResource(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'resource.restore',
      targetType: 'resource',
      targetId: id,
      jurisdictionId: r.jurisdictionId,
      schoolId: r.schoolId,
      details: { restored: number },
    });
  });
  return getResource(ctx, id, {});
}
