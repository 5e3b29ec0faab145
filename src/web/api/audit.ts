import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditEntry, AuditVerifyResult, Page } from './types.ts';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => api<Page<AuditEntry>>('/api/v1/audit', { query: { ...filter, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Re-hashes the whole audit chain on the server (platform_admin). A mutation: the user asks for it. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerifyResult>('/api/v1/audit/verify') });
}
