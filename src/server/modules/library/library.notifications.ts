import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { notifications } from './library.schema.ts';

/**
 * Minimal in-app notifications: every review step tells the author (and a submission tells nobody by
 * mail — the reviewers' queue is their inbox). Kinds are stable keys the UI translates under
 * `library.notifications.<kind>` with `data` as the values.
 */
export type NotificationKind =
  'library.submitted' | 'library.approved' | 'library.returned' | 'library.withdrawn' | 'library.adapted' | 'library.rated';

export async function notify(
  tx: DbOrTx,
  userId: string,
  kind: NotificationKind,
  data: { resourceId?: string; [key: string]: unknown },
): Promise<void> {
  const { resourceId, ...rest } = data;
  await tx.insert(notifications).values({ userId, kind, resourceId: resourceId ?? null, data: rest });
}

export function presentNotification(n: typeof notifications.$inferSelect) {
  return { id: n.id, kind: n.kind, resourceId: n.resourceId, data: n.data, read: n.read, createdAt: n.createdAt.toISOString() };
}

export async function listNotifications(ctx: { db: Db; actor: Actor }, q: { unread?: boolean; limit: number; cursor?: string }) {
  if (!ctx.actor.id) return { items: [], unreadCount: 0, nextCursor: null };
  const mine = eq(notifications.userId, ctx.actor.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(mine, q.unread ? eq(notifications.read, false) : undefined, q.cursor ? lt(notifications.id, q.cursor) : undefined))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const unread = await ctx.db.$count(notifications, and(mine, eq(notifications.read, false)));
  return { items: page.map(presentNotification), unreadCount: unread, nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function markNotificationRead(ctx: { db: Db; actor: Actor }, id: string) {
  const updated = await ctx.db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id ?? '00000000-0000-0000-0000-000000000000')))
    .returning();
  if (!updated.length) throw new AppError('NOT_FOUND');
  return presentNotification(updated[0]);
}

export async function markAllNotificationsRead(ctx: { db: Db; actor: Actor }) {
  if (!ctx.actor.id) return { updated: 0 };
  const rows = await ctx.db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.userId, ctx.actor.id), eq(notifications.read, false)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
