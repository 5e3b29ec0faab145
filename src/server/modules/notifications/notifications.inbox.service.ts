import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { NotificationPage } from '../../../shared/api/notifications.ts';
import { presentNotification } from './notifications.present.ts';
import { notifications } from './notifications.schema.ts';

/**
 * A user's own notifications. Every query is keyed by the actor's id, so nobody reads or marks another
 * person's messages; an id that is not the actor's answers 404 like a missing one.
 */
type Ctx = { db: Db; actor: Actor };

export async function listNotifications(ctx: Ctx, q: { unread?: boolean; limit: number; cursor?: string }): Promise<NotificationPage> {
  if (!ctx.actor.id) return { items: [], unreadCount: 0, nextCursor: null };
  const mine = eq(notifications.userId, ctx.actor.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(mine, q.unread ? eq(notifications.read, false) : undefined, q.cursor ? lt(notifications.id, q.cursor) : undefined))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const unreadCount = await ctx.db.$count(notifications, and(mine, eq(notifications.read, false)));
  return { items: page.map(presentNotification), unreadCount, nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function markNotificationRead(ctx: Ctx, id: string) {
  if (!ctx.actor.id) throw new AppError('NOT_FOUND');
  const updated = await ctx.db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)))
    .returning();
  if (!updated.length) throw new AppError('NOT_FOUND');
  return presentNotification(updated[0]);
}

export async function markAllNotificationsRead(ctx: Ctx) {
  if (!ctx.actor.id) return { updated: 0 };
  const rows = await ctx.db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.userId, ctx.actor.id), eq(notifications.read, false)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
