import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { classEnrollments, users } from '../identity/identity.schema.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { localDay } from './growth.calendar.ts';
import { relationTo, studentRowsInScope, type Relation } from './growth.access.ts';
import { growthEvidence, growthFrameworks, growthRecords, growthTerms } from './growth.schema.ts';

/**
 * Building blocks the growth use cases share: finding a record within the reader's scope, opening one,
 * and the one rule every write obeys — nothing changes once the archive is signed.
 */

export type RecordRow = typeof growthRecords.$inferSelect;
export type TermRow = typeof growthTerms.$inferSelect;
export type EvidenceRow = typeof growthEvidence.$inferSelect;

/** A record the actor may read (scope in the WHERE clause); NOT_FOUND otherwise, as for a missing one. */
export async function recordInScope(db: DbOrTx, actor: Actor, recordId: string, lock = false): Promise<RecordRow> {
  const query = db
    .select()
    .from(growthRecords)
    .where(and(eq(growthRecords.id, recordId), studentRowsInScope(actor, growthRecords)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** An evidence entry the actor may read, with its record (locked for a write). */
export async function evidenceInScope(db: DbOrTx, actor: Actor, evidenceId: string, lock = false) {
  const [evidence] = await db
    .select()
    .from(growthEvidence)
    .where(and(eq(growthEvidence.id, evidenceId), studentRowsInScope(actor, growthEvidence)));
  if (!evidence) throw new AppError('NOT_FOUND');
  const record = await recordInScope(db, actor, evidence.recordId, lock);
  return { evidence, record };
}

/**
 * The archive rule (issue §3, "形成档案 … then read-only"): every write path calls this first, with the
 * record row locked, so a write racing a signature loses.
 */
export function assertWritable(record: RecordRow): void {
  if (record.stage === 'archived' || record.principalSignedAt) throw new AppError('GROWTH_RECORD_ARCHIVED');
}

export async function relationToRecord(db: DbOrTx, actor: Actor, record: RecordRow): Promise<Relation> {
  return relationTo(db, actor, { studentId: record.studentId, schoolId: record.schoolId, classId: record.classId });
}

export async function termById(db: DbOrTx, termId: string): Promise<TermRow> {
  const [term] = await db.select().from(growthTerms).where(eq(growthTerms.id, termId));
  if (!term) throw new AppError('NOT_FOUND');
  return term;
}

export async function frameworkOf(db: DbOrTx, term: TermRow) {
  const [framework] = await db.select().from(growthFrameworks).where(eq(growthFrameworks.id, term.frameworkId));
  return framework;
}

/**
 * The term a date falls in at a school; else the latest term that has started; else the first one to
 * come. Null when the school has opened none.
 */
export async function termAt(db: DbOrTx, schoolId: string, at: Date): Promise<TermRow | null> {
  const day = localDay(at);
  const [inside] = await db
    .select()
    .from(growthTerms)
    .where(and(eq(growthTerms.schoolId, schoolId), lte(growthTerms.startsOn, day), gte(growthTerms.endsOn, day)))
    .orderBy(desc(growthTerms.startsOn))
    .limit(1);
  if (inside) return inside;
  const [started] = await db
    .select()
    .from(growthTerms)
    .where(and(eq(growthTerms.schoolId, schoolId), lte(growthTerms.startsOn, day)))
    .orderBy(desc(growthTerms.startsOn))
    .limit(1);
  if (started) return started;
  const [next] = await db.select().from(growthTerms).where(eq(growthTerms.schoolId, schoolId)).orderBy(asc(growthTerms.startsOn)).limit(1);
  return next ?? null;
}

/** The student's class at the school (the newest school year), recorded on the record when opened. */
async function classOfStudent(db: DbOrTx, studentId: string, schoolId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: classes.id })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(and(eq(classEnrollments.userId, studentId), eq(classEnrollments.schoolId, schoolId), eq(classEnrollments.role, 'student')))
    .orderBy(desc(classes.schoolYear))
    .limit(1);
  return row?.id ?? null;
}

/** The student's record of a term, opened on first use (idempotent under races: unique term + student). */
export async function ensureRecord(db: DbOrTx, term: TermRow, studentId: string): Promise<RecordRow> {
  const [existing] = await db
    .select()
    .from(growthRecords)
    .where(and(eq(growthRecords.termId, term.id), eq(growthRecords.studentId, studentId)))
    .for('update');
  if (existing) return existing;
  const classId = await classOfStudent(db, studentId, term.schoolId);
  await db
    .insert(growthRecords)
    .values({ termId: term.id, studentId, classId, schoolId: term.schoolId, jurisdictionId: term.jurisdictionId })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(growthRecords)
    .where(and(eq(growthRecords.termId, term.id), eq(growthRecords.studentId, studentId)))
    .for('update');
  return row;
}

/** Display names of the people a view mentions, in one query. */
export async function displayNames(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Bumps the record's version and touch time: every stage change goes through here. */
export const bumpRecord = { version: sql`${growthRecords.version} + 1`, updatedAt: sql`now()` };
