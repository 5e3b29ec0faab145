import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DocumentKind,
  ExchangeKind,
  NetworkInterest,
  PairStatus,
  ProjectRole,
  Renewal,
  TaskStatus,
} from '../../shared/api/network.ts';
import type { LocalisedName } from '../../shared/languages.ts';
import type { SchoolStage } from '../../shared/tenancy.ts';
import { api } from './client.ts';

/** Shapes of /api/v1/network answers (network.present.ts and the services on the server). */

export interface SchoolCard {
  id: string;
  code: string;
  names: LocalisedName;
  jurisdiction: string;
  district: LocalisedName | null;
  stage: SchoolStage;
  languages: string[];
  summary: string;
  interests: NetworkInterest[];
  seeks: NetworkInterest[];
  strengths: { labs: number; coursesOffered: string[]; trainedTeachers: number; libraryResources: number };
  activePairs: number;
}

export interface Contact {
  name: string;
  role: string;
  email?: string;
  phone?: string;
}

export interface SchoolProfile extends SchoolCard {
  contacts?: Contact[];
  latitude: number | null;
  longitude: number | null;
  version: number;
  canEdit: boolean;
  canPropose: boolean;
}

export interface MatchReason {
  code: string;
  points: number;
  values?: { items?: string[]; km?: number; count?: number; languages?: string[] };
}

export interface Suggestion {
  school: SchoolCard;
  score: number;
  travel: string | null;
  reasons: MatchReason[];
}

export interface SchoolBrief {
  id: string;
  code: string;
  names: LocalisedName;
  jurisdiction: string;
}

export interface Pair {
  id: string;
  status: PairStatus;
  schoolA: SchoolBrief;
  schoolB: SchoolBrief;
  message: string;
  agreement: { goals: string; termStart: string; termEnd: string; renewal: Renewal };
  approvedByA: boolean;
  approvedByB: boolean;
  decidedAt: string | null;
  createdAt: string;
  canDecide: boolean;
  canRecord: boolean;
  mySide: 'a' | 'b' | null;
}

export interface Exchange {
  id: string;
  kind: ExchangeKind;
  title: string;
  startsOn: string;
  endsOn: string | null;
  when: 'past' | 'planned';
  teachers: number;
  students: number;
  participants: string;
  reflection: string;
  photos: { id: string; filename: string }[];
}

export interface YearSummary {
  year: number;
  byKind: Record<ExchangeKind, number>;
  held: number;
  planned: number;
  teachers: number;
  students: number;
  reflections: number;
  photos: number;
}

export interface ProjectSummary {
  id: string;
  title: string;
  question: string;
  status: 'active' | 'published';
  outputResourceId: string | null;
  jurisdictions: string[];
  memberCount: number;
  createdAt: string;
}

export interface ProjectDetail extends ProjectSummary {
  myRole: ProjectRole | null;
  members: {
    userId: string;
    displayName: string;
    username: string;
    role: ProjectRole;
    jurisdiction: string;
    school: LocalisedName | null;
  }[];
  milestones: { id: string; title: string; dueOn: string }[];
  tasks: { id: string; title: string; status: TaskStatus; assigneeId: string | null }[];
}

export interface Thread {
  id: string;
  title: string;
  posts: { id: string; body: string; author: string; createdAt: string }[];
}

export interface SharedDocument {
  id: string;
  kind: DocumentKind;
  ref: string;
  title: string;
  href: string;
}

export interface Expert {
  id: string;
  name: string;
  kind: 'university' | 'industry';
  affiliation: string;
  fields: string[];
  availability: string;
  mentorships: { id: string; schoolId: string; school: LocalisedName; focus: string; canLog: boolean }[];
  lectures: { id: string; title: string; on: string; eventRef: string | null }[];
}

export interface DirectoryFilter {
  jurisdiction?: string;
  stage?: SchoolStage;
  interest?: NetworkInterest;
  language?: string;
  q?: string;
}

const N = '/api/v1/network';

