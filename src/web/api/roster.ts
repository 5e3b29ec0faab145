import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { RosterCommitResult, RosterImportReport } from './types.ts';

/** Uploads roster file(s) for a dry run: nothing changes until the import is committed. */
export function useRosterDryRun(schoolId: string | undefined) {
  return useMutation({
    mutationFn: (files: File[]) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return api<RosterImportReport>(`/api/v1/schools/${schoolId}/roster-imports`, { method: 'POST', body: form });
    },
  });
}

export function useRosterCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => api<RosterCommitResult>(`/api/v1/roster-imports/${importId}/commit`, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['users'] }), queryClient.invalidateQueries({ queryKey: ['classes'] })]),
  });
}
