import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Award,
  ContestLevel,
  ContestRules,
  ContestStatus,
  CreateContestBody,
  CreateEventBody,
  EntryKind,
  EntryStatus,
  EventKind,
  GradeBand,
  RegisterBody,
  RubricCriterion,
  SignupStatus,
  SubmissionLink,
} from '../../shared/api/contests.ts';
import type { LocalisedName } from '../../shared/languages.ts';
import { api } from './client.ts';

/** Shapes of /api/v1/contests answers (contests.present.ts on the server). */

export interface Contest {
  id: string;
  code: string;
  name: string;
  language: string;
  description: string;
  level: ContestLevel;
  whitelisted: boolean;
  tracks: string[];
  gradeBands: GradeBand[];
  rules: ContestRules;
  rubric: RubricCriterion[];
  timeline: Record<
    'registrationOpensAt' | 'registrationClosesAt' | 'submissionClosesAt' | 'judgingClosesAt' | 'resultsAt' | 'appealsClosesAt',
    string
  >;
  quotaPerUnit: number;
  parentContestId: string | null;
  organiserName: LocalisedName | null;
  status: ContestStatus;
  publishedAt: string | null;
  canManage: boolean;
  isJudge: boolean;
  /** For If-Match when editing. */
  version: number;
}

export interface Submission {
  id: string;
  version: number;
  files: { sha256: string; filename: string; size: number }[];
  links: SubmissionLink[];
  note: string;
  submittedAt: string;
}

export interface Entry {
  id: string;
  contestId: string;
  code: string;
  title: string;
  track: string;
  kind: EntryKind;
  status: EntryStatus;
  schoolName: LocalisedName | null;
  members: { userId: string; displayName: string; role: 'student' | 'advisor'; schoolName: LocalisedName | null }[];
  latestSubmission: Submission | null;
  rank: number | null;
  award: Award | null;
  history?: { contestId: string; contestName: string; level: ContestLevel; rank: number | null; award: Award | null }[];
  /** Live award credentials of the pupils (verifiable at /verify/:credentialId). */
  credentials?: { credentialId: string; userId: string; award: Award }[];
}

export interface JudgeItem {
  assignmentId: string;
  entryCode: string;
  title: string;
  track: string;
  submission: Submission | null;
  scores: Record<string, number> | null;
  comment: string;
  submittedAt: string | null;
  schoolName?: string | null;
  members?: string[];
}

export interface PreviewItem {
  entryId: string;
  entryCode: string;
  title: string;
  schoolName: LocalisedName | null;
  normalised: number;
  raw: number;
  judges: number;
  rank: number;
  award: Award;
}

export interface EventItem {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  location: string;
  organiserName: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  mySignup: { id: string; status: SignupStatus } | null;
  canManage: boolean;
}

const B = '/api/v1/contests';
const keys = {
  all: ['contests'] as const,
  contest: (id: string) => ['contests', id] as const,
};

export const useContests = () => useQuery({ queryKey: [...keys.all, 'list'], queryFn: () => api<{ items: Contest[] }>(`${B}/contests`) });
export const useContest = (id: string | undefined) =>
  useQuery({ queryKey: keys.contest(id ?? ''), queryFn: () => api<Contest>(`${B}/contests/${id}`), enabled: !!id });
export const useEntries = (id: string | undefined) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'entries'],
    queryFn: () => api<{ items: Entry[] }>(`${B}/contests/${id}/entries`),
    enabled: !!id,
  });
export const useEntry = (id: string | undefined) =>
  useQuery({ queryKey: ['contests', 'entry', id], queryFn: () => api<Entry>(`${B}/entries/${id}`), enabled: !!id });
export const useSubmissions = (entryId: string | undefined) =>
  useQuery({
    queryKey: ['contests', 'entry', entryId, 'submissions'],
    queryFn: () => api<{ items: Submission[] }>(`${B}/entries/${entryId}/submissions`),
    enabled: !!entryId,
  });
export const useJudgeQueue = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'judging'],
    queryFn: () => api<{ contest: { rubric: RubricCriterion[]; blind: boolean }; items: JudgeItem[] }>(`${B}/contests/${id}/judging`),
    enabled: !!id && enabled,
  });
export const useProgress = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'progress'],
    queryFn: () =>
      api<{ entries: number; judges: { judgeId: string; displayName: string; assigned: number; submitted: number }[] }>(
        `${B}/contests/${id}/progress`,
      ),
    enabled: !!id && enabled,
  });
