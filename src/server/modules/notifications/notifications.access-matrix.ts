import { notifications } from './notifications.schema.ts';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How notifications's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'notifications',
  async setup(ctx) {
    const teacher = await ctx.userId('gd-teacher');
    const [n] = await ctx.db
      .insert(notifications)
      .values({ userId: teacher, kind: 'library.matrix', data: { secret: 'matrix-notification-secret' } })
      .returning({ id: notifications.id });
    return { values: { notifications: n.id }, markers: [n.id, 'matrix-notification-secret'] };
  },
  routes: {
    'GET /api/v1/notifications': { kind: 'scoped-list' },
    'POST /api/v1/notifications/read-all': { kind: 'signed-in-self' },
    'POST /api/v1/notifications/:id/read': { kind: 'scoped' },
    'GET /api/v1/notifications/preferences': { kind: 'scoped-list' },
    'PUT /api/v1/notifications/preferences': { kind: 'scoped' },
  },
};
