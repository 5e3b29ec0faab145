import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Shapes of /api/v1/federation answers (federation.present.ts on the server). */
export type PeerRelation = 'parent' | 'child' | 'sibling';
export type PeerStatus = 'proposed' | 'pending' | 'active' | 'revoked';

export interface Peer {
  id: string;
  nodeId: string;
  name: string;
  url: string;
  jurisdictions: string[];
  level: string;
  relation: PeerRelation;
  status: PeerStatus;
  health: {
    lastPullAt: string | null;
    lastSuccessAt: string | null;
    lastChangeAt: string | null;
    lagSeconds: number | null;
    lastError: string | null;
    failures: number;
    nextPullAt: string;
    received: number;
  };
  createdAt: string;
}

/** What a partner node's feed carries (federation.wire.ts on the server). */
export const FEDERATED_KINDS = ['resource', 'course', 'contest', 'programme', 'dataset', 'indicator'] as const;
export type FederatedKind = (typeof FEDERATED_KINDS)[number];

export interface FederatedItem {
  id: string;
  kind: FederatedKind;
  title: string;
  summary: string;
  text: string;
  keywords: string[];
  language: string | null;
  subject: string | null;
  gradeBand: string | null;
  licence: string | null;
  attribution: string | null;
  level: string;
  jurisdiction: string;
  /** Kind-specific fields as the origin sent them (indicator value, contest dates, agreement…). */
  details: Record<string, unknown>;
  files: { sha256: string; filename: string; mediaType: string; size: number }[];
  origin: { nodeId: string; name: string; url: string; id: string; updatedAt: string };
  receivedAt: string;
}

export interface NodeInfo {
  nodeId: string;
  name: string;
  jurisdictions: string[];
  level: string;
  url: string;
  feedUrl: string;
}

export interface HeldItem {
  id: string;
  kind: string;
  itemId: string;
  findings: { path: string; type: string; count: number }[];
  createdAt: string;
}

const F = '/api/v1/federation';

export const useNode = () => useQuery({ queryKey: ['federation', 'node'], queryFn: () => api<NodeInfo>(`${F}/node`) });
export const usePeers = (enabled: boolean) =>
  useQuery({ queryKey: ['federation', 'peers'], queryFn: () => api<{ items: Peer[] }>(`${F}/peers`), enabled, refetchInterval: 15_000 });
export const useHeld = (enabled: boolean) =>
  useQuery({ queryKey: ['federation', 'held'], queryFn: () => api<{ items: HeldItem[] }>(`${F}/held`), enabled });
export const useItems = (kind?: FederatedKind) =>
  useQuery({
    queryKey: ['federation', 'items', { kind }],
    queryFn: () => api<{ items: FederatedItem[] }>(`${F}/items${kind ? `?kind=${kind}` : ''}`),
  });
export const useItem = (id: string) =>
  useQuery({ queryKey: ['federation', 'items', id], queryFn: () => api<FederatedItem>(`${F}/items/${id}`) });

/** Propose, accept or revoke; refreshes the peer list. */
export function usePeerAction<TBody>(path: (body: TBody) => string, body: (b: TBody) => unknown = () => undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: TBody) => api<Peer>(`${F}${path(b)}`, { method: 'POST', body: body(b) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['federation'] }),
  });
}
