import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { NotificationPreferences, TNotificationPreferencesBody } from '../../../shared/api/notifications.ts';
import { NOTIFYING_MODULES } from '../../../shared/notifications.ts';
import { notificationPreferences } from './notifications.schema.ts';

type Ctx = { db: Db; actor: Actor; emailAvailable: boolean };

/** A person's own settings; someone without a row hears in-app only. */
export async function getNotificationPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  const userId = requireUser(ctx.actor);
  const [row] = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return present(ctx, row ?? null);
}

/** Replaces the settings. E-mail for a module needs an address; without one the module list is kept but unused. */
export async function setNotificationPreferences(ctx: Ctx, body: TNotificationPreferencesBody): Promise<NotificationPreferences> {
  const userId = requireUser(ctx.actor);
  const values = { email: body.email, emailModules: [...new Set(body.emailModules)].sort(), updatedAt: new Date() };
  const [row] = await ctx.db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values })
    .returning();
  return present(ctx, row);
}

function present(ctx: Ctx, row: typeof notificationPreferences.$inferSelect | null): NotificationPreferences {
  return {
    email: row?.email ?? null,
    emailModules: row?.emailModules ?? [],
    emailAvailable: ctx.emailAvailable,
    modules: [...NOTIFYING_MODULES],
  };
}

function requireUser(actor: Actor): string {
  if (!actor.id || actor.kind !== 'user') throw new AppError('FORBIDDEN');
  return actor.id;
}
