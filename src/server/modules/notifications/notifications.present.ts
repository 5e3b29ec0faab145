import type { NotificationItem } from '../../../shared/api/notifications.ts';
import type { NotificationRow } from './notifications.schema.ts';

/** Row → API. Library rows written before `link` existed still open their resource. */
export function presentNotification(n: NotificationRow): NotificationItem {
  const resourceId = n.resourceId ?? (typeof n.data.resourceId === 'string' ? n.data.resourceId : null);
  return {
    id: n.id,
    kind: n.kind,
    data: n.data,
    link: n.link ?? (n.resourceId ? `/library/resources/${n.resourceId}` : null),
    resourceId,
    read: n.read,
    createdAt: n.createdAt.toISOString(),
  };
}
