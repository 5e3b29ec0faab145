import { z } from 'zod';
import { ZId } from './common.ts';
import { CONTENT_LANGUAGES } from '../languages.ts';

/**
 * Contracts of the contests module (以赛促学, issue 8): levelled competitions, registration, submissions,
 * judging, upward recommendation, results; and science-popularisation events. Shared by server and web.
 */

export const CONTEST_LEVELS = ['school', 'district', 'city', 'province', 'national'] as const;
export type ContestLevel = (typeof CONTEST_LEVELS)[number];

/** open (registration and submission by the timeline) → published (results out) → promoted. */
export const CONTEST_STATUSES = ['open', 'published', 'promoted'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const ENTRY_KINDS = ['individual', 'team'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** `pending_confirmation`: promoted from a lower round, waiting for this round's organiser. */
export const ENTRY_STATUSES = ['registered', 'pending_confirmation', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const AWARDS = ['first', 'second', 'third', 'merit'] as const;
export type Award = (typeof AWARDS)[number];

export const EVENT_KINDS = ['lecture', 'science_day', 'lab_visit', 'enterprise_visit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const ZGradeBand = z.object({ min: z.number().int().min(1).max(12), max: z.number().int().min(1).max(12) });
export type GradeBand = z.infer<typeof ZGradeBand>;

export const ZContestRules = z.object({
  crossSchoolTeams: z.boolean().default(false),
  blind: z.boolean().default(true),
  /** Also keep judges off entries from their own district (or other unit directly holding the school). */
  excludeSameJurisdiction: z.boolean().default(false),
  judgesPerEntry: z.number().int().min(1).max(9).default(3),
  maxTeamSize: z.number().int().min(1).max(10).default(5),
});
export type ContestRules = z.infer<typeof ZContestRules>;

export const ZRubricCriterion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(100),
  weight: z.number().positive().max(100),
  max: z.number().int().min(1).max(100),
});
export type RubricCriterion = z.infer<typeof ZRubricCriterion>;

export interface SubmissionFile {
  sha256: string;
  filename: string;
  size: number;
}
export const SUBMISSION_LINK_KINDS = ['link', 'repository', 'video'] as const;
export const ZSubmissionLink = z.object({ kind: z.enum(SUBMISSION_LINK_KINDS), url: z.url({ protocol: /^https?$/ }).max(500) });
export type SubmissionLink = z.infer<typeof ZSubmissionLink>;

const ZWhen = z.coerce.date();

export const ZCreateContestBody = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
    name: z.string().trim().min(1).max(200),
    language: z.enum(CONTENT_LANGUAGES),
    description: z.string().max(5000).default(''),
    organiserUnitId: ZId.optional(),
    organiserSchoolId: ZId.optional(),
    level: z.enum(CONTEST_LEVELS),
    whitelisted: z.boolean().default(false),
    tracks: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    gradeBands: z.array(ZGradeBand).min(1).max(6),
    rules: ZContestRules,
    rubric: z.array(ZRubricCriterion).min(1).max(12),
    registrationOpensAt: ZWhen,
    registrationClosesAt: ZWhen,
    submissionClosesAt: ZWhen,
    judgingClosesAt: ZWhen,
    appealsClosesAt: ZWhen,
    resultsAt: ZWhen,
    quotaPerUnit: z.number().int().min(0).max(100).default(2),
    parentContestId: ZId.optional(),
  })
  .refine((b) => !!b.organiserUnitId !== !!b.organiserSchoolId, { message: 'exactly one organiser', path: ['organiserUnitId'] })
  .refine(
    (b) =>
      b.registrationOpensAt <= b.registrationClosesAt &&
      b.registrationClosesAt <= b.submissionClosesAt &&
      b.submissionClosesAt <= b.judgingClosesAt &&
      b.judgingClosesAt <= b.resultsAt &&
      b.resultsAt <= b.appealsClosesAt,
    { message: 'timeline out of order', path: ['submissionClosesAt'] },
  );
