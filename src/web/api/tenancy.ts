import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuthorityUnit, ClassInput, Jurisdiction, Page, School, SchoolClass, SchoolInput } from './types.ts';

export function useJurisdictions() {
  return useQuery({
    queryKey: ['jurisdictions'],
    queryFn: () => api<{ items: Jurisdiction[] }>('/api/v1/jurisdictions'),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useAuthorityUnits(jurisdictionId: string | undefined) {
  return useQuery({
    queryKey: ['authority-units', jurisdictionId],
    queryFn: () => api<{ items: AuthorityUnit[] }>('/api/v1/authority-units', { query: { jurisdictionId } }),
    enabled: Boolean(jurisdictionId),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export interface SchoolFilter {
  jurisdictionId?: string;
  authorityUnitId?: string;
  q?: string;
}

/** The school directory, page by page (cursor pagination, docs/api.md "Lists"). */
export function useSchools(filter: SchoolFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['schools', filter],
    queryFn: ({ pageParam }) => api<Page<School>>('/api/v1/schools', { query: { ...filter, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSchool(id: string | undefined) {
  return useQuery({
    queryKey: ['school', id],
    queryFn: () => api<School>(`/api/v1/schools/${id}`),
    enabled: Boolean(id),
  });
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchoolInput) => api<School>('/api/v1/schools', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['schools'] }),
  });
}

/** Sends `If-Match` with the version the form was loaded from; a lost race answers VERSION_CONFLICT. */
export function useUpdateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: Partial<SchoolInput> }) =>
      api<School>(`/api/v1/schools/${id}`, { method: 'PATCH', body: changes, headers: { 'If-Match': `"${version}"` } }),
    onSuccess: (school) => {
      queryClient.setQueryData(['school', school.id], school);
      return queryClient.invalidateQueries({ queryKey: ['schools'] });
    },
  });
}

export function useClasses(schoolId: string | undefined) {
  return useQuery({
    queryKey: ['classes', schoolId],
    queryFn: () => api<{ items: SchoolClass[] }>(`/api/v1/schools/${schoolId}/classes`),
    enabled: Boolean(schoolId),
    select: (data) => data.items,
  });
}

export function useCreateClass(schoolId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassInput) => api<SchoolClass>(`/api/v1/schools/${schoolId}/classes`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['classes', schoolId] }),
  });
}
