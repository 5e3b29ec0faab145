import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { analyseDocument, MAX_BODY_CHARS, type AnalysedColumns } from './search.analyse.ts';
import { searchDocuments, type NewSearchDocumentRow } from './search.schema.ts';
import type { SearchDocument } from './search.types.ts';

/** The contract fields of a document as columns (body cut to MAX_BODY_CHARS). */
export function contractColumns(doc: SearchDocument) {
  return {
    id: doc.id,
    kind: doc.kind,
    externalId: doc.externalId,
    title: doc.title,
    summary: doc.summary,
    body: doc.body.slice(0, MAX_BODY_CHARS),
    keywords: doc.keywords,
    language: doc.language,
    subject: doc.subject,
    gradeBand: doc.gradeBand,
    licence: doc.licence,
    publishLevel: doc.publishLevel,
    status: doc.status,
    authorId: doc.authorId,
    schoolId: doc.schoolId,
    jurisdictionId: doc.jurisdictionId,
    anchorUnitId: doc.anchorUnitId,
    popularity: Math.max(0, Math.round(doc.popularity)),
    updatedAt: doc.updatedAt,
  } satisfies Partial<NewSearchDocumentRow>;
}

/** A full index row: the document plus its analysis (computed here unless given). */
export function indexRow(doc: SearchDocument, analysed: AnalysedColumns = analyseDocument(doc)): NewSearchDocumentRow {
  return { ...contractColumns(doc), ...analysed, indexedAt: new Date() };
}

/**
 * Adds or replaces a document in the index. The library calls it inside the transaction that saves the
 * resource, so the index never shows a state that was rolled back. Analysis (jieba, OpenCC) runs first,
 * outside any lock: about 10 ms for a 10 KB lesson.
 *
 * @example await db.transaction(async (tx) => { await saveResource(tx, r); await indexDocument(tx, toSearchDocument(r)); })
 */
export async function indexDocument(db: DbOrTx, doc: SearchDocument): Promise<void> {
  await upsertRows(db, [indexRow(doc)]);
}

/** Upserts prepared rows in one statement (bulk imports and re-indexing). */
export async function upsertRows(db: DbOrTx, rows: NewSearchDocumentRow[]): Promise<void> {
  if (!rows.length) return;
  const { id: _id, ...update } = rows[0];
  const set = Object.fromEntries(Object.keys(update).map((k) => [k, excluded(k as keyof NewSearchDocumentRow)]));
  await db.insert(searchDocuments).values(rows).onConflictDoUpdate({ target: searchDocuments.id, set });
}

/** Takes a document out of the index (resource deleted). Withdrawn resources stay, with their status. */
export async function removeDocument(db: DbOrTx, id: string): Promise<void> {
  await db.delete(searchDocuments).where(eq(searchDocuments.id, id));
}

const columns = getTableColumns(searchDocuments);
/** `excluded.<column>`: the proposed row's value in an upsert. */
function excluded(key: keyof NewSearchDocumentRow) {
  return sql.raw(`excluded."${columns[key].name}"`);
}
