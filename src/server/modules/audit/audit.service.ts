import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditEntries } from './audit.schema.ts';
import { rowsInScope, requireRole, type Actor } from '../identity/identity.access.ts';
import { auditPolicy } from './audit.policy.ts';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  jurisdictionId?: string | null;
  schoolId?: string | null;
  /** What changed; never secrets or passwords. */
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** Anything that can run SQL: a Drizzle database or transaction. */
type Executor = Pick<DbOrTx, 'execute' | 'select' | 'insert'>;

/**
 * Appends one entry to the chain. Call it inside the transaction of the change it records, so the two
 * commit or vanish together. A transaction-scoped advisory lock serialises appenders; it is taken last in
 * the transaction, so the lock is held only for the insert.
 */
export async function recordAudit(tx: Executor, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(724001)`);
  const [last] = await tx
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actorUsername: actor.username,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    jurisdictionId: event.jurisdictionId ?? null,
    schoolId: event.schoolId ?? null,
    requestId: actor.requestId ?? null,
    details: event.details ?? {},
    prevHash: last?.hash ?? GENESIS,
  };
  await tx.insert(auditEntries).values({ ...entry, hash: hashEntry(entry) });
}

interface HashableEntry {
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  jurisdictionId: string | null;
  schoolId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the entry: jsonb reorders keys, JCS makes that irrelevant. */
export function hashEntry(e: HashableEntry): string {
  const canonical = canonicalize({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    jurisdictionId: e.jurisdictionId,
    schoolId: e.schoolId,
    requestId: e.requestId,
    details: e.details,
    prevHash: e.prevHash,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry whose content, link or sequence is wrong. */
  firstBadSeq: number | null;
  reason: 'hash_mismatch' | 'broken_link' | 'gap_in_sequence' | null;
}

/** Walks the whole chain in pages; detects an edited row, a deleted row, and an inserted row. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(gte(auditEntries.seq, expectedSeq))
      .orderBy(asc(auditEntries.seq))
      .limit(pageSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: 'gap_in_sequence' };
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'broken_link' };
      if (hashEntry(row) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBadSeq: null, reason: null };
  }
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** The seq to continue below (newest first). */
  cursor?: number;
}

/** Newest first, limited to what the actor's memberships reach. */
export async function listAuditEntries(ctx: { db: DbOrTx; actor: Actor }, q: AuditQuery) {
  requireRole(ctx.actor, auditPolicy.read);
  const where: (SQL | undefined)[] = [
    rowsInScope(ctx.actor, auditPolicy.read, { schoolId: auditEntries.schoolId, jurisdictionId: auditEntries.jurisdictionId }),
    q.action ? eq(auditEntries.action, q.action) : undefined,
    q.actorId ? eq(auditEntries.actorId, q.actorId) : undefined,
    q.targetType ? eq(auditEntries.targetType, q.targetType) : undefined,
    q.targetId ? eq(auditEntries.targetId, q.targetId) : undefined,
    q.from ? gte(auditEntries.at, q.from) : undefined,
    q.to ? lte(auditEntries.at, q.to) : undefined,
    q.cursor ? lt(auditEntries.seq, q.cursor) : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(auditEntries)
    .where(and(...where))
    .orderBy(desc(auditEntries.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page, nextCursor: rows.length > q.limit ? String(page[page.length - 1].seq) : null };
}
