import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationPreferences, TNotificationPreferencesBody } from '../../shared/api/notifications.ts';
import { api } from './client.ts';

/** Hooks over /api/v1/notifications (modules/notifications on the server). */
export const notificationKeys = {
  all: ['notifications'] as const,
  bell: ['notifications', 'bell'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The header bell: the newest notifications and the unread count, refreshed every minute. */
export function useBellNotifications() {
  return useQuery({
    queryKey: notificationKeys.bell,
    queryFn: ({ signal }) => api<NotificationPage>('/api/v1/notifications', { query: { limit: 10 }, signal }),
    refetchInterval: 60_000,
    retry: false,
  });
}

/** All my notifications, page by page ("load more"). */
export function useNotificationList(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    queryFn: ({ pageParam, signal }) =>
      api<NotificationPage>('/api/v1/notifications', {
        query: { limit: 30, unread: unread ? '1' : undefined, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api<unknown>(id === 'all' ? '/api/v1/notifications/read-all' : `/api/v1/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api<NotificationPreferences>('/api/v1/notifications/preferences', { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNotificationPreferencesBody) =>
      api<NotificationPreferences>('/api/v1/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
