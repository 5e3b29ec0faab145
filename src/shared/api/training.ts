import { z } from 'zod';
import { ZCursor, ZId, ZLimit, ZLocalisedName } from './common.ts';
import { CONTENT_LANGUAGES } from '../languages.ts';

/**
 * Contracts of the training module (师资共训, issue 6): competency frameworks, programmes, sessions,
 * enrolments, attendance, assignments, certificates, profiles and dashboards. Shared by server and web.
 */

/** Who a programme is for (分层): principals, researchers (教研员), teachers, new teachers. */
export const TRAINING_TIERS = ['principal', 'researcher', 'teacher', 'new_teacher'] as const;
export type TrainingTier = (typeof TRAINING_TIERS)[number];

/** What a programme is about (分类). */
export const TRAINING_CATEGORIES = ['ai_literacy', 'ai_subject', 'ai_tools', 'ethics_safety'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

/** UNESCO AI competency framework for teachers (2024): three progression levels. */
export const COMPETENCY_LEVELS = ['acquire', 'deepen', 'create'] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

export const ORGANISER_KINDS = ['bureau', 'school', 'university', 'enterprise'] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];

/**
 * Who may see a programme in the catalogue: `bay_area` → every jurisdiction of the node (cross-border
 * cohorts); `jurisdiction` → the organiser's own jurisdiction only.
 */
export const PROGRAMME_VISIBILITIES = ['bay_area', 'jurisdiction'] as const;
export type ProgrammeVisibility = (typeof PROGRAMME_VISIBILITIES)[number];

export const PROGRAMME_STATUSES = ['draft', 'published', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const SESSION_MODES = ['online', 'onsite'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** pending → (organiser and, when required, principal approve) → enrolled, or waitlisted when full. */
export const ENROLMENT_STATUSES = ['pending', 'enrolled', 'waitlisted', 'rejected', 'withdrawn', 'completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const DECISIONS = ['pending', 'approved', 'rejected', 'not_required'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ASSIGNMENT_KINDS = ['assignment', 'reflection'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const SUBMISSION_STATUSES = ['submitted', 'passed', 'needs_revision'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const ASSESSMENT_PHASES = ['before', 'after', 'self'] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

/** The completion rules a programme certifies by. */
export const ZCompletionRules = z.object({
  /** Share of held sessions attended, 0–100; compared exactly (attended × 100 ≥ min × held). */
  minAttendancePercent: z.number().int().min(0).max(100).default(80),
  /** Ordinary assignments (not the reflection) that must have a passing review. */
  minAssignmentsPassed: z.number().int().min(0).max(50).default(0),
  /** A passed final reflection (反思) is required. */
  requireReflection: z.boolean().default(false),
});
export type CompletionRules = z.infer<typeof ZCompletionRules>;

export const ZCompetencyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{0,79}$/),
  aspect: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
  level: z.enum(COMPETENCY_LEVELS),
  names: ZLocalisedName,
});

export const ZCreateFrameworkBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/),
  names: ZLocalisedName,
  aspects: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
        names: ZLocalisedName,
      }),
    )
    .min(1)
    .max(20),
  competencies: z.array(ZCompetencyInput).min(1).max(200),
});
export type CreateFrameworkBody = z.infer<typeof ZCreateFrameworkBody>;

export const ZCreateProgrammeBody = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(4000).default(''),
  language: z.enum(CONTENT_LANGUAGES),
  tier: z.enum(TRAINING_TIERS),
  category: z.enum(TRAINING_CATEGORIES),
  competencyIds: z.array(ZId).max(30).default([]),
  targetLevel: z.enum(COMPETENCY_LEVELS),
  organiserKind: z.enum(ORGANISER_KINDS),
  organiserName: z.string().trim().min(1).max(200),
  /** The school that runs it (school organisers); otherwise the actor's unit or jurisdiction runs it. */
  ownerSchoolId: ZId.optional(),
  visibility: z.enum(PROGRAMME_VISIBILITIES).default('jurisdiction'),
  creditHours: z.number().min(0).max(500),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  requiresPrincipalApproval: z.boolean().default(false),
  rules: ZCompletionRules.default({ minAttendancePercent: 80, minAssignmentsPassed: 0, requireReflection: false }),
  publish: z.boolean().default(false),
});
export type CreateProgrammeBody = z.infer<typeof ZCreateProgrammeBody>;

export const ZCatalogueQuery = z.object({
  tier: z.enum(TRAINING_TIERS).optional(),
  category: z.enum(TRAINING_CATEGORIES).optional(),
  competencyId: ZId.optional(),
  mode: z.enum(SESSION_MODES).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only programmes the actor can manage (organiser console). */
  managed: z.enum(['1', 'true']).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});
