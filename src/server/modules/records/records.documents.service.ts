import { createHash } from 'node:crypto';
import { and, eq, gt, type SQL } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { inTenant, recordsPolicy, requireLrsScope, type LrsTenant } from './records.policy.ts';
import { xapiDocuments, type XapiDocumentKind } from './records.schema.ts';
import type { RecordsContext } from './records.statements.service.ts';
import { mediaType, xapiInvalid } from './records.xapi-request.ts';

/**
 * State, Activity Profile and Agent Profile documents (Communication 2.2–2.7), with the HTTP/1.1
 * entity-tag concurrency of Communication 3.1: If-Match / If-None-Match are honoured on every write
 * (412 when they fail), and a PUT that would overwrite a profile without either header is a 409.
 */

/** Where a document lives; the unused parts of a kind are ''. */
export interface DocumentPlace {
  kind: XapiDocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
}

export interface StoredDocument {
  contentType: string;
  content: Buffer;
  etag: string;
  updated: Date;
}

export interface Preconditions {
  /** Entity tags from If-Match (quotes removed), or ['*']. */
  ifMatch?: string[];
  /** Entity tags from If-None-Match, or ['*']. */
  ifNoneMatch?: string[];
}

export interface DocumentWrite {
  contentType: string;
  content: Buffer;
  /** POST: merge the JSON object into the stored one (Communication 2.2.s7). */
  merge: boolean;
  /** Profiles: a PUT over an existing document must carry If-Match or If-None-Match (Communication 3.1). */
  requirePrecondition: boolean;
}

/** The entity tag of a document: SHA-1 hex of its bytes, as most LRSs and the conformance suite use. */
export function documentEtag(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

function where(tenant: LrsTenant, place: DocumentPlace, documentId?: string): SQL {
  const d = xapiDocuments;
  return and(
    inTenant(d, tenant),
    eq(d.kind, place.kind),
    eq(d.activityId, place.activityId),
    eq(d.agentKey, place.agentKey),
    eq(d.registration, place.registration),
    documentId === undefined ? undefined : eq(d.documentId, documentId),
  )!;
}

/** One document, or null. */
export async function getDocument(ctx: RecordsContext, place: DocumentPlace, documentId: string): Promise<StoredDocument | null> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.read);
  const d = xapiDocuments;
  const [row] = await ctx.db
    .select({ contentType: d.contentType, content: d.content, etag: d.etag, updated: d.updated })
    .from(d)
    .where(where(tenant, place, documentId))
    .limit(1);
  return row ?? null;
}

/** The ids of the documents at a place, optionally only those changed after `since`. */
export async function listDocumentIds(ctx: RecordsContext, place: DocumentPlace, since?: string): Promise<string[]> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.read);
  const d = xapiDocuments;
  const rows = await ctx.db
    .select({ documentId: d.documentId })
    .from(d)
    .where(and(where(tenant, place), since ? gt(d.updated, new Date(since)) : undefined))
    .orderBy(d.documentId)
    .limit(10_000);
  return rows.map((r) => r.documentId);
}

function checkPreconditions(current: { etag: string } | undefined, pre: Preconditions) {
  if (pre.ifMatch && !(current && (pre.ifMatch.includes('*') || pre.ifMatch.includes(current.etag)))) {
    throw new AppError('VERSION_CONFLICT', { detail: 'If-Match does not match the document' });
  }
  if (pre.ifNoneMatch && current && (pre.ifNoneMatch.includes('*') || pre.ifNoneMatch.includes(current.etag))) {
    throw new AppError('VERSION_CONFLICT', { detail: 'If-None-Match: the document exists' });
  }
}

function parseJsonObject(content: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch {
    throw xapiInvalid([{ path: '', message: `${what} is not valid JSON, so it cannot be merged` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw xapiInvalid([{ path: '', message: `${what} is not a JSON object, so it cannot be merged` }]);
  }
  return value as Record<string, unknown>;
}

/**
 * PUT or POST of one document, in one transaction: the stored row is locked, preconditions checked,
 * and the new content (or, for POST, the stored JSON object with the sent object's properties laid
 * over it) written. Returns the new entity tag.
 */
export async function writeDocument(
  ctx: RecordsContext,
  place: DocumentPlace,
  documentId: string,
  write: DocumentWrite,
  pre: Preconditions,
): Promise<string> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.write);
  const d = xapiDocuments;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ contentType: d.contentType, content: d.content, etag: d.etag })
      .from(d)
      .where(where(tenant, place, documentId))
      .for('update');
    checkPreconditions(current, pre);
    if (write.requirePrecondition && !write.merge && !pre.ifMatch && !pre.ifNoneMatch) {
      // Communication 3.1: 409 when a profile PUT would overwrite without a precondition; the conformance
      // suite (XAPI-00273, -00287) also expects a PUT of a new profile without one to be refused, with 400.
      if (current)
        throw new AppError('XAPI_DOCUMENT_CONFLICT', { detail: 'the document exists: send If-Match with its ETag (or If-None-Match: *)' });
      throw xapiInvalid(
        [{ path: 'If-None-Match', message: 'a profile PUT needs If-Match or If-None-Match (If-None-Match: * to create)' }],
        'headers',
      );
    }
    let contentType = write.contentType;
    let content = write.content;
    if (write.merge) {
      const isJson = mediaType(write.contentType) === 'application/json';
      if (current) {
        if (!isJson || mediaType(current.contentType) !== 'application/json') {
          throw xapiInvalid(
            [{ path: 'Content-Type', message: 'POST merges JSON objects: both the stored and the sent document must be application/json' }],
            'headers',
          );
        }
        const merged = {
          ...parseJsonObject(current.content, 'the stored document'),
          ...parseJsonObject(write.content, 'the sent document'),
        };
        content = Buffer.from(JSON.stringify(merged), 'utf8');
        contentType = 'application/json';
      } else if (isJson) {
        parseJsonObject(write.content, 'the sent document');
      }
    }
    const etag = documentEtag(content);
    const values = {
      jurisdictionId: tenant.jurisdictionId,
      schoolId: tenant.schoolId,
      ...place,
      documentId,
      contentType,
      content,
      etag,
      updated: new Date(),
    };
    if (current) {
      await tx
        .update(d)
        .set({ contentType, content, etag, updated: values.updated })
        .where(where(tenant, place, documentId));
    } else {
      const inserted = await tx.insert(d).values(values).onConflictDoNothing().returning({ etag: d.etag });
      // Created by someone else between our read and our insert: the precondition we checked is stale.
      if (!inserted.length) throw new AppError('VERSION_CONFLICT', { detail: 'the document was created at the same moment' });
    }
    return etag;
  });
}

/** DELETE of one document (with preconditions) or of every document at the place (State only). */
export async function deleteDocuments(
  ctx: RecordsContext,
  place: DocumentPlace,
  documentId: string | undefined,
  pre: Preconditions,
): Promise<void> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.write);
  const d = xapiDocuments;
  await ctx.db.transaction(async (tx) => {
    if (documentId !== undefined && (pre.ifMatch || pre.ifNoneMatch)) {
      const [current] = await tx
        .select({ etag: d.etag })
        .from(d)
        .where(where(tenant, place, documentId))
        .for('update');
      checkPreconditions(current, pre);
    }
    await tx.delete(d).where(where(tenant, place, documentId));
  });
}
