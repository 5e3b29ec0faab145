import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorUnit, TIndicatorCreateBody, TIndicatorFields, TInventoryBody } from '../../shared/api/insights.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import type { LocalisedName } from '../../shared/languages.ts';
import { api } from './client.ts';

/** Shapes of /api/v1/insights answers (insights.present.ts and the services on the server). */

export interface Indicator {
  id: string;
  code: string;
  jurisdiction: string | null;
  names: LocalisedName;
  definitions: LocalisedName;
  formula: { numerator: string; denominator: string; scale: number };
  unit: IndicatorUnit;
  target: number | null;
  active: boolean;
  version: number;
}

/** A catalogue row, with whether the reader may change it (their jurisdiction's bureau, or a platform admin). */
export interface CatalogueIndicator extends Indicator {
  canEdit: boolean;
}

export interface IndicatorValue {
  value: number | null;
  numerator: number;
  denominator: number;
  schools: number;
}

export interface Dashboard {
  scope: { kind: 'jurisdiction' | 'unit' | 'school'; id: string; names: LocalisedName; level: string; jurisdiction: string };
  term: string;
  terms: string[];
  canRecompute: boolean;
  /** When this term's figures were last worked out; null before the first run. */
  computedAt: string | null;
  indicators: (Indicator & {
    current: IndicatorValue | null;
    previous: IndicatorValue | null;
    trend: { term: string; value: number | null }[];
    distribution: { from: number; to: number; count: number }[];
  })[];
  ranking: { kind: 'unit' | 'school'; id: string; names: LocalisedName; values: Record<string, number | null> }[];
  gaps: {
    kind: 'no_ai_lab' | 'no_trained_teachers' | 'no_sister_school';
    total: number;
    schools: { id: string; code: string; names: LocalisedName; link: string }[];
  }[];
}

export interface InventoryView {
  school: { id: string; code: string; names: LocalisedName };
  term: string;
  carriedFrom: string | null;
  version: number | null;
  updatedAt: string | null;
  canEdit: boolean;
  inventory: TInventoryBody | null;
}

export interface ImportReport {
  importId: string;
  schoolId: string;
  term: string;
  status: 'checked' | 'committed';
  problems: FieldProblem[];
  summary: { rooms: number; courses: number } | null;
}

export interface Comparison {
  term: string;
  minimumCell: number;
  jurisdictions: { code: string; names: LocalisedName }[];
  indicators: {
    code: string;
    sides: {
      jurisdiction: string;
      names: LocalisedName | null;
      definition: LocalisedName | null;
      unit: IndicatorUnit | null;
      suppressed: boolean;
      value: number | null;
    }[];
  }[];
}

const base = '/api/v1/insights';

export const insightsPaths = {
  dashboardXlsx: (q: { term?: string; scope?: string; lang: string }) => `${base}/dashboard/export.xlsx?${new URLSearchParams(clean(q))}`,
  dashboardPdf: (q: { term?: string; scope?: string; lang: string }) => `${base}/dashboard/export.pdf?${new URLSearchParams(clean(q))}`,
  workbook: (schoolId: string, term: string) => `${base}/schools/${schoolId}/inventory/${term}/workbook`,
};

function clean(q: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
}

export function useDashboard(q: { term?: string; scope?: string }) {
  return useQuery({ queryKey: ['insights', 'dashboard', q], queryFn: () => api<Dashboard>(`${base}/dashboard`, { query: q }) });
}

export function useCatalogue() {
  return useQuery({ queryKey: ['insights', 'catalogue'], queryFn: () => api<CatalogueIndicator[]>(`${base}/indicators`) });
}

export function useComparison(term?: string) {
  return useQuery({ queryKey: ['insights', 'compare', term], queryFn: () => api<Comparison>(`${base}/compare`, { query: { term } }) });
}

export function useInventory(schoolId: string | undefined, term: string) {
  return useQuery({
    queryKey: ['insights', 'inventory', schoolId, term],
    enabled: !!schoolId,
    queryFn: () => api<InventoryView>(`${base}/schools/${schoolId}/inventory/${term}`),
  });
}

export function useSaveInventory(schoolId: string, term: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: number | null; body: TInventoryBody }) =>
      api<InventoryView>(`${base}/schools/${schoolId}/inventory/${term}`, {
        method: 'PUT',
        body: v.body,
        headers: v.version ? { 'If-Match': `"${v.version}"` } : {},
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['insights'] }),
  });
}

export function useCheckImport(schoolId: string, term: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<ImportReport>(`${base}/schools/${schoolId}/inventory/${term}/imports`, { method: 'POST', body: form });
    },
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => api<ImportReport>(`${base}/imports/${importId}/commit`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['insights'] }),
  });
}

export function useRecompute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (term: string) =>
      api<{ term: string; schools: number; values: number }>(`${base}/recompute`, { method: 'POST', body: { term } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['insights'] }),
  });
}

export function useCreateIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TIndicatorCreateBody) => api<Indicator>(`${base}/indicators`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['insights'] }),
  });
}

export function useUpdateIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; body: TIndicatorFields }) =>
      api<Indicator>(`${base}/indicators/${v.id}`, { method: 'PUT', body: v.body, headers: { 'If-Match': `"${v.version}"` } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['insights'] }),
  });
}
