import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateResourceBody, TListResourcesQuery, TUpdateResourceBody } from '../../shared/api/library.ts';
import type { SearchResponse, SuggestResponse, TSearchQuery } from '../../shared/api/search.ts';
import type { ContentLanguage, LocalisedName } from '../../shared/languages.ts';
import type { AiCompetencyTag, GradeBand, Licence, PublishLevel, ResourceStatus, Subject } from '../../shared/library.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

/**
 * Shapes of the library's and search's answers (library.present.ts, search.present.ts on the server) and
 * the TanStack Query hooks the library pages use. Writes that change a resource send `If-Match: <version>`;
 * a lost race answers 412 (`VERSION_CONFLICT`), which the pages turn into "reload and try again".
 */

export type DisplayLanguage = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO';

export interface ResourceCounts {
  views: number;
  downloads: number;
  favourites: number;
  ratings: number;
  ratingAverage: number | null;
}

export interface ResourceSummary {
  id: string;
  externalId: string | null;
  title: string;
  summary: string;
  language: ContentLanguage;
  subject: Subject;
  gradeBand: GradeBand;
  grades: number[];
  keywords: string[];
  licence: Licence;
  publishLevel: PublishLevel;
  status: ResourceStatus;
  authorId: string;
  schoolId: string;
  adaptedFromId: string | null;
  adaptationKind: string | null;
  counts: ResourceCounts;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ResourceFile {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  textExtraction: string | null;
  downloadUrl: string;
  previewUrl: string | null;
}

export interface Submission {
  id: string;
  resourceId: string;
  resourceTitle?: string;
  level: PublishLevel;
  fromLevel: PublishLevel | null;
  status: 'pending' | 'approved' | 'returned' | 'cancelled';
  note: string | null;
  submittedBy: { id: string; displayName: string | null };
  reviewer: { id: string; displayName: string | null } | null;
  comment: string | null;
  resourceVersion: number;
  createdAt: string;
  decidedAt: string | null;
}

export interface ResourceDetail extends ResourceSummary {
  body: string;
  aiCompetencies: AiCompetencyTag[];
  attribution: unknown;
  author: { id: string; displayName: string };
  school: { id: string; code: string; names: LocalisedName };
  files: ResourceFile[];
  pendingSubmission: Submission | null;
  adaptedFrom: { id: string; title: string } | null;
  adaptations: { id: string; title: string; language: ContentLanguage; kind: string | null }[];
  mine: { rating: { stars: number; review: string | null } | null; favourite: boolean };
  permissions: { edit: boolean; submit: boolean; withdraw: boolean; adapt: boolean; review: boolean };
  availableLevels: PublishLevel[] | null;
  display: { language: DisplayLanguage; converted: boolean; machineConverted: true } | null;
  createdAt: string;
}

export interface VersionSummary {
  number: number;
  change: string;
  createdBy: string | null;
  createdAt: string;
  title: string;
  files: { fileId: string; filename?: string }[];
}

export interface DiffPart {
  value: string | string[];
  added: boolean;
  removed: boolean;
}

export interface VersionDiff {
  from: number;
  to: number;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  keywords: DiffPart[];
  files: { added: { fileId: string; filename?: string }[]; removed: { fileId: string; filename?: string }[] };
  metadata: { field: string; from: unknown; to: unknown }[];
}

export interface Rating {
  stars: number;
  review: string | null;
  user: { id: string; displayName: string | null };
  updatedAt: string;
}

export interface Collection {
  id: string;
  title: string;
  description: string;
  language: ContentLanguage;
  publishLevel: PublishLevel;
  ownerId: string;
  schoolId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer for one collection: the items the reader may see, in the curator's order. */
  items?: { resource: ResourceSummary; note: string | null }[];
}

export interface Notification {
  id: string;
  kind: string;
  resourceId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export interface EditionAnswer {
  resource: ResourceDetail;
  machineConverted: true;
  vocabularyChanges: Record<
    'title' | 'summary' | 'body',
    { start: number; end: number; original: string; replacement: string; concept: string }[]
  >;
}

const ifMatch = (version: number) => ({ 'If-Match': String(version) });

export const libraryKeys = {
  all: ['library'] as const,
  search: (q: Partial<TSearchQuery>) => ['library', 'search', q] as const,
  suggest: (q: string) => ['library', 'suggest', q] as const,
  list: (q: Partial<TListResourcesQuery>) => ['library', 'list', q] as const,
  resource: (id: string, display?: DisplayLanguage) => ['library', 'resource', id, display ?? null] as const,
  versions: (id: string) => ['library', 'versions', id] as const,
  diff: (id: string, from: number, to: number) => ['library', 'diff', id, from, to] as const,
  submissions: (id: string) => ['library', 'submissions', id] as const,
  ratings: (id: string) => ['library', 'ratings', id] as const,
  jsonld: (id: string) => ['library', 'jsonld', id] as const,
  reviews: (status: string) => ['library', 'reviews', status] as const,
  collections: (scope: string) => ['library', 'collections', scope] as const,
  collection: (id: string) => ['library', 'collection', id] as const,
  notifications: ['notifications'] as const,
};

// ── Search ────────────────────────────────────────────────────────────────────────────────────────────

/** Search pages, fetched one after another by cursor ("load more"). Facets come with every page. */
export function useResourceSearch(q: Omit<Partial<TSearchQuery>, 'cursor'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: libraryKeys.search(q),
    queryFn: ({ pageParam, signal }) =>
      api<SearchResponse>('/api/v1/resources/search', { query: { ...q, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Typeahead titles for what the teacher has typed so far (nothing below one character). */
export function useSuggest(prefix: string) {
  const q = prefix.trim();
  return useQuery({
    queryKey: libraryKeys.suggest(q),
    queryFn: ({ signal }) => api<SuggestResponse>('/api/v1/resources/suggest', { query: { q, limit: 8 }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

// ── Resources ─────────────────────────────────────────────────────────────────────────────────────────

export function useResourceList(q: Partial<TListResourcesQuery>) {
  return useInfiniteQuery({
    queryKey: libraryKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      api<Page<ResourceSummary>>('/api/v1/resources', { query: { ...q, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One resource; `display` asks the server for a machine-converted reading in another Chinese script. */
export function useResource(id: string | undefined, display?: DisplayLanguage) {
  return useQuery({
    queryKey: libraryKeys.resource(id ?? '', display),
    queryFn: ({ signal }) => api<ResourceDetail>(`/api/v1/resources/${id}`, { query: { display }, signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** The schema.org JSON-LD of a public resource (null when the server has none for it). */
export function useResourceJsonLd(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: libraryKeys.jsonld(id ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api<Record<string, unknown>>(`/api/v1/resources/${id}/jsonld`, { signal });
      } catch {
        return null;
      }
    },
    enabled: !!id && enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

function useInvalidateLibrary() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: libraryKeys.all });
}

export function useCreateResource() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: TCreateResourceBody) => api<ResourceDetail>('/api/v1/resources', { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateResource(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: TUpdateResourceBody }) =>
      api<ResourceDetail>(`/api/v1/resources/${id}`, { method: 'PATCH', body: patch, headers: ifMatch(version) }),
    onSuccess: () => void invalidate(),
  });
}

export function useWithdrawResource(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: () => api<ResourceDetail>(`/api/v1/resources/${id}/withdraw`, { method: 'POST' }),
    onSuccess: () => void invalidate(),
  });
}

/** Multipart upload (field `file`); the server refuses renamed executables with LIBRARY_EXECUTABLE_REFUSED. */
export function useUploadFile(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ version, file }: { version: number; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<unknown>(`/api/v1/resources/${id}/files`, { method: 'POST', body: form, headers: ifMatch(version) });
    },
    onSuccess: () => void invalidate(),
  });
}

export function useRemoveFile(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ version, fileId }: { version: number; fileId: string }) =>
      api<unknown>(`/api/v1/resources/${id}/files/${fileId}`, { method: 'DELETE', headers: ifMatch(version) }),
    onSuccess: () => void invalidate(),
  });
}

// ── Versions ──────────────────────────────────────────────────────────────────────────────────────────

export function useVersions(id: string) {
  return useQuery({
    queryKey: libraryKeys.versions(id),
    queryFn: ({ signal }) => api<{ items: VersionSummary[] }>(`/api/v1/resources/${id}/versions`, { signal }),
  });
}

export function useVersionDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: libraryKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api<VersionDiff>(`/api/v1/resources/${id}/diff`, { query: { from, to }, signal }),
    enabled: from !== null && to !== null && from !== to,
  });
}

export function useRestoreVersion(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ version, number }: { version: number; number: number }) =>
      api<ResourceDetail>(`/api/v1/resources/${id}/versions/${number}/restore`, { method: 'POST', headers: ifMatch(version) }),
    onSuccess: () => void invalidate(),
  });
}

