import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CollabComment, CollabDocumentAccess, CollabSnapshot, CollabThread, CreateCommentBody } from '../../../shared/api/collab.ts';
import { api } from '../../api/client.ts';

/** Hooks over /api/v1/collab/documents/:name (collab.routes.ts on the server). */

const base = (name: string) => `/api/v1/collab/documents/${encodeURIComponent(name)}`;
const keys = {
  access: (name: string) => ['collab', name, 'access'] as const,
  snapshots: (name: string) => ['collab', name, 'snapshots'] as const,
  comments: (name: string) => ['collab', name, 'comments'] as const,
};

export function useCollabAccess(name: string) {
  return useQuery({ queryKey: keys.access(name), queryFn: () => api<CollabDocumentAccess>(base(name)), retry: false });
}

export function useSnapshots(name: string) {
  return useQuery({ queryKey: keys.snapshots(name), queryFn: () => api<{ items: CollabSnapshot[] }>(`${base(name)}/snapshots`) });
}

export function useCreateSnapshot(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api<CollabSnapshot>(`${base(name)}/snapshots`, { method: 'POST', body: { label } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.snapshots(name) }),
  });
}

export function useRestoreSnapshot(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (snapshotId: string) => api<{ restored: string }>(`${base(name)}/snapshots/${snapshotId}/restore`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.snapshots(name) }),
  });
}

export function useComments(name: string) {
  return useQuery({ queryKey: keys.comments(name), queryFn: () => api<{ items: CollabThread[] }>(`${base(name)}/comments`) });
}

export function useCreateComment(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => api<CollabThread>(`${base(name)}/comments`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.comments(name) }),
  });
}

export function useReply(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, body }: { threadId: string; body: string }) =>
      api<CollabComment>(`${base(name)}/comments/${threadId}/replies`, { method: 'POST', body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.comments(name) }),
  });
}

export function useResolve(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
      api<CollabThread>(`${base(name)}/comments/${threadId}/resolve`, { method: 'POST', body: { resolved } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.comments(name) }),
  });
}
