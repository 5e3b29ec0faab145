import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GrowthAggregates,
  GrowthClassOverview,
  GrowthEvidenceView,
  GrowthFrameworkView,
  GrowthMyRecord,
  GrowthObjectionView,
  GrowthPublicityEntry,
  GrowthRecordDetail,
  GrowthSchoolDistribution,
  GrowthTermView,
  TCreateEvidenceBody,
} from '../../shared/api/growth.ts';
import { api } from './client.ts';

/** TanStack Query hooks for the growth record (docs/growth.md). Every write refreshes the growth views. */

const P = '/api/v1/growth';
const KEY = ['growth'] as const;

function useGrowthMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export function useMyGrowth(termId: string | undefined) {
  return useQuery({ queryKey: [...KEY, 'me', termId], queryFn: () => api<GrowthMyRecord>(`${P}/me`, { query: { termId } }) });
}

export function useGrowthRecord(recordId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'record', recordId],
    queryFn: () => api<GrowthRecordDetail>(`${P}/records/${recordId}`),
    enabled: Boolean(recordId),
  });
}

export interface MyClasses {
  classes: { id: string; name: string; schoolId: string; schoolYear: string; isClassTeacher: boolean }[];
  terms: (GrowthTermView & { current: boolean })[];
  principalOf: string[];
}

export function useMyClasses(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'my-classes'], queryFn: () => api<MyClasses>(`${P}/my-classes`), enabled });
}

export function useClassOverview(classId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'overview', classId, termId],
    queryFn: () => api<GrowthClassOverview>(`${P}/classes/${classId}/overview`, { query: { termId } }),
    enabled: Boolean(classId && termId),
  });
}

export function usePublicityBoard(classId: string | null | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'publicity', classId, termId],
    queryFn: () => api<{ items: GrowthPublicityEntry[] }>(`${P}/classes/${classId}/publicity`, { query: { termId } }),
    enabled: Boolean(classId && termId),
    select: (d) => d.items,
  });
}

export function useReviewQueue(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'review-queue'],
    queryFn: () =>
      api<{ items: (GrowthEvidenceView & { studentName: string; frameworkId: string })[]; frameworks: GrowthFrameworkView[] }>(
        `${P}/review-queue`,
        {
          query: { limit: 100 },
        },
      ),
    enabled,
  });
}

export function useObjections(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'objections'],
    queryFn: () => api<{ items: (GrowthObjectionView & { canResolve: boolean })[] }>(`${P}/objections`),
    enabled,
    select: (d) => d.items,
  });
}

export function useSchoolDistribution(schoolId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'distribution', schoolId, termId],
    queryFn: () => api<GrowthSchoolDistribution>(`${P}/schools/${schoolId}/distribution`, { query: { termId } }),
    enabled: Boolean(schoolId && termId),
  });
}

export function useAggregates(termCode: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'aggregates', termCode],
    queryFn: () => api<GrowthAggregates>(`${P}/aggregates`, { query: { termCode } }),
    enabled: Boolean(termCode),
  });
}

/** Creates an entry, then uploads its photos (each a separate multipart request). */
export function useAddEvidence() {
  return useGrowthMutation(async ({ body, files }: { body: TCreateEvidenceBody; files: File[] }) => {
    const created = await api<{ id: string }>(`${P}/evidence`, { method: 'POST', body });
    for (const file of files) {
      const form = new FormData();
      form.append('file', file, file.name);
      await api(`${P}/evidence/${created.id}/attachments`, { method: 'POST', body: form });
    }
    return created;
  });
}

export const useDeleteEvidence = () => useGrowthMutation((id: string) => api<void>(`${P}/evidence/${id}`, { method: 'DELETE' }));

export const useReview = () =>
  useGrowthMutation(({ id, decision, comment }: { id: string; decision: 'approved' | 'returned'; comment: string }) =>
    api(`${P}/evidence/${id}/review`, { method: 'POST', body: { decision, comment } }),
  );

export const usePeerResponse = () =>
  useGrowthMutation(({ id, accept }: { id: string; accept: boolean }) =>
    api(`${P}/evidence/${id}/peer-response`, { method: 'POST', body: { accept } }),
  );

export const useSubmitSelection = () =>
  useGrowthMutation(({ recordId, evidenceIds }: { recordId: string; evidenceIds: string[] }) =>
    api(`${P}/records/${recordId}/selection`, { method: 'POST', body: { evidenceIds } }),
  );

export const useReopen = () => useGrowthMutation((recordId: string) => api(`${P}/records/${recordId}/reopen`, { method: 'POST' }));
export const useConfirm = () => useGrowthMutation((recordId: string) => api(`${P}/records/${recordId}/confirm`, { method: 'POST' }));
export const useSign = () => useGrowthMutation((recordId: string) => api(`${P}/records/${recordId}/sign`, { method: 'POST' }));

export const useOpenPublicity = () =>
  useGrowthMutation(({ classId, termId }: { classId: string; termId: string }) =>
    api<{ opened: number; notHandedIn: number; publicityEndsAt: string }>(`${P}/classes/${classId}/publicity`, {
      method: 'POST',
      body: { termId },
    }),
  );

export const useSignClass = () =>
  useGrowthMutation(({ classId, termId }: { classId: string; termId: string }) =>
    api<{ signed: number; skipped: { recordId: string; student: string; code: string }[] }>(`${P}/classes/${classId}/sign`, {
      method: 'POST',
      body: { termId },
    }),
  );

export const useRaiseObjection = () =>
  useGrowthMutation(({ evidenceId, reason }: { evidenceId: string; reason: string }) =>
    api(`${P}/objections`, { method: 'POST', body: { evidenceId, reason } }),
  );

export const useResolveObjection = () =>
  useGrowthMutation(({ id, decision, reason }: { id: string; decision: 'upheld' | 'dismissed'; reason: string }) =>
    api(`${P}/objections/${id}/resolve`, { method: 'POST', body: { decision, reason } }),
  );

/** The report is a plain download: the browser sends the session cookie with the GET. */
export const reportUrl = (recordId: string) => `${P}/records/${recordId}/report.pdf`;
