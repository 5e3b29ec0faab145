import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, reachesSchool, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { ZImportLine, type TImportLine } from '../../../shared/api/library.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { levelRank, type PublishLevel } from '../../../shared/library.ts';
import { anchorFor, reviewPlaceFor } from './library.levels.ts';
import { libraryPolicy, mayReview } from './library.policy.ts';
import { bump, schoolPlace, snapshot } from './library.resource-store.ts';
import { sanitiseBody } from './library.sanitise.ts';
import { resources } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

/**
 * Bulk import of resources from JSONL (one JSON object a line), idempotent by `externalId` within the
 * school: a new id is created, a changed one updated (a new version), an identical one left alone. Each good
 * line commits in its own transaction, so a bad line (reported with its line number) never stops the rest.
 */
export interface ImportOptions {
  schoolId: string;
  publishLevel: PublishLevel;
  /** Who the imported resources are by (the importing user, or for the CLI a staff member of the school). */
  authorId: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: (FieldProblem & { line: number })[];
  items: { line: number; externalId: string; id: string; outcome: 'created' | 'updated' | 'unchanged' }[];
}

/** HTTP entry: an importer (school_admin, principal, bureau or platform admin) of a school they reach. */
export async function importResourcesAsActor(
  ctx: { db: Db; actor: Actor },
  text: string,
  opts: { schoolId?: string; publishLevel: PublishLevel },
): Promise<ImportReport> {
  const places = placesFor(ctx.actor, libraryPolicy.importer);
  if (!places.length || !ctx.actor.id) throw new AppError('FORBIDDEN');
  const schoolId = opts.schoolId ?? places.find((p) => p.schoolId)?.schoolId;
  if (!schoolId)
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'query.schoolId', code: 'required', message: 'name the school' }] });
  const [school] = await ctx.db.select().from(schools).where(eq(schools.id, schoolId));
  if (!school || !reachesSchool(ctx.actor, libraryPolicy.importer, school)) throw new AppError('NOT_FOUND');
  // Importing straight to a level above the school is publishing without review: only that level's reviewers.
  if (
    levelRank(opts.publishLevel) > levelRank('school') &&
    !mayReview(ctx.actor, await reviewPlaceFor(ctx.db, school, opts.publishLevel))
  ) {
    throw new AppError('FORBIDDEN');
  }
  return importResources(ctx.db, ctx.actor, text, { schoolId, publishLevel: opts.publishLevel, authorId: ctx.actor.id });
}

/** CLI entry: the operator names the school by code; resources are by the given user or a staff member there. */
export async function importResourcesForSchoolCode(
  db: Db,
  actor: Actor,
  text: string,
  opts: { schoolCode: string; publishLevel: PublishLevel; authorUsername?: string },
): Promise<ImportReport> {
  const [school] = await db.select().from(schools).where(eq(schools.code, opts.schoolCode));
  if (!school) throw new AppError('NOT_FOUND', { detail: `no school with code ${opts.schoolCode}` });
  let authorId: string | undefined;
  if (opts.authorUsername) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, opts.authorUsername));
    if (!u) throw new AppError('NOT_FOUND', { detail: `no user ${opts.authorUsername}` });
    authorId = u.id;
  }
  if (!authorId) {
    const staff = await db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.schoolId, school.id));
    const order = ['school_admin', 'principal', 'teacher'];
    authorId = staff.filter((s) => order.includes(s.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))[0]?.userId;
  }
  if (!authorId) throw new AppError('VALIDATION_FAILED', { detail: 'the school has no staff to name as author; pass --author' });
  return importResources(db, actor, text, { schoolId: school.id, publishLevel: opts.publishLevel, authorId });
}

export async function importResources(db: Db, actor: Actor, text: string, opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [], items: [] };
  const school = await schoolPlace(db, opts.schoolId);
  const anchorUnitId = await anchorFor(db, school, opts.publishLevel);
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1;
    if (!raw.trim()) continue;
    seen++;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      report.failed++;
      report.errors.push({ line: lineNo, path: `line ${lineNo}`, code: 'invalid_json', message: (e as Error).message });
      continue;
    }
    const parsed = ZImportLine.safeParse(json);
    if (!parsed.success) {
      report.failed++;
      for (const issue of parsed.error.issues) {
        report.errors.push({
          line: lineNo,
          path: `line ${lineNo}: ${issue.path.join('.') || '(line)'}`,
          code: issue.code,
          message: issue.message,
        });
      }
      continue;
    }
    try {
      const { id, outcome } = await importLine(db, actor, parsed.data, opts, anchorUnitId, school.jurisdictionId);
      report[outcome]++;
      report.items.push({ line: lineNo, externalId: parsed.data.externalId, id, outcome });
    } catch (e) {
      report.failed++;
      report.errors.push({ line: lineNo, path: `line ${lineNo}`, code: 'not_saved', message: (e as Error).message });
    }
  }
  if (!seen) throw new AppError('LIBRARY_IMPORT_EMPTY');
  return report;
}

async function importLine(
  db: Db,
  actor: Actor,
  line: TImportLine,
  opts: ImportOptions,
  anchorUnitId: string | null,
  jurisdictionId: string,
) {
  const fields = {
    title: line.title,
    summary: line.summary,
    bodyHtml: sanitiseBody(line.body),
    language: line.language,
    subject: line.subject,
    gradeBand: line.gradeBand,
    keywords: line.keywords,
    licence: line.licence,
  };
  const audience =
    opts.publishLevel === 'private'
      ? { publishLevel: 'private' as const, status: 'draft' as const, anchorUnitId: null }
      : { publishLevel: opts.publishLevel, status: 'published' as const, anchorUnitId };
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(resources)
      .where(and(eq(resources.schoolId, opts.schoolId), eq(resources.externalId, line.externalId)))
      .for('update');
    let id: string;
    let outcome: 'created' | 'updated' | 'unchanged';
    if (!existing) {
      const [r] = await tx
        .insert(resources)
        .values({
          ...fields,
          ...audience,
          externalId: line.externalId,
          schoolId: opts.schoolId,
          jurisdictionId,
          authorId: opts.authorId,
          publishedAt: audience.status === 'published' ? new Date() : null,
        })
        .returning({ id: resources.id });
      id = r.id;
      outcome = 'created';
      await snapshot(tx, id, 'import', actor.id);
    } else {
      id = existing.id;
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => JSON.stringify(existing[k]) === JSON.stringify(fields[k]));
      if (same) return { id, outcome: 'unchanged' as const };
      await bump(tx, id, fields);
      await snapshot(tx, id, 'import', actor.id);
      outcome = 'updated';
    }
    await reindexResource(tx, id);
    await recordAudit(tx, actor, {
      action: `resource.import.${outcome}`,
      targetType: 'resource',
      targetId: id,
      jurisdictionId,
      schoolId: opts.schoolId,
      details: { externalId: line.externalId, level: opts.publishLevel },
    });
    return { id, outcome };
  });
}
