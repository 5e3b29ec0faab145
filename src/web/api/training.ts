import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentKind,
  CompetencyLevel,
  CompletionRules,
  CreateProgrammeBody,
  Decision,
  EnrolmentStatus,
  OrganiserKind,
  ProgrammeStatus,
  ProgrammeVisibility,
  SessionMode,
  SubmissionStatus,
  TrainingCategory,
  TrainingTier,
} from '../../shared/api/training.ts';
import type { LocalisedName } from '../../shared/languages.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

/** Shapes of /api/v1/training and /api/v1/credentials answers (training.present.ts on the server). */

export interface Competency {
  id: string;
  code: string;
  aspect: string;
  level: CompetencyLevel;
  names: LocalisedName;
}

export interface Framework {
  id: string;
  code: string;
  names: LocalisedName;
  aspects: { code: string; names: LocalisedName }[];
  jurisdictionId: string | null;
  competencies: Competency[];
}

export interface Programme {
  id: string;
  title: string;
  summary: string;
  language: string;
  tier: TrainingTier;
  category: TrainingCategory;
  competencyIds: string[];
  targetLevel: CompetencyLevel;
  organiser: { kind: OrganiserKind; name: string };
  jurisdictionId: string;
  schoolId: string | null;
  visibility: ProgrammeVisibility;
  status: ProgrammeStatus;
  creditHours: number;
  capacity: number | null;
  requiresPrincipalApproval: boolean;
  rules: CompletionRules;
  enrolledCount: number;
  waitlistedCount: number;
  version: number;
  createdAt: string;
}

export interface TrainingSession {
  id: string;
  programmeId: string;
  cohortId: string;
  title: string;
  mode: SessionMode;
  link: string | null;
  venue: string | null;
  capacity: number | null;
  startsAt: string;
  endsAt: string;
  reminderMinutesBefore: number;
}

export interface Assignment {
  id: string;
  programmeId: string;
  title: string;
  instructions: string;
  kind: AssignmentKind;
  rubric: { criterion: string; maxPoints: number }[];
  passMark: number;
  maxPoints: number;
  dueAt: string | null;
}

/** A cohort (班次) of a programme, with its seat counts. */
export interface Cohort {
  id: string;
  programmeId: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
  organiserName: string;
  enrolled: number;
  waitlisted: number;
}

export interface ProgrammeDetail extends Programme {
  competencies: Competency[];
  sessions: TrainingSession[];
  assignments: Assignment[];
  cohorts: Cohort[];
  myEnrolment: {
    id: string;
    status: EnrolmentStatus;
    principalDecision: Decision;
    organiserDecision: Decision;
    cohortId: string;
  } | null;
  canManage: boolean;
}

export interface Enrolment {
  id: string;
  programmeId: string;
  userId: string;
  displayName?: string;
  school: LocalisedName | null;
  status: EnrolmentStatus;
  organiserDecision: Decision;
  principalDecision: Decision;
  completedAt: string | null;
  hoursCredited: number | null;
  enrolledAt: string;
  programmeTitle?: string;
}

export interface Submission {
  id: string;
  assignmentId: string;
  programmeId: string;
  userId: string;
  displayName?: string;
  attempt: number;
  text: string;
  resourceId: string | null;
  url: string | null;
  status: SubmissionStatus;
  scores: { criterion: string; points: number }[] | null;
  total: number | null;
  feedback: string | null;
  reviewedAt: string | null;
  submittedAt: string;
}

export interface LearningItem {
  enrolment: {
    id: string;
    status: EnrolmentStatus;
    organiserDecision: Decision;
    principalDecision: Decision;
    completedAt: string | null;
    hoursCredited: number | null;
  };
  programme: Programme;
  progress: {
    sessionsHeld: number;
    sessionsAttended: number;
    assignmentsPassed: number;
    reflectionDefined: boolean;
    reflectionPassed: boolean;
    complete: boolean;
    unmet: ('attendance' | 'assignments' | 'reflection')[];
    attendancePercent: number;
  };
  submissions: Submission[];
  credential: { id: string; issuedAt: string; revoked: boolean; verifyUrl: string } | null;
}

export interface Profile {
  competencies: {
    competencyId: string;
    before: number | null;
    after: number | null;
    latest: number;
    evidence: string;
    assessedAt: string;
  }[];
  hoursByYear: { year: number; hours: number; programmes: number }[];
}

export interface Dashboard {
  year: number;
  totals: {
    teachers: number;
    started: number;
    trained: number;
    startedShare: number;
    trainedShare: number;
    hours: number;
    completionRate: number;
  };
  byTier: { tier: TrainingTier; enrolments: number; completed: number; completionRate: number }[];
  bySchool: {
    schoolId: string;
    names: LocalisedName;
    teachers: number;
    started: number;
    trained: number;
    trainedShare: number;
    hours: number;
  }[];
  byCompetency: { competencyId: string; code: string; names: LocalisedName; teachersTrained: number; share: number }[];
  notStarted: { userId: string; displayName: string; school: LocalisedName | null }[];
  notStartedCount: number;
  organised: {
    id: string;
    title: string;
    tier: TrainingTier;
    status: ProgrammeStatus;
    enrolled: number;
    pending: number;
    completed: number;
    active: number;
    jurisdictions: number;
    activeShare: number;
    cohorts: { id: string; name: string }[];
    completionRate: number;
  }[];
}

