import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataCategory, EgressRule, TCreateAgreementBody, TDpQueryBody, TPolicyBody, TTablePolicy } from '../../shared/api/privacy.ts';
import { api } from './client.ts';

/** Shapes of /api/v1/privacy answers (privacy.present.ts on the server). */

export interface PrivacyPolicy extends TPolicyBody {
  id: string;
  jurisdiction: { id: string; code: string; regime: string };
  category: DataCategory;
  version: number;
  updatedAt: string;
  editable: boolean;
}

export interface ColumnProfileView {
  column: string;
  role: 'direct_identifier' | 'quasi_identifier' | 'sensitive' | 'other';
  entity: string | null;
  reason: string;
  suggestedOperator: string;
  distinct: number;
  nonEmpty: number;
}

export interface Dataset {
  id: string;
  jurisdiction: { id: string; code: string | null };
  kind: 'raw' | 'deidentified';
  name: string;
  category: DataCategory;
  format: string;
  size: number;
  rowCount: number;
  columns: string[];
  profile: ColumnProfileView[];
  containsChildren: boolean;
  createdAt: string;
}

export interface DatasetDetail extends Dataset {
  rule: {
    egress: EgressRule;
    minK: number;
    epsilonPerPeriod: number;
    periodDays: number;
    requiresPia: boolean;
    requiresFiling: boolean;
    children: boolean;
  };
  suggestedPolicy: TTablePolicy;
}

export interface RiskReport {
  records: number;
  classes: number;
  smallestClass: number;
  maxRisk: number;
  averageRisk: number;
  k: number;
  recordsBelowK: number;
  shareBelowK: number;
}

export interface UtilityReport {
  records: number;
  published: number;
  suppressed: number;
  classes: number;
  averageClassSize: number;
  normalisedAverageClassSize: number;
  discernibility: number;
  columns: Record<string, { ncp: number; height?: number }>;
}

export interface Release {
  id: string;
  datasetId: string;
  agreementId: string | null;
  policy: TTablePolicy;
  objective: string;
  status: 'queued' | 'running' | 'ready' | 'approved' | 'rejected' | 'failed';
  job: { status: string; progress: { done: number; total: number | null; message?: string } | null } | null;
  outputDatasetId: string | null;
  risk: RiskReport | null;
  utility: UtilityReport | null;
  outbound: { ok: boolean; findings: { column: string; type: string; count: number }[] } | null;
  steps: { step: string; at: string; by: string | null; details: Record<string, unknown> }[];
  error: string | null;
  approvedAt: string | null;
  createdAt: string;
}

export type TableRows = { columns: string[]; rows: Record<string, unknown>[] };

export interface Agreement {
  id: string;
  title: string;
  owner: { id: string; code: string | null; approvedAt: string | null };
  partner: { id: string; code: string | null; approvedAt: string | null };
  purpose: string;
  legalBasis: string;
  category: DataCategory;
  datasetIds: string[];
  fields: string[];
  expiresAt: string;
  status: 'draft' | 'pending' | 'active' | 'revoked' | 'expired';
  piaRef: string;
  filingRef: string;
  budget: { epsilonTotal: number; epsilonSpent: number; epsilonRemaining: number; periodDays: number; periodEnds: string };
  canApprove: boolean;
  version: number;
  createdAt: string;
}

export interface DpAnswer {
  kind: TDpQueryBody['kind'];
  value: number | Record<string, number>;
  noiseStdDev: number;
  epsilonCharged: number;
  cached: boolean;
  epsilonRemaining: number;
}

export interface DetectResult {
  entities: { type: string; start: number; end: number; score: number }[];
  redacted: string;
}

export function usePrivacyPolicies() {
  return useQuery({ queryKey: ['privacy', 'policies'], queryFn: () => api<{ items: PrivacyPolicy[] }>('/api/v1/privacy/policies') });
}

export function useUpdatePrivacyPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: TPolicyBody }) =>
      api<PrivacyPolicy>(`/api/v1/privacy/policies/${id}`, { method: 'PUT', body, headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'policies'] }),
  });
}