export function useDirectory(filter: DirectoryFilter) {
  return useQuery({
    queryKey: ['network', 'schools', filter],
    queryFn: () => api<{ items: SchoolCard[] }>(`${N}/schools`, { query: { ...filter } }),
  });
}

export function useSchoolProfile(id: string | undefined) {
  return useQuery({ queryKey: ['network', 'school', id], queryFn: () => api<SchoolProfile>(`${N}/schools/${id}`), enabled: !!id });
}

export function useSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'suggestions'],
    queryFn: () => api<{ items: Suggestion[] }>(`${N}/suggestions`),
    enabled,
    retry: false,
  });
}

export function usePairs() {
  return useQuery({ queryKey: ['network', 'pairs'], queryFn: () => api<{ items: Pair[] }>(`${N}/pairs`) });
}

export function usePair(id: string | undefined) {
  return useQuery({ queryKey: ['network', 'pair', id], queryFn: () => api<Pair>(`${N}/pairs/${id}`), enabled: !!id });
}

export function useExchanges(pairId: string | undefined) {
  return useQuery({
    queryKey: ['network', 'exchanges', pairId],
    queryFn: () => api<{ items: Exchange[] }>(`${N}/pairs/${pairId}/exchanges`),
    enabled: !!pairId,
  });
}

export function useYearSummary(pairId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['network', 'summary', pairId, year],
    queryFn: () => api<YearSummary>(`${N}/pairs/${pairId}/summary`, { query: { year } }),
    enabled: !!pairId,
  });
}

export function useProjects() {
  return useQuery({ queryKey: ['network', 'projects'], queryFn: () => api<{ items: ProjectSummary[] }>(`${N}/projects`) });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: ['network', 'project', id], queryFn: () => api<ProjectDetail>(`${N}/projects/${id}`), enabled: !!id });
}

export function useThreads(id: string | undefined) {
  return useQuery({
    queryKey: ['network', 'threads', id],
    queryFn: () => api<{ items: Thread[] }>(`${N}/projects/${id}/threads`),
    enabled: !!id,
  });
}

export function useDocuments(id: string | undefined) {
  return useQuery({
    queryKey: ['network', 'documents', id],
    queryFn: () => api<{ items: SharedDocument[] }>(`${N}/projects/${id}/documents`),
    enabled: !!id,
  });
}

export function useExperts() {
  return useQuery({ queryKey: ['network', 'experts'], queryFn: () => api<{ canManage: boolean; items: Expert[] }>(`${N}/experts`) });
}

export function useMentoringLog(id: string | undefined) {
  return useQuery({
    queryKey: ['network', 'log', id],
    queryFn: () => api<{ items: { id: string; on: string; minutes: number; note: string }[] }>(`${N}/mentorships/${id}/log`),
    enabled: !!id,
  });
}

/** One write to the network API; afterwards every network query refreshes (lists are small). */
export function useNetworkWrite<TBody, TResult = unknown>(
  method: 'POST' | 'PUT',
  path: (body: TBody) => string,
  headers?: (body: TBody) => Record<string, string>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<TResult>(`${N}${path(body)}`, {
        method,
        body: body instanceof FormData ? body : ((body as { payload?: unknown }).payload ?? body),
        headers: headers?.(body),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['network'] }),
  });
}

export function useProposePair() {
  return useNetworkWrite<
    { partnerSchoolId: string; message: string; terms: { goals: string; termStart: string; termEnd: string; renewal: Renewal } },
    Pair
  >('POST', () => '/pairs');
}

export function useDecidePair(id: string) {
  return useNetworkWrite<{ decision: 'accept' | 'decline' }, Pair>('POST', () => `/pairs/${id}/decision`);
}

export function useUpdateProfile(id: string) {
  return useNetworkWrite<{ version: number; payload: Record<string, unknown> }, SchoolProfile>(
    'PUT',
    () => `/schools/${id}`,
    (b) => ({ 'If-Match': `"${b.version}"` }),
  );
}

export async function uploadPhoto(exchangeId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api<{ id: string }>(`${N}/exchanges/${exchangeId}/photos`, { method: 'POST', body: form });
}

export const photoUrl = (id: string) => `${N}/photos/${id}`;
