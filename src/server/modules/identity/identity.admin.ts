import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from './identity.access.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './identity.passwords.ts';
import { memberships, passwordCredentials, users } from './identity.schema.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';

/** `edubridge admin create`: the first administrator of a node, made from the shell by the operator. */
export async function createPlatformAdmin(
  db: Db,
  input: { username: string; displayName: string; jurisdictionCodes: string[]; password?: string },
): Promise<{ username: string; generatedPassword: string | null }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) throw new Error('username: use 2–63 letters, digits, dot, dash or underscore');
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const js = await db.select().from(jurisdictions).where(inArray(jurisdictions.code, input.jurisdictionCodes));
  const unknown = input.jurisdictionCodes.filter((c) => !js.some((j) => j.code === c));
  if (unknown.length || !js.length) throw new Error(`unknown jurisdiction(s): ${unknown.join(', ') || '(none given)'}`);
  const generatedPassword = input.password === undefined ? generatePassword(16) : null;
  const hash = await hashPassword(input.password ?? generatedPassword!);
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new Error(`username ${username} is taken`);
    const [u] = await tx
      .insert(users)
      .values({ username, displayName: input.displayName, jurisdictionId: js[0].id, mustChangePassword: generatedPassword !== null })
      .returning({ id: users.id });
    await tx.insert(passwordCredentials).values({ userId: u.id, hash });
    for (const j of js) await tx.insert(memberships).values({ userId: u.id, role: 'platform_admin', jurisdictionId: j.id });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create_admin',
      targetType: 'user',
      targetId: u.id,
      jurisdictionId: js[0].id,
      details: { username, jurisdictions: js.map((j) => j.code), via: 'cli' },
    });
  });
  return { username, generatedPassword };
}