export type CatalogueQuery = z.infer<typeof ZCatalogueQuery>;

/** Reminder lead times the session form offers, in minutes; the API takes any value up to two weeks. */
export const REMINDER_LEAD_CHOICES = [15, 60, 180, 1440, 2880, 10080] as const;
export const REMINDER_DEFAULT_MINUTES = 1440;
export const REMINDER_MAX_MINUTES = 20160;

export const ZCreateSessionBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    mode: z.enum(SESSION_MODES),
    link: z.url().max(500).optional(),
    venue: z.string().trim().min(1).max(300).optional(),
    capacity: z.number().int().min(1).max(10_000).optional(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** How long before the start the enrolled teachers and the organiser are reminded (0 = at the start). */
    reminderMinutesBefore: z.number().int().min(0).max(REMINDER_MAX_MINUTES).default(REMINDER_DEFAULT_MINUTES),
    /** The cohort the session is for; without it the programme's first cohort. */
    cohortId: z.uuid().optional(),
  })
  .refine((s) => (s.mode === 'online' ? !!s.link : !!s.venue), {
    message: 'online sessions need a link, on-site sessions a venue',
    path: ['mode'],
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'a session ends after it starts', path: ['endsAt'] });
export type CreateSessionBody = z.infer<typeof ZCreateSessionBody>;

export const ZRubricCriterion = z.object({ criterion: z.string().trim().min(1).max(200), maxPoints: z.number().int().min(1).max(100) });

export const ZCreateAssignmentBody = z.object({
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().max(4000).default(''),
  kind: z.enum(ASSIGNMENT_KINDS).default('assignment'),
  rubric: z.array(ZRubricCriterion).min(1).max(12),
  /** Points needed to pass, out of the rubric's total. */
  passMark: z.number().int().min(0),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateAssignmentBody = z.infer<typeof ZCreateAssignmentBody>;

export const ZDecisionBody = z.object({ decision: z.enum(['approve', 'reject']) });

export const ZCheckInBody = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

export const ZRollCallBody = z.object({
  entries: z
    .array(z.object({ userId: ZId, present: z.boolean() }))
    .min(1)
    .max(500),
});

export const ZSubmitBody = z
  .object({
    text: z.string().trim().max(20_000).default(''),
    /** A resource in the library module (e.g. the lesson plan the teacher made). */
    resourceId: ZId.optional(),
    url: z.url().max(500).optional(),
  })
  .refine((s) => s.text.length > 0 || !!s.resourceId || !!s.url, {
    message: 'a submission needs text, a resource or a link',
    path: ['text'],
  });
export type SubmitBody = z.infer<typeof ZSubmitBody>;

export const ZReviewBody = z.object({
  scores: z
    .array(z.object({ criterion: z.string().min(1).max(200), points: z.number().int().min(0).max(100) }))
    .min(1)
    .max(12),
  feedback: z.string().trim().max(4000).default(''),
});
export type ReviewBody = z.infer<typeof ZReviewBody>;

export const ZSelfAssessmentBody = z.object({
  competencyId: ZId,
  /** 0 = not yet, 1 = acquire, 2 = deepen, 3 = create. */
  level: z.number().int().min(0).max(3),
  phase: z.enum(ASSESSMENT_PHASES).default('self'),
  programmeId: ZId.optional(),
  evidence: z.string().trim().max(2000).default(''),
  evidenceResourceId: ZId.optional(),
});
export type SelfAssessmentBody = z.infer<typeof ZSelfAssessmentBody>;

export const ZRevokeBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const ZVerifyBody = z.object({ credential: z.string().min(10).max(20_000) });

export const ZDashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Narrows the organiser figures to one cohort of a programme. */
  cohortId: z.uuid().optional(),
});

/** A cohort (班次) of a programme: its own dates, capacity and day-to-day organiser. */
export const ZCreateCohortBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    startsOn: z.iso.date().optional(),
    endsOn: z.iso.date().optional(),
    capacity: z.number().int().min(1).max(10_000).optional(),
    organiserName: z.string().trim().max(200).default(''),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { message: 'a cohort ends after it starts', path: ['endsOn'] });
export type CreateCohortBody = z.infer<typeof ZCreateCohortBody>;

/** Enrolment into one cohort; without `cohortId` the programme's first cohort. */
export const ZEnrolBody = z.object({ cohortId: z.uuid().optional() }).nullish();
