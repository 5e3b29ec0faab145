import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/api/common.ts';
import { ZNotificationPreferencesBody, ZNotificationsQuery } from '../../../shared/api/notifications.ts';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.inbox.service.ts';
import { getNotificationPreferences, setNotificationPreferences } from './notifications.preferences.service.ts';

export interface NotificationsRouteOptions {
  db: Db;
  /** True when the node has an SMTP server configured (EDUBRIDGE_SMTP_URL). */
  emailAvailable: boolean;
}

const tags = ['notifications'];
const truthy = (v?: string) => v === '1' || v === 'true';

/** The signed-in user's own notifications and how they want to receive them. */
export const notificationsRoutes: FastifyPluginAsyncZod<NotificationsRouteOptions> = async (app, { db, emailAvailable }) => {
  app.get(
    '/api/v1/notifications',
    { schema: { tags, summary: 'My notifications, newest first', querystring: ZNotificationsQuery } },
    async (request) => listNotifications({ db, actor: actorOf(request) }, { ...request.query, unread: truthy(request.query.unread) }),
  );
  app.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read' } }, async (request) =>
    markAllNotificationsRead({ db, actor: actorOf(request) }),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: ZIdParams } },
    async (request) => markNotificationRead({ db, actor: actorOf(request) }, request.params.id),
  );
  app.get('/api/v1/notifications/preferences', { schema: { tags, summary: 'How I receive notifications' } }, async (request) =>
    getNotificationPreferences({ db, actor: actorOf(request), emailAvailable }),
  );
  app.put(
    '/api/v1/notifications/preferences',
    { schema: { tags, summary: 'Set my e-mail address and which modules e-mail me', body: ZNotificationPreferencesBody } },
    async (request) => setNotificationPreferences({ db, actor: actorOf(request), emailAvailable }, request.body),
  );
};