export interface Verification {
  status: 'valid' | 'revoked' | 'invalid' | 'unknown';
  reason?: string;
  credentialId?: string;
  credential?: {
    name: string;
    validFrom: string;
    issuer: { name: string };
    credentialSubject: {
      name: string;
      /** Absent on contest awards, which carry no credit hours. */
      creditsEarned?: number;
      achievement: { name: string; description: string; achievementType?: string; criteria: { narrative: string } };
    };
  };
  issuedAt?: string;
  revokedAt?: string | null;
  revocationReason?: string | null;
  issuerKeyId: string;
}

export interface CatalogueFilter {
  tier?: TrainingTier;
  category?: TrainingCategory;
  competencyId?: string;
  mode?: SessionMode;
  q?: string;
  managed?: boolean;
}

const T = '/api/v1/training';

export function useFrameworks() {
  return useQuery({
    queryKey: ['training', 'frameworks'],
    queryFn: () => api<{ items: Framework[] }>(`${T}/frameworks`),
    staleTime: 300_000,
  });
}

export function useProgrammes(filter: CatalogueFilter) {
  return useQuery({
    queryKey: ['training', 'programmes', filter],
    queryFn: () => api<Page<Programme>>(`${T}/programmes`, { query: { ...filter, managed: filter.managed ? '1' : undefined, limit: 100 } }),
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({ queryKey: ['training', 'programme', id], queryFn: () => api<ProgrammeDetail>(`${T}/programmes/${id}`), enabled: !!id });
}

export function useEnrolments(programmeId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'enrolments', programmeId],
    queryFn: () => api<{ items: Enrolment[] }>(`${T}/programmes/${programmeId}/enrolments`),
    enabled: !!programmeId,
  });
}

export function useSubmissions(programmeId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'submissions', programmeId],
    queryFn: () => api<{ items: Submission[] }>(`${T}/programmes/${programmeId}/submissions`),
    enabled: !!programmeId,
  });
}

export function useAttendance(sessionId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'attendance', sessionId],
    queryFn: () =>
      api<{ items: { userId: string; displayName: string; present: boolean; method: 'qr' | 'roll_call' | null }[] }>(
        `${T}/sessions/${sessionId}/attendance`,
      ),
    enabled: !!sessionId,
    refetchInterval: 10_000,
  });
}

/** The rotating QR: refetched when the server says the token turns over. */
export function useSessionQr(sessionId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'qr', sessionId],
    queryFn: () => api<{ token: string; url: string; svg: string; refreshInSeconds: number }>(`${T}/sessions/${sessionId}/qr`),
    enabled: !!sessionId,
    refetchInterval: (q) => Math.max(1, q.state.data?.refreshInSeconds ?? 30) * 1000,
    gcTime: 0,
  });
}

export function useMyLearning() {
  return useQuery({ queryKey: ['training', 'me', 'learning'], queryFn: () => api<{ items: LearningItem[] }>(`${T}/me/learning`) });
}

export function useMyProfile() {
  return useQuery({ queryKey: ['training', 'me', 'profile'], queryFn: () => api<Profile>(`${T}/me/profile`) });
}

export function useApprovals(enabled: boolean) {
  return useQuery({ queryKey: ['training', 'approvals'], queryFn: () => api<{ items: Enrolment[] }>(`${T}/approvals`), enabled });
}

export function useTrainingDashboard(year?: number, cohortId?: string) {
  return useQuery({
    queryKey: ['training', 'dashboard', year, cohortId],
    queryFn: () => api<Dashboard>(`${T}/dashboard`, { query: { year, cohortId } }),
  });
}

export function useVerification(credentialId: string | undefined) {
  return useQuery({
    queryKey: ['credential', credentialId],
    queryFn: () => api<Verification>(`/api/v1/credentials/${credentialId}/verify`),
    enabled: !!credentialId,
  });
}

/** One mutation hook for every training write: each invalidates the training queries after success. */
export function useTrainingAction<TBody = void, TResult = unknown>(path: (arg: TBody) => string, body?: (arg: TBody) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: TBody) => api<TResult>(path(arg), { method: 'POST', body: body ? body(arg) : undefined }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training'] }),
  });
}

export const trainingPaths = {
  programmes: `${T}/programmes`,
  programme: (id: string) => `${T}/programmes/${id}`,
  enrol: (id: string) => `${T}/programmes/${id}/enrolments`,
  cohorts: (id: string) => `${T}/programmes/${id}/cohorts`,
  publish: (id: string) => `${T}/programmes/${id}/publish`,
  sessions: (id: string) => `${T}/programmes/${id}/sessions`,
  assignments: (id: string) => `${T}/programmes/${id}/assignments`,
  certify: (id: string) => `${T}/programmes/${id}/certify`,
  decision: (id: string) => `${T}/enrolments/${id}/decision`,
  principalDecision: (id: string) => `${T}/enrolments/${id}/principal-decision`,
  withdraw: (id: string) => `${T}/enrolments/${id}/withdraw`,
  checkIn: (sessionId: string) => `${T}/sessions/${sessionId}/check-in`,
  rollCall: (sessionId: string) => `${T}/sessions/${sessionId}/roll-call`,
  submit: (assignmentId: string) => `${T}/assignments/${assignmentId}/submissions`,
  review: (submissionId: string) => `${T}/submissions/${submissionId}/review`,
  selfAssessment: `${T}/me/self-assessments`,
  credentialJson: (id: string) => `/api/v1/credentials/${id}`,
  credentialPdf: (id: string) => `/api/v1/credentials/${id}/pdf`,
};

export type { CreateProgrammeBody };