export const usePreview = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'preview'],
    queryFn: () => api<{ openAssignments: number; items: PreviewItem[] }>(`${B}/contests/${id}/preview`),
    enabled: !!id && enabled,
  });
export const useResults = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'results'],
    queryFn: () =>
      api<{ items: { code: string; title: string; track: string; rank: number; award: Award }[] }>(`${B}/contests/${id}/results`),
    enabled: !!id && enabled,
  });
export const useAppeals = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.contest(id ?? ''), 'appeals'],
    queryFn: () =>
      api<{ items: { id: string; entryCode: string; reason: string; status: string; outcome: string }[] }>(`${B}/contests/${id}/appeals`),
    enabled: !!id && enabled,
  });

function useInvalidating<TVars, TOut>(fn: (v: TVars) => Promise<TOut>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateContest = () => useInvalidating((body: CreateContestBody) => api<Contest>(`${B}/contests`, { method: 'POST', body }));
export const useCreateEvent = () => useInvalidating((body: CreateEventBody) => api<EventItem>(`${B}/events`, { method: 'POST', body }));

export const useRegister = (contestId: string) =>
  useInvalidating((body: RegisterBody) => api<Entry>(`${B}/contests/${contestId}/entries`, { method: 'POST', body }));
export const useSubmitWork = (entryId: string) =>
  useInvalidating((body: { files: { sha256: string; filename: string }[]; links: SubmissionLink[]; note: string }) =>
    api<Submission>(`${B}/entries/${entryId}/submissions`, { method: 'POST', body }),
  );
export const useUploadFile = (entryId: string) =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<{ sha256: string; filename: string; size: number }>(`${B}/entries/${entryId}/files`, { method: 'POST', body: form });
    },
  });
export const useScore = () =>
  useInvalidating((v: { assignmentId: string; scores: Record<string, number>; comment: string; submit: boolean }) =>
    api(`${B}/assignments/${v.assignmentId}/scores`, { method: 'POST', body: { scores: v.scores, comment: v.comment, submit: v.submit } }),
  );
export const useContestAction = (contestId: string, action: 'assignment' | 'publish' | 'promote' | 'confirm-promotions') =>
  useInvalidating(() =>
    api<Record<string, unknown>>(`${B}/contests/${contestId}/${action}`, {
      method: 'POST',
      body: action === 'confirm-promotions' ? {} : undefined,
    }),
  );
export const useFileAppeal = (contestId: string) =>
  useInvalidating((body: { entryId: string; reason: string }) => api(`${B}/contests/${contestId}/appeals`, { method: 'POST', body }));
/** After an upheld appeal: unlock that entry's scores and take the round back to judging. */
export const useReopenJudging = () => useInvalidating((appealId: string) => api(`${B}/appeals/${appealId}/reopen`, { method: 'POST' }));
/** Team changes before the submission deadline. */
export const useChangeMembers = (entryId: string) =>
  useInvalidating((body: { addStudentIds?: string[]; removeUserIds?: string[] }) =>
    api<Entry>(`${B}/entries/${entryId}/members`, { method: 'POST', body }),
  );
/** Edits a round; `version` is the one the form was filled from (a concurrent edit answers 412). */
export const useUpdateContest = (contestId: string) =>
  useInvalidating((v: { version: number; body: Record<string, unknown> }) =>
    api<Contest>(`${B}/contests/${contestId}`, { method: 'PATCH', body: v.body, headers: { 'If-Match': `"${v.version}"` } }),
  );
export const useDecideAppeal = () =>
  useInvalidating((v: { id: string; status: 'upheld' | 'dismissed'; outcome: string }) =>
    api(`${B}/appeals/${v.id}/decision`, { method: 'POST', body: { status: v.status, outcome: v.outcome } }),
  );

export const useEvents = () => useQuery({ queryKey: [...keys.all, 'events'], queryFn: () => api<{ items: EventItem[] }>(`${B}/events`) });
export const useSignUp = () =>
  useInvalidating((id: string) => api<{ status: SignupStatus }>(`${B}/events/${id}/signup`, { method: 'POST' }));
export const useCancelSignUp = () => useInvalidating((id: string) => api(`${B}/events/${id}/signup`, { method: 'DELETE' }));

/** The pupils of a school by class (tenancy's roster), for the registration form. */
export const useSchoolPupils = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['contests', 'roster', schoolId],
    queryFn: () =>
      api<{
        classes: {
          id: string;
          name: string;
          grade: number;
          students: { id: string; displayName: string; studentNumber: string | null }[];
        }[];
      }>(`/api/v1/schools/${schoolId}/roster`),
    enabled: !!schoolId,
  });