export type CreateContestBody = z.infer<typeof ZCreateContestBody>;

/**
 * Editing a round (PATCH with If-Match). Code, language, organiser, level and parent are fixed at creation;
 * rubric, rules and the submission deadline only until judging starts (when submissions close).
 */
export const ZUpdateContestBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000),
    whitelisted: z.boolean(),
    tracks: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    gradeBands: z.array(ZGradeBand).min(1).max(6),
    rules: ZContestRules,
    rubric: z.array(ZRubricCriterion).min(1).max(12),
    registrationOpensAt: ZWhen,
    registrationClosesAt: ZWhen,
    submissionClosesAt: ZWhen,
    judgingClosesAt: ZWhen,
    appealsClosesAt: ZWhen,
    resultsAt: ZWhen,
    quotaPerUnit: z.number().int().min(0).max(100),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateContestBody = z.infer<typeof ZUpdateContestBody>;
/** Fields that change how entries are judged: frozen once judging starts. */
export const JUDGING_FIELDS = ['rules', 'rubric', 'submissionClosesAt'] as const;

export const ZRegisterBody = z.object({
  title: z.string().trim().min(1).max(200),
  track: z.string().trim().min(1).max(60),
  kind: z.enum(ENTRY_KINDS),
  studentIds: z.array(ZId).min(1).max(10),
  advisorIds: z.array(ZId).max(3).default([]),
  guardianConsent: z.boolean(),
});
export type RegisterBody = z.infer<typeof ZRegisterBody>;

/** Team changes before the submission deadline: pupils to add, members (pupils or advisors) to remove. */
export const ZMembersBody = z
  .object({ addStudentIds: z.array(ZId).max(10).default([]), removeUserIds: z.array(ZId).max(10).default([]) })
  .refine((b) => b.addStudentIds.length + b.removeUserIds.length > 0, { message: 'nothing to change' });
export type MembersBody = z.infer<typeof ZMembersBody>;

export const ZSubmitBody = z.object({
  files: z
    .array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), filename: z.string().min(1).max(200) }))
    .max(10)
    .default([]),
  links: z.array(ZSubmissionLink).max(10).default([]),
  note: z.string().max(2000).default(''),
});
export type SubmitBody = z.infer<typeof ZSubmitBody>;

export const ZAddJudgesBody = z.object({ userIds: z.array(ZId).min(1).max(100) });
export const ZScoreBody = z.object({
  scores: z.record(z.string(), z.number().min(0).max(100)),
  comment: z.string().max(2000).default(''),
  /** true locks the scores (no more changes). */
  submit: z.boolean().default(false),
});
export type ScoreBody = z.infer<typeof ZScoreBody>;

export const ZAppealBody = z.object({ entryId: ZId, reason: z.string().trim().min(1).max(2000) });
export const ZAppealDecisionBody = z.object({ status: z.enum(['upheld', 'dismissed']), outcome: z.string().trim().min(1).max(2000) });

export const ZCreateEventBody = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
  kind: z.enum(EVENT_KINDS),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  language: z.enum(CONTENT_LANGUAGES),
  location: z.string().trim().min(1).max(200),
  organiserUnitId: ZId.optional(),
  organiserSchoolId: ZId.optional(),
  startsAt: ZWhen,
  endsAt: ZWhen,
  capacity: z.number().int().min(1).max(10000),
  feedbackQuestions: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
});
export type CreateEventBody = z.infer<typeof ZCreateEventBody>;

export const ZAttendanceBody = z.object({ signupIds: z.array(ZId).max(1000), attended: z.boolean() });
export const ZFeedbackBody = z.object({
  rating: z.number().int().min(1).max(5),
  answers: z.record(z.string(), z.string().max(2000)).default({}),
});
export const ZPublicEventsQuery = z.object({ jurisdiction: z.string().regex(/^[A-Z]{2}$/) });
