import { z } from 'zod';
import { ZId, ZLimit, ZLocalisedName } from './common.ts';
import type { LocalisedName } from '../languages.ts';

/**
 * Contracts of the growth module (综合素质评价 / student learning profile): frameworks, terms, records,
 * evidence, the five stages, reports and aggregates. docs/growth.md explains the stages and roles.
 */

/** Where a record is in the five stages; "teacher review" is per evidence, "use" is the report. */
export const GROWTH_STAGES = ['recording', 'selected', 'publicity', 'archived'] as const;
export type GrowthRecordStage = (typeof GROWTH_STAGES)[number];

/** `awaiting_student`: a classmate's entry the student has not accepted yet (peer entries need approval). */
export const GROWTH_REVIEW_STATUSES = ['awaiting_student', 'pending', 'approved', 'returned', 'declined'] as const;
export type GrowthReviewStatus = (typeof GROWTH_REVIEW_STATUSES)[number];

export const GROWTH_AUTHOR_ROLES = ['self', 'teacher', 'peer', 'system'] as const;
export type GrowthAuthorRole = (typeof GROWTH_AUTHOR_ROLES)[number];

/** Where an entry came from: written by hand, from the learning record store, or from another module. */
export const GROWTH_SOURCES = ['manual', 'xapi', 'contest', 'training', 'project', 'volunteering'] as const;
export type GrowthEvidenceSource = (typeof GROWTH_SOURCES)[number];

export const GROWTH_OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type GrowthObjectionStatus = (typeof GROWTH_OBJECTION_STATUSES)[number];

/** The mainland five (德智体美劳) a dimension maps to, when it does. */
export const GROWTH_DOMAINS = ['de', 'zhi', 'ti', 'mei', 'lao'] as const;
export type GrowthDomain = (typeof GROWTH_DOMAINS)[number];

export interface GrowthIndicator {
  key: string;
  names: LocalisedName;
  descriptions: LocalisedName;
}

export interface GrowthDimension {
  key: string;
  domain: GrowthDomain | null;
  names: LocalisedName;
  descriptions: LocalisedName;
  indicators: GrowthIndicator[];
}

const ZKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'lower-case key, e.g. moral_civic');
const ZDescriptions = z.object({
  'zh-Hans': z.string().trim().max(2000),
  'zh-Hant': z.string().trim().max(2000),
  en: z.string().trim().max(2000),
});

export const ZGrowthIndicator = z.object({ key: ZKey, names: ZLocalisedName, descriptions: ZDescriptions });
export const ZGrowthDimension = z.object({
  key: ZKey,
  domain: z.enum(GROWTH_DOMAINS).nullable(),
  names: ZLocalisedName,
  descriptions: ZDescriptions,
  indicators: z.array(ZGrowthIndicator).max(30),
});

export const ZUpdateFrameworkBody = z
  .object({ names: ZLocalisedName, dimensions: z.array(ZGrowthDimension).min(1).max(12) })
  .refine((b) => new Set(b.dimensions.map((d) => d.key)).size === b.dimensions.length, {
    message: 'dimension keys must be unique',
    path: ['dimensions'],
  });
export type TUpdateFrameworkBody = z.infer<typeof ZUpdateFrameworkBody>;

const ZDay = z.iso.date();

export const ZCreateTermBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{2,40}$/),
    names: ZLocalisedName,
    startsOn: ZDay,
    endsOn: ZDay,
    publicityWorkingDays: z.number().int().min(1).max(20).default(5),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: 'a term ends after it starts', path: ['endsOn'] });
export type TCreateTermBody = z.infer<typeof ZCreateTermBody>;