export function useDatasets(kind?: 'raw' | 'deidentified') {
  return useQuery({
    queryKey: ['privacy', 'datasets', kind],
    queryFn: () => api<{ items: Dataset[] }>('/api/v1/privacy/datasets', { query: { kind, limit: 100 } }),
  });
}

export function useDataset(id: string | undefined) {
  return useQuery({
    queryKey: ['privacy', 'dataset', id],
    queryFn: () => api<DatasetDetail>(`/api/v1/privacy/datasets/${id}`),
    enabled: Boolean(id),
  });
}

export function useUploadDataset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name, category }: { file: File; name: string; category: DataCategory }) => {
      const form = new FormData();
      form.append('name', name);
      form.append('category', category);
      form.append('file', file, file.name);
      return api<DatasetDetail>('/api/v1/privacy/datasets', { method: 'POST', body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'datasets'] }),
  });
}

export function useDatasetPreview(id: string | undefined) {
  return useQuery({
    queryKey: ['privacy', 'preview', id],
    queryFn: () => api<TableRows>(`/api/v1/privacy/datasets/${id}/preview`),
    enabled: Boolean(id),
  });
}

export function useCreateRelease() {
  return useMutation({
    mutationFn: (body: { datasetId: string; agreementId?: string; policy: TTablePolicy; objective: string }) =>
      api<Release>('/api/v1/privacy/releases', { method: 'POST', body }),
  });
}

/** Polls while the job runs, so progress moves on screen. */
export function useRelease(id: string | undefined) {
  return useQuery({
    queryKey: ['privacy', 'release', id],
    queryFn: () => api<Release>(`/api/v1/privacy/releases/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });
}

export function useReleases(agreementId?: string) {
  return useQuery({
    queryKey: ['privacy', 'releases', agreementId],
    queryFn: () => api<{ items: Release[] }>('/api/v1/privacy/releases', { query: { agreementId } }),
  });
}

export function useReleasePreview(id: string | undefined, ready: boolean) {
  return useQuery({
    queryKey: ['privacy', 'release-preview', id, ready],
    queryFn: () => api<{ original: TableRows; deidentified: TableRows | null }>(`/api/v1/privacy/releases/${id}/preview`),
    enabled: Boolean(id) && ready,
  });
}

export function useApproveRelease() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api<Release>(`/api/v1/privacy/releases/${id}/approve`, { method: 'POST', body: { note } }),
    onSuccess: (r) => qc.invalidateQueries({ queryKey: ['privacy', 'release', r.id] }),
  });
}

export function releaseDownloadUrl(id: string): string {
  return `/api/v1/privacy/releases/${id}/download`;
}

export function useAgreements() {
  return useQuery({ queryKey: ['privacy', 'agreements'], queryFn: () => api<{ items: Agreement[] }>('/api/v1/privacy/agreements') });
}

export function useCreateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<TCreateAgreementBody, 'expiresAt'> & { expiresAt: string }) =>
      api<Agreement>('/api/v1/privacy/agreements', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'agreements'] }),
  });
}

export function useAgreementAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'revoke' }) =>
      api<Agreement>(`/api/v1/privacy/agreements/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'agreements'] }),
  });
}

export function useDpQuery(agreementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TDpQueryBody) => api<DpAnswer>(`/api/v1/privacy/agreements/${agreementId}/queries`, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['privacy', 'agreements'] }),
  });
}

export function useDetect() {
  return useMutation({ mutationFn: (text: string) => api<DetectResult>('/api/v1/privacy/detect', { method: 'POST', body: { text } }) });
}

export interface AgreementOutputs {
  downloadable: boolean;
  items: {
    releaseId: string;
    datasetId: string;
    name: string;
    format: string;
    rows: number;
    columns: string[];
    smallestClass: number;
    approvedAt: string | null;
  }[];
}

export function useAgreementOutputs(id: string | undefined) {
  return useQuery({
    queryKey: ['privacy', 'outputs', id],
    queryFn: () => api<AgreementOutputs>(`/api/v1/privacy/agreements/${id}/outputs`),
    enabled: Boolean(id),
  });
}
