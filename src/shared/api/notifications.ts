import { z } from 'zod';
import { ZCursor, ZLimit } from './common.ts';

export const ZNotificationsQuery = z.object({
  unread: z.enum(['1', 'true', '0', 'false']).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

/** A module name as it prefixes notification kinds (`library`, `training`, `network`…). */
export const ZModuleName = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/);

/** In-app notifications are always on; e-mail is opt-in per module, to the address given. */
export const ZNotificationPreferencesBody = z.object({
  email: z.email().max(254).nullable(),
  emailModules: z.array(ZModuleName).max(30),
});
export type TNotificationPreferencesBody = z.infer<typeof ZNotificationPreferencesBody>;

export interface NotificationItem {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
  /** Kept for library notifications written before `link` existed. */
  resourceId: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationItem[];
  unreadCount: number;
  nextCursor: string | null;
}

export interface NotificationPreferences {
  email: string | null;
  emailModules: string[];
  /** False when the node has no SMTP server configured: the page then offers in-app only. */
  emailAvailable: boolean;
  /** Modules that send notifications, for the per-module switches. */
  modules: string[];
}
