import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { visibleWhere } from '../search/search.visibility.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { resourceFiles, resources, resourceVersions, type ResourceRow, type VersionFile } from './library.schema.ts';

/**
 * Shared reads and writes of the resource aggregate, used by every library use case. Reads go through the
 * visibility rule in the WHERE clause; an invisible resource is NOT_FOUND, like a missing one.
 */

export const resourceAudience = {
  publishLevel: resources.publishLevel,
  status: resources.status,
  authorId: resources.authorId,
  schoolId: resources.schoolId,
  jurisdictionId: resources.jurisdictionId,
  anchorUnitId: resources.anchorUnitId,
};

/** A resource the actor may see, or NOT_FOUND. */
export async function loadVisible(db: DbOrTx, actor: Actor | null, id: string): Promise<ResourceRow> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.id, id), visibleWhere(actor, resourceAudience)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * A resource the actor wrote, locked for update in `tx`, at the expected version (412 otherwise). Others'
 * resources answer NOT_FOUND when invisible and FORBIDDEN when visible.
 */
export async function loadOwnForUpdate(tx: DbOrTx, actor: Actor, id: string, expectedVersion?: number): Promise<ResourceRow> {
  const [row] = await tx
    .select()
    .from(resources)
    .where(and(eq(resources.id, id), visibleWhere(actor, resourceAudience)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (row.authorId !== actor.id) throw new AppError('FORBIDDEN');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('VERSION_CONFLICT');
  return row;
}

export async function schoolPlace(db: DbOrTx, schoolId: string) {
  const [s] = await db
    .select({ id: schools.id, jurisdictionId: schools.jurisdictionId, authorityPath: schools.authorityPath, code: schools.code })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/** The files currently listed on a resource, oldest first. */
export async function currentFiles(db: DbOrTx, resourceId: string) {
  return db
    .select()
    .from(resourceFiles)
    .where(and(eq(resourceFiles.resourceId, resourceId), isNull(resourceFiles.removedAt)))
    .orderBy(asc(resourceFiles.createdAt), asc(resourceFiles.id));
}

export const metadataOf = (r: ResourceRow) => ({
  language: r.language,
  subject: r.subject,
  gradeBand: r.gradeBand,
  grades: r.grades,
  aiCompetencies: r.aiCompetencies,
  licence: r.licence,
});

/**
 * Writes the version snapshot of the resource as it now stands (every save is a version). The caller has
 * already bumped `resources.version`; the snapshot takes that number.
 */
export async function snapshot(tx: DbOrTx, resourceId: string, change: string, actorId: string | null): Promise<void> {
  const [r] = await tx.select().from(resources).where(eq(resources.id, resourceId));
  const files: VersionFile[] = (await currentFiles(tx, resourceId)).map((f) => ({
    fileId: f.id,
    filename: f.filename,
    mediaType: f.mediaType,
    size: f.size,
    sha256: f.sha256,
  }));
  await tx.insert(resourceVersions).values({
    resourceId,
    number: r.version,
    title: r.title,
    summary: r.summary,
    bodyHtml: r.bodyHtml,
    keywords: r.keywords,
    metadata: metadataOf(r),
    files,
    change,
    createdBy: actorId,
  });
}

/** Bumps the version (and updatedAt) of a resource with extra column changes; returns the new version. */
export async function bump(tx: DbOrTx, id: string, set: Partial<typeof resources.$inferInsert> = {}): Promise<number> {
  const [r] = await tx
    .update(resources)
    .set({ ...set, version: sql`${resources.version} + 1`, updatedAt: new Date() })
    .where(eq(resources.id, id))
    .returning({ version: resources.version });
  return r.version;
}

/** A list cursor is the last id of the previous page; anything else is a bad request, not a 500. */
export function idCursor(cursor: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cursor)) {
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'query.cursor', code: 'invalid_format', message: 'unknown cursor' }] });
  }
  return cursor;
}