export const ZCreateEvidenceBody = z.object({
  /** Omitted: the signed-in student's own record. */
  studentId: ZId.optional(),
  termId: ZId,
  authorRole: z.enum(['self', 'teacher', 'peer']),
  source: z.enum(GROWTH_SOURCES).exclude(['xapi']).default('manual'),
  dimensionKey: ZKey,
  indicatorKey: ZKey.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  language: z.enum(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en', 'pt']),
  occurredOn: ZDay,
});
export type TCreateEvidenceBody = z.infer<typeof ZCreateEvidenceBody>;

export const ZUpdateEvidenceBody = z
  .object({
    dimensionKey: ZKey,
    indicatorKey: ZKey.nullable(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000),
    occurredOn: ZDay,
  })
  .partial();
export type TUpdateEvidenceBody = z.infer<typeof ZUpdateEvidenceBody>;

export const ZReviewBody = z.object({ decision: z.enum(['approved', 'returned']), comment: z.string().trim().max(1000).default('') });
export const ZPeerResponseBody = z.object({ accept: z.boolean() });
export const ZSelectionBody = z.object({ evidenceIds: z.array(ZId).max(200) });
export const ZOpenPublicityBody = z.object({ termId: ZId, workingDays: z.number().int().min(1).max(20).optional() });
export const ZRaiseObjectionBody = z.object({ evidenceId: ZId, reason: z.string().trim().min(2).max(1000) });
export const ZResolveObjectionBody = z.object({ decision: z.enum(['upheld', 'dismissed']), reason: z.string().trim().min(2).max(1000) });
export const ZTermQuery = z.object({ termId: ZId });
export const ZOptionalTermQuery = z.object({ termId: ZId.optional() });
export const ZReviewQueueQuery = z.object({ termId: ZId.optional(), limit: ZLimit });
export const ZAggregatesQuery = z.object({ termCode: z.string().trim().min(2).max(40), authorityUnitId: ZId.optional() });

/** Evidence from another module (contests, training, projects, volunteering): idempotent by `sourceRef`. */
export interface SourceEvidenceInput {
  source: Exclude<GrowthEvidenceSource, 'manual' | 'xapi'>;
  sourceRef: string;
  studentId: string;
  dimensionKey: string;
  indicatorKey?: string | null;
  title: string;
  description?: string;
  language: string;
  occurredOn: string;
  /** Marks the entry "not for admissions use" (contest awards). */
  notForAdmissions?: boolean;
}

export const ZXapiRulesBody = z.object({
  rules: z
    .array(
      z.object({
        verbId: z.url().max(500),
        activityType: z.url().max(500).nullable(),
        dimensionKey: ZKey,
        indicatorKey: ZKey.nullable().default(null),
      }),
    )
    .max(200),
});

// ---- Answer shapes (presenters build these; the web reads them) ----

export interface GrowthFrameworkView {
  id: string;
  jurisdictionId: string;
  version: number;
  isCurrent: boolean;
  names: LocalisedName;
  dimensions: GrowthDimension[];
  createdAt: string;
}

export interface GrowthTermView {
  id: string;
  schoolId: string;
  code: string;
  names: LocalisedName;
  startsOn: string;
  endsOn: string;
  publicityWorkingDays: number;
  frameworkId: string;
}

export interface GrowthPersonRef {
  id: string;
  displayName: string;
}

export interface GrowthAttachmentView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface GrowthEvidenceView {
  id: string;
  recordId: string;
  studentId: string;
  dimensionKey: string;
  indicatorKey: string | null;
  title: string;
  description: string;
  language: string;
  occurredOn: string;
  author: GrowthPersonRef | null;
  authorRole: GrowthAuthorRole;
  source: GrowthEvidenceSource;
  reviewStatus: GrowthReviewStatus;
  reviewComment: string | null;
  reviewedAt: string | null;
  selected: boolean;
  withdrawn: boolean;
  notForAdmissions: boolean;
  attachments: GrowthAttachmentView[];
  version: number;
  createdAt: string;
}

export interface GrowthObjectionView {
  id: string;
  recordId: string;
  evidenceId: string | null;
  evidenceTitle: string | null;
  student: GrowthPersonRef | null;
  /** Shown to staff only; the student whose record it is sees that an objection exists, not who raised it. */
  raisedBy: GrowthPersonRef | null;
  reason: string;
  status: GrowthObjectionStatus;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface GrowthRecordView {
  id: string;
  termId: string;
  student: GrowthPersonRef;
  classId: string | null;
  className: string | null;
  stage: GrowthRecordStage;
  selectedAt: string | null;
  publicityStartsAt: string | null;
  publicityEndsAt: string | null;
  studentConfirmedAt: string | null;
  classTeacherSignedAt: string | null;
  classTeacherSignedBy: GrowthPersonRef | null;
  principalSignedAt: string | null;
  principalSignedBy: GrowthPersonRef | null;
  version: number;
}

/** A record with its evidence and objections, and what the reader may do with it. */
export interface GrowthRecordDetail {
  record: GrowthRecordView;
  term: GrowthTermView;
  framework: GrowthFrameworkView;
  evidence: GrowthEvidenceView[];
  objections: GrowthObjectionView[];
  /** The reader's relation to the record: the UI shows only the actions that would succeed. */
  viewer: { self: boolean; teacher: boolean; classTeacher: boolean; principal: boolean };
}

/** The student's own page: their current (or chosen) term, the record if one was started. */
export interface GrowthMyRecord {
  terms: GrowthTermView[];
  term: GrowthTermView | null;
  framework: GrowthFrameworkView | null;
  detail: GrowthRecordDetail | null;
}

export interface GrowthDimensionCount {
  dimensionKey: string;
  /** Approved (and not withdrawn) entries. */
  count: number;
}

export interface GrowthClassOverviewRow {
  student: GrowthPersonRef;
  recordId: string | null;
  stage: GrowthRecordStage | null;
  counts: GrowthDimensionCount[];
  pendingReview: number;
  openObjections: number;
  /** Dimensions without any approved entry (completeness). */
  missing: string[];
}

export interface GrowthClassOverview {
  classId: string;
  className: string;
  term: GrowthTermView;
  framework: GrowthFrameworkView;
  isClassTeacher: boolean;
  rows: GrowthClassOverviewRow[];
}

export interface GrowthDistributionCell {
  dimensionKey: string;
  studentsWithEvidence: number;
  students: number;
  entries: number;
}

export interface GrowthSchoolDistribution {
  term: GrowthTermView;
  framework: GrowthFrameworkView;
  classes: { classId: string; className: string; cells: GrowthDistributionCell[] }[];
  school: GrowthDistributionCell[];
}

export interface GrowthAggregateCell {
  dimensionKey: string;
  studentsWithEvidence: number | null;
  students: number | null;
  suppressed: boolean;
}

/** What a bureau sees: schools × dimensions, every cell under the threshold withheld. */
export interface GrowthAggregates {
  termCode: string;
  threshold: number;
  framework: GrowthFrameworkView;
  schools: { schoolId: string; schoolNames: LocalisedName; cells: GrowthAggregateCell[] }[];
}

export interface GrowthOverTerms {
  student: GrowthPersonRef;
  terms: { term: GrowthTermView; stage: GrowthRecordStage; counts: GrowthDimensionCount[] }[];
}

export interface GrowthPublicityEntry {
  recordId: string;
  student: GrowthPersonRef;
  publicityEndsAt: string | null;
  evidence: { id: string; dimensionKey: string; title: string; description: string; occurredOn: string }[];
}
