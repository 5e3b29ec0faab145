import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Membership, Page, UserInput, UserSummary } from './types.ts';

export interface UserFilter {
  schoolId?: string;
  classId?: string;
  role?: string;
  q?: string;
}

export function useUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: ['users', filter],
    queryFn: ({ pageParam }) => api<Page<UserSummary>>('/api/v1/users', { query: { ...filter, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: Boolean(filter.schoolId),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => api<{ user: UserSummary; initialPassword: string }>('/api/v1/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (userId: string) => api<{ temporaryPassword: string }>(`/api/v1/users/${userId}/reset-password`, { method: 'POST' }),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<void>(`/api/v1/users/${userId}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useAddMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      ...body
    }: {
      userId: string;
      role: string;
      jurisdictionId: string;
      schoolId?: string;
      authorityUnitId?: string;
    }) => api<Membership>(`/api/v1/users/${userId}/memberships`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
