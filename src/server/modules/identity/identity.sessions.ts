import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { memberships, sessions, users } from './identity.schema.ts';
import type { Actor, MembershipPlace } from './identity.access.ts';

/** A session lives 7 days at most and ends after 24 hours without use. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 24 * 3600 * 1000;
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(tx: DbOrTx, userId: string, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_MS);
  await tx.insert(sessions).values({
    id: sessionIdOf(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export async function endSession(tx: DbOrTx, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
}

export async function endAllSessions(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  locale: string;
}

/** The signed-in actor behind a cookie token, or null when unknown, expired, idle too long or disabled. */
export async function resolveSession(db: DbOrTx, token: string): Promise<ResolvedSession | null> {
  const now = new Date();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      locale: users.locale,
      // Memberships come in the same round trip: this runs on every request.
      places: sql<MembershipPlace[]>`coalesce((
        select json_agg(json_build_object('role', m.role, 'jurisdictionId', m.jurisdiction_id,
          'authorityUnitId', m.authority_unit_id, 'schoolId', m.school_id))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionIdOf(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return {
    actor: { kind: 'user', id: row.userId, username: row.username, memberships: row.places },
    csrfToken: row.csrfToken,
    locale: row.locale,
  };
}

/** Housekeeping for the job runner: expired sessions go. */
export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
