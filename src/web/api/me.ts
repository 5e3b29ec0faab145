import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { UiLanguage } from '../../shared/languages.ts';
import { api, ApiError } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['me'] as const;

/**
 * The signed-in user, or `null` when there is no session (401 is an answer here, not an error), so the
 * router can send the visitor to the login page.
 */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/api/v1/me');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'AUTH_REQUIRED') return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Drops every cached answer except the current-user query, so a previous user's lists never show to the
 * next one on a shared staff-room computer. The `me` query itself is kept (and overwritten): components
 * mounted for the whole session observe it, and `clear()` would leave them watching a discarded query.
 */
function forgetEverythingBut(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body }),
    onSuccess: ({ user }) => {
      forgetEverythingBut(queryClient);
      queryClient.setQueryData(meKey, user);
    },
  });
}

function useSignOut(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(path, { method: 'POST' }),
    onSettled: () => {
      forgetEverythingBut(queryClient);
      queryClient.setQueryData(meKey, null);
    },
  });
}

export const useLogout = () => useSignOut('/api/v1/auth/logout');
export const useLogoutEverywhere = () => useSignOut('/api/v1/auth/logout-all');

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; locale?: UiLanguage }) => api<Me>('/api/v1/me', { method: 'PATCH', body }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('/api/v1/me/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
