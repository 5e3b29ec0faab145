import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../shared/api/notifications.ts';
import { notificationTextKey, notificationValues } from '../../../shared/notifications.ts';

/**
 * A notification in words: kind `<module>.<event>` looked up as `<module>.notifications.<event>`, with the
 * notification's data as values (the same rule the server's e-mail uses). A kind whose module has not added
 * its text yet reads "You have a new notification" rather than a raw key.
 */
export function useNotificationText(): (n: Pick<NotificationItem, 'kind' | 'data'>) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (n) => {
      const key = notificationTextKey(n.kind);
      const translate = (k: string) => (i18n.exists(k) ? t(k) : undefined);
      const values = notificationValues(n.kind, n.data, translate);
      return key && i18n.exists(key) ? t(key, values) : t('notifications.fallback');
    },
    [t, i18n],
  );
}

/** Where a click on the notification goes: its link, or for old library notices the resource. */
export function notificationTarget(n: Pick<NotificationItem, 'link' | 'resourceId'>): string | null {
  return n.link ?? (n.resourceId ? `/library/resources/${n.resourceId}` : null);
}
