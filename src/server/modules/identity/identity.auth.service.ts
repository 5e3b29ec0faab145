import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from './identity.access.ts';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './identity.passwords.ts';
import { passwordCredentials, users } from './identity.schema.ts';
import { createSession, endAllSessions, endSession, type NewSession } from './identity.sessions.ts';
import type { UiLanguage } from '../../../shared/languages.ts';

/** Five wrong passwords lock the account for fifteen minutes (OWASP ASVS 2.2.1). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
  requestId?: string;
  /** A session token presented with the login; it is ended so the id rotates. */
  previousToken?: string;
}

/**
 * Checks the password and opens a fresh session. Failures are counted, audited and answered the same way
 * whether or not the username exists.
 */
export async function login(db: Db, input: LoginInput): Promise<{ userId: string; session: NewSession }> {
  const username = input.username.trim().toLowerCase();
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      status: users.status,
      lockedUntil: users.lockedUntil,
      failedLogins: users.failedLogins,
      jurisdictionId: users.jurisdictionId,
      schoolId: users.schoolId,
      hash: passwordCredentials.hash,
    })
    .from(users)
    .leftJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(users.username, username))
    .limit(1);

  const actor: Actor = { kind: 'user', id: user?.id ?? null, username, memberships: [], requestId: input.requestId };
  if (!user || !user.hash) {
    await verifyPassword(await decoyHash(), input.password);
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'auth.login_failed', details: { reason: 'unknown_user' } }));
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const scope = { jurisdictionId: user.jurisdictionId, schoolId: user.schoolId, targetType: 'user', targetId: user.id };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'auth.login_refused', ...scope, details: { reason: 'locked' } }));
    throw new AppError('AUTH_ACCOUNT_LOCKED', {
      headers: { 'retry-after': String(Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000)) },
    });
  }
  if (user.status !== 'active') {
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'auth.login_refused', ...scope, details: { reason: 'disabled' } }));
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.hash, input.password))) {
    await db.transaction(async (tx) => {
      // Counted in SQL so two parallel guesses cannot both read the old count.
      const [after] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      const locks = after.failedLogins >= MAX_FAILED_LOGINS;
      if (locks) {
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: new Date(Date.now() + LOCKOUT_MS) })
          .where(eq(users.id, user.id));
      }
      await recordAudit(tx, actor, {
        action: locks ? 'auth.locked' : 'auth.login_failed',
        ...scope,
        details: { reason: 'wrong_password' },
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const session = await db.transaction(async (tx) => {
    if (input.previousToken) await endSession(tx, input.previousToken);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const s = await createSession(tx, user.id, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, actor, { action: 'auth.login', ...scope, details: { ip: input.ip ?? null } });
    return s;
  });
  return { userId: user.id, session };
}

export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await endSession(tx, token);
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.id ?? undefined });
  });
}

export async function logoutEverywhere(db: Db, actor: Actor): Promise<void> {
  if (!actor.id) throw new AppError('AUTH_REQUIRED');
  const userId = actor.id;
  await db.transaction(async (tx) => {
    await endAllSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'auth.logout_all', targetType: 'user', targetId: userId });
  });
}

export async function updateOwnProfile(db: Db, actor: Actor, patch: { displayName?: string; locale?: UiLanguage }) {
  if (!actor.id) throw new AppError('AUTH_REQUIRED');
  const userId = actor.id;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, userId));
    if (patch.displayName !== undefined) {
      await recordAudit(tx, actor, {
        action: 'user.profile_update',
        targetType: 'user',
        targetId: userId,
        details: { fields: Object.keys(patch) },
      });
    }
  });
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: { ip?: string; userAgent?: string } = {},
): Promise<NewSession> {
  if (!actor.id) throw new AppError('AUTH_REQUIRED');
  const userId = actor.id;
  if (input.newPassword.length < MIN_PASSWORD_LENGTH || input.newPassword === input.currentPassword) {
    throw new AppError('AUTH_WEAK_PASSWORD');
  }
  const [cred] = await db.select().from(passwordCredentials).where(eq(passwordCredentials.userId, userId));
  if (!cred || !(await verifyPassword(cred.hash, input.currentPassword))) throw new AppError('AUTH_WRONG_PASSWORD');
  const hash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(passwordCredentials).set({ hash, changedAt: new Date() }).where(eq(passwordCredentials.userId, userId));
    await tx.update(users).set({ mustChangePassword: false }).where(eq(users.id, userId));
    // Every session ends, this one included (a fresh one replaces it): a changed password must lock out
    // whoever else had it.
    await endAllSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'auth.password_change', targetType: 'user', targetId: userId });
    return createSession(tx, userId, meta);
  });
}