// ── Publishing and review ─────────────────────────────────────────────────────────────────────────────

export function useSubmissions(id: string) {
  return useQuery({
    queryKey: libraryKeys.submissions(id),
    queryFn: ({ signal }) => api<{ items: Submission[] }>(`/api/v1/resources/${id}/submissions`, { signal }),
  });
}

/** Submit a draft for a level, or recommend a published resource one level up. */
export function useSubmitResource(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: { level: Exclude<PublishLevel, 'private'>; note?: string }) =>
      api<Submission>(`/api/v1/resources/${id}/submissions`, { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

export function useReviewQueue(status: 'pending' | 'approved' | 'returned') {
  return useInfiniteQuery({
    queryKey: libraryKeys.reviews(status),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Submission>>('/api/v1/library/reviews', { query: { status, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useDecideSubmission() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approve' | 'return'; comment?: string }) =>
      api<Submission>(`/api/v1/library/reviews/${id}/decision`, { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

// ── Reuse ─────────────────────────────────────────────────────────────────────────────────────────────

/** "Adapt": a private linked copy in my school (refused for -ND- and all-rights-reserved licences). */
export function useAdaptResource(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: { schoolId?: string } = {}) => api<ResourceDetail>(`/api/v1/resources/${id}/adaptations`, { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

export function useMakeEdition(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: { language: DisplayLanguage }) => api<EditionAnswer>(`/api/v1/resources/${id}/editions`, { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

// ── Ratings and favourites ────────────────────────────────────────────────────────────────────────────

export function useRatings(id: string) {
  return useQuery({
    queryKey: libraryKeys.ratings(id),
    queryFn: ({ signal }) => api<Page<Rating>>(`/api/v1/resources/${id}/ratings`, { signal }),
    retry: false,
  });
}

export function useRate(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: { stars: number; review?: string }) => api<unknown>(`/api/v1/resources/${id}/rating`, { method: 'PUT', body }),
    onSuccess: () => void invalidate(),
  });
}

export function useFavourite(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (on: boolean) => api<unknown>(`/api/v1/resources/${id}/favourite`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: () => void invalidate(),
  });
}

/** What I favourited, newest first. */
export function useMyFavourites(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...libraryKeys.all, 'favourites'],
    queryFn: ({ pageParam, signal }) =>
      api<Page<ResourceSummary>>('/api/v1/library/favourites', { query: { cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    enabled,
  });
}

// ── Collections ───────────────────────────────────────────────────────────────────────────────────────

export function useCollections(scope: 'mine' | 'all') {
  return useQuery({
    queryKey: libraryKeys.collections(scope),
    queryFn: ({ signal }) => api<Page<Collection>>('/api/v1/collections', { query: { scope }, signal }),
    retry: false,
  });
}

export function useCollection(id: string | undefined) {
  return useQuery({
    queryKey: libraryKeys.collection(id ?? ''),
    queryFn: ({ signal }) => api<Collection>(`/api/v1/collections/${id}`, { signal }),
    enabled: !!id,
    retry: false,
  });
}

export function useCreateCollection() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: { title: string; description?: string; language: ContentLanguage; publishLevel?: PublishLevel }) =>
      api<Collection>('/api/v1/collections', { method: 'POST', body }),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateCollection(id: string) {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ version, patch }: { version: number; patch: Partial<Pick<Collection, 'title' | 'description' | 'publishLevel'>> }) =>
      api<Collection>(`/api/v1/collections/${id}`, { method: 'PATCH', body: patch, headers: ifMatch(version) }),
    onSuccess: () => void invalidate(),
  });
}

export function useCollectionItem() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ collectionId, resourceId, add }: { collectionId: string; resourceId: string; add: boolean }) =>
      api<unknown>(`/api/v1/collections/${collectionId}/items/${resourceId}`, add ? { method: 'PUT', body: {} } : { method: 'DELETE' }),
    onSuccess: () => void invalidate(),
  });
}
