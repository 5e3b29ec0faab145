import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { xapiStatements } from '../records/records.schema.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { localDay } from './growth.calendar.ts';
import { growthPolicy } from './growth.policy.ts';
import { ensureRecord, type TermRow } from './growth.records.ts';
import { growthEvidence, growthTerms, growthXapiCursors, growthXapiRules } from './growth.schema.ts';
import type { StoredStatement } from '../../../lib/xapi/statement.types.ts';

/**
 * Evidence from the learning record store (issue §2): new xAPI statements of a school, matched by the
 * jurisdiction's rules (verb + activity type → dimension/indicator), become entries waiting for teacher
 * review. A cursor per school remembers the last statement read; re-running is a no-op (entries are
 * unique per student and statement id).
 */

export interface SchoolStatement {
  seq: number;
  statementId: string;
  verbId: string;
  stored: Date;
  statement: StoredStatement;
}

/**
 * ADAPTER — the records module exports no "statements of a school after position N" service yet, so
 * this one function reads its table directly. Replace its body with the records service call when it
 * exists; nothing else in growth touches `xapi_statements`.
 */
export async function readSchoolStatements(db: DbOrTx, schoolId: string, afterSeq: number, limit: number): Promise<SchoolStatement[]> {
  return db
    .select({
      seq: xapiStatements.seq,
      statementId: xapiStatements.statementId,
      verbId: xapiStatements.verbId,
      stored: xapiStatements.stored,
      statement: xapiStatements.statement,
    })
    .from(xapiStatements)
    .where(
      and(
        eq(xapiStatements.schoolId, schoolId),
        gt(xapiStatements.seq, afterSeq),
        eq(xapiStatements.voided, false),
        isNull(xapiStatements.voidsId),
      ),
    )
    .orderBy(asc(xapiStatements.seq))
    .limit(limit);
}

type Rule = typeof growthXapiRules.$inferSelect;

/** The most specific rule for a statement: one naming its activity type beats one for any type. */
export function matchRule(rules: Rule[], verbId: string, activityType: string | undefined): Rule | undefined {
  return (
    rules.find((r) => r.verbId === verbId && r.activityType !== null && r.activityType === activityType) ??
    rules.find((r) => r.verbId === verbId && r.activityType === null)
  );
}

/** The learner's handle in a statement: account name, else the mailbox's local part. */
export function learnerHandle(statement: StoredStatement): string | null {
  const actor = statement.actor as { account?: { name?: string }; mbox?: string };
  if (actor.account?.name) return actor.account.name.toLowerCase();
  if (actor.mbox)
    return actor.mbox
      .replace(/^mailto:/, '')
      .split('@')[0]
      .toLowerCase();
  return null;
}

function activityTitle(statement: StoredStatement): string {
  const object = statement.object as { id?: string; definition?: { name?: Record<string, string>; type?: string } };
  const names = object.definition?.name ?? {};
  return (
    names['zh-CN'] ??
    names['zh-HK'] ??
    names['zh-Hans'] ??
    names['zh-Hant'] ??
    names['en-US'] ??
    names.en ??
    Object.values(names)[0] ??
    object.id ??
    ''
  ).slice(0, 200);
}

async function termContaining(db: DbOrTx, schoolId: string, day: string): Promise<TermRow | null> {
  const [term] = await db
    .select()
    .from(growthTerms)
    .where(and(eq(growthTerms.schoolId, schoolId), lte(growthTerms.startsOn, day), gte(growthTerms.endsOn, day)))
    .limit(1);
  return term ?? null;
}

const PAGE = 500;

/**
 * Reads a school's new statements and creates evidence from the ones a rule maps. Runs as the given
 * actor (a teacher pressing "sync", or the system from a job). Returns what it did.
 */
export async function importXapiEvidence(db: Db, actor: Actor, schoolId: string) {
  const [school] = await db
    .select({ id: schools.id, jurisdictionId: schools.jurisdictionId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new AppError('NOT_FOUND');
  const rules = await db.select().from(growthXapiRules).where(eq(growthXapiRules.jurisdictionId, school.jurisdictionId));
  let read = 0;
  let created = 0;
  for (;;) {
    const page = await db.transaction(async (tx) => {
      await tx.insert(growthXapiCursors).values({ schoolId, lastSeq: 0 }).onConflictDoNothing();
      const [cursor] = await tx.select().from(growthXapiCursors).where(eq(growthXapiCursors.schoolId, schoolId)).for('update');
      const statements = await readSchoolStatements(tx, schoolId, cursor.lastSeq, PAGE);
      let made = 0;
      for (const s of statements) {
        const object = s.statement.object as { definition?: { type?: string } };
        const rule = matchRule(rules, s.verbId, object.definition?.type);
        const handle = learnerHandle(s.statement);
        if (!rule || !handle) continue;
        const [student] = await tx
          .select({ id: users.id })
          .from(users)
          .innerJoin(
            memberships,
            and(eq(memberships.userId, users.id), eq(memberships.role, 'student'), eq(memberships.schoolId, schoolId)),
          )
          .where(and(eq(users.schoolId, schoolId), or(eq(users.username, handle), sql`lower(${users.studentNumber}) = ${handle}`)))
          .limit(1);
        if (!student) continue;
        const when = new Date((s.statement as { timestamp?: string }).timestamp ?? s.stored);
        const term = await termContaining(tx, schoolId, localDay(when));
        if (!term) continue;
        const record = await ensureRecord(tx, term, student.id);
        if (record.stage !== 'recording') continue;
        const inserted = await tx
          .insert(growthEvidence)
          .values({
            recordId: record.id,
            studentId: student.id,
            schoolId,
            jurisdictionId: school.jurisdictionId,
            dimensionKey: rule.dimensionKey,
            indicatorKey: rule.indicatorKey,
            title: activityTitle(s.statement),
            description: '',
            language: 'zh-Hans',
            occurredOn: localDay(when),
            authorId: null,
            authorRole: 'system',
            source: 'xapi',
            sourceRef: s.statementId,
            reviewStatus: 'pending',
          })
          .onConflictDoNothing()
          .returning({ id: growthEvidence.id });
        made += inserted.length;
      }
      if (statements.length) {
        await tx
          .update(growthXapiCursors)
          .set({ lastSeq: statements[statements.length - 1].seq, updatedAt: new Date() })
          .where(eq(growthXapiCursors.schoolId, schoolId));
        await recordAudit(tx, actor, {
          action: 'growth.xapi.import',
          targetType: 'school',
          targetId: schoolId,
          jurisdictionId: school.jurisdictionId,
          schoolId,
          details: { read: statements.length, created: made },
        });
      }
      return { read: statements.length, made };
    });
    read += page.read;
    created += page.made;
    if (page.read < PAGE) break;
  }
  return { read, created };
}

/** "Sync from learning records" for a school's staff. */
export async function importXapiForSchool(ctx: { db: Db; actor: Actor }, schoolId: string) {
  requireRole(ctx.actor, growthPolicy.importXapi);
  await getSchoolInScope(ctx.db, ctx.actor, growthPolicy.importXapi, schoolId);
  return importXapiEvidence(ctx.db, ctx.actor, schoolId);
}
