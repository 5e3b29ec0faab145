import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { indexDocument } from '../search/search.service.ts';
import type { SearchDocument } from '../search/search.types.ts';
import { plainText } from './library.sanitise.ts';
import { resourceFiles, resources, type ResourceRow } from './library.schema.ts';

/**
 * The library's side of the search contract: a resource as a search document (rich text stripped, text
 * of its current files appended), indexed in the transaction of every save, publish and withdraw.
 */
export function searchDocumentOf(r: ResourceRow, fileTexts: string[]): SearchDocument {
  return {
    id: r.id,
    kind: 'resource',
    externalId: r.externalId,
    title: r.title,
    summary: r.summary,
    body: [plainText(r.bodyHtml), ...fileTexts.filter(Boolean)].join('\n\n'),
    keywords: r.keywords,
    language: r.language,
    subject: r.subject,
    gradeBand: r.gradeBand,
    licence: r.licence,
    publishLevel: r.publishLevel,
    status: r.status,
    authorId: r.authorId,
    schoolId: r.schoolId,
    jurisdictionId: r.jurisdictionId,
    anchorUnitId: r.anchorUnitId,
    popularity: popularity(r),
    updatedAt: r.updatedAt,
  };
}

/** views + 3×downloads + 5×favourites (the contract's ranking signal). */
export const popularity = (r: Pick<ResourceRow, 'viewCount' | 'downloadCount' | 'favouriteCount'>) =>
  r.viewCount + 3 * r.downloadCount + 5 * r.favouriteCount;

/** Re-reads the resource and its file texts inside `tx` and upserts its search document. */
export async function reindexResource(tx: DbOrTx, resourceId: string): Promise<void> {
  const [r] = await tx.select().from(resources).where(eq(resources.id, resourceId));
  if (!r) return;
  const files = await tx
    .select({ text: resourceFiles.extractedText })
    .from(resourceFiles)
    .where(and(eq(resourceFiles.resourceId, resourceId), isNull(resourceFiles.removedAt)))
    .orderBy(resourceFiles.createdAt);
  await indexDocument(
    tx,
    searchDocumentOf(
      r,
      files.map((f) => f.text ?? ''),
    ),
  );
}
