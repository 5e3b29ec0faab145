import { z } from 'zod';
import { SCHOOL_STAGES } from '../tenancy.ts';
import { ZId } from './common.ts';

/** HTTP shapes of the collaboration network (docs/network.md lists every route with these bodies). */

/** Topics a school works on or looks for; the UI translates `network.interests.<key>`. */
export const NETWORK_INTERESTS = [
  'ai-literacy',
  'robotics',
  'programming',
  'data-science',
  'smart-agriculture',
  'stem-projects',
  'teacher-development',
  'cultural-exchange',
  'language-exchange',
  'maker-education',
  'ai-ethics',
  'competitions',
] as const;
export type NetworkInterest = (typeof NETWORK_INTERESTS)[number];

export const EXCHANGE_KINDS = ['visit', 'joint-online-lesson', 'student-exchange', 'teacher-shadowing'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export const PAIR_STATUSES = ['proposed', 'active', 'declined', 'ended'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

export const RENEWALS = ['auto', 'review', 'none'] as const;
export type Renewal = (typeof RENEWALS)[number];

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PROJECT_ROLES = ['lead', 'researcher', 'teacher', 'advisor'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const DOCUMENT_KINDS = ['resource', 'course', 'link'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const EXPERT_KINDS = ['university', 'industry'] as const;

const ZDate = z.iso.date();
const ZTags = z.array(z.enum(NETWORK_INTERESTS)).max(12);

export const ZContact = z.object({
  name: z.string().trim().min(1).max(80),
  role: z.string().trim().max(80).default(''),
  email: z.email().max(200).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const ZUpdateProfileBody = z.object({
  summary: z.string().trim().max(2000).optional(),
  interests: ZTags.optional(),
  seeks: ZTags.optional(),
  labs: z.number().int().min(0).max(100).optional(),
  coursesOffered: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  contacts: z.array(ZContact).max(5).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export type TUpdateProfileBody = z.infer<typeof ZUpdateProfileBody>;

export const ZDirectoryQuery = z.object({
  jurisdiction: z.string().trim().max(8).optional(),
  stage: z.enum(SCHOOL_STAGES).optional(),
  interest: z.enum(NETWORK_INTERESTS).optional(),
  language: z.string().trim().max(16).optional(),
  q: z.string().trim().max(80).optional(),
});
export type TDirectoryQuery = z.infer<typeof ZDirectoryQuery>;

export const ZSuggestionsQuery = z.object({ schoolId: ZId.optional() });

export const ZAgreementTerms = z
  .object({
    goals: z.string().trim().min(1).max(2000),
    termStart: ZDate,
    termEnd: ZDate,
    renewal: z.enum(RENEWALS).default('review'),
  })
  .refine((v) => v.termEnd > v.termStart, { message: 'term must end after it starts', path: ['termEnd'] });

export const ZProposeBody = z.object({
  /** The school asked; the proposer's own school comes from their principal membership. */
  partnerSchoolId: ZId,
  fromSchoolId: ZId.optional(),
  message: z.string().trim().max(2000).default(''),
  terms: ZAgreementTerms,
});
export type TProposeBody = z.infer<typeof ZProposeBody>;

export const ZDecisionBody = z.object({ decision: z.enum(['accept', 'decline']) });

export const ZExchangeBody = z.object({
  kind: z.enum(EXCHANGE_KINDS),
  title: z.string().trim().min(1).max(200),
  startsOn: ZDate,
  endsOn: ZDate.optional(),
  teachers: z.number().int().min(0).max(1000).default(0),
  students: z.number().int().min(0).max(5000).default(0),
  participants: z.string().trim().max(1000).default(''),
  reflection: z.string().trim().max(5000).default(''),
});
export type TExchangeBody = z.infer<typeof ZExchangeBody>;

export const ZReflectionBody = z.object({ reflection: z.string().trim().min(1).max(5000) });

export const ZSummaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZCreateProjectBody = z.object({
  title: z.string().trim().min(1).max(200),
  question: z.string().trim().min(1).max(2000),
  /** The school the creator acts for, when they hold a role at several. */
  schoolId: ZId.optional(),
});

export const ZAddMemberBody = z.object({
  username: z.string().trim().min(1).max(80),
  role: z.enum(PROJECT_ROLES).default('teacher'),
});

export const ZMilestoneBody = z.object({ title: z.string().trim().min(1).max(200), dueOn: ZDate });
export const ZTaskBody = z.object({ title: z.string().trim().min(1).max(200), assigneeId: ZId.optional() });
export const ZTaskStatusBody = z.object({ status: z.enum(TASK_STATUSES) });
export const ZThreadBody = z.object({ title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000) });
export const ZPostBody = z.object({ body: z.string().trim().min(1).max(10_000) });
export const ZDocumentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** A library resource id, a course id, or an https URL. */
  ref: z.string().trim().min(1).max(500),
  title: z.string().trim().min(1).max(200),
});
export const ZPublishBody = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(2000).default(''),
  language: z.enum(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO', 'en', 'pt']).default('zh-Hans'),
});

export const ZExpertBody = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(EXPERT_KINDS),
  affiliation: z.string().trim().min(1).max(200),
  fields: z.array(z.string().trim().min(1).max(60)).min(1).max(10),
  availability: z.string().trim().max(500).default(''),
});
export const ZMentorshipBody = z.object({ schoolId: ZId, focus: z.string().trim().min(1).max(500) });
export const ZMentoringLogBody = z.object({
  on: ZDate,
  minutes: z.number().int().min(1).max(1440),
  note: z.string().trim().min(1).max(5000),
});
export const ZLectureBody = z.object({
  title: z.string().trim().min(1).max(200),
  on: ZDate,
  /** The contests/events module's event id or URL, when the lecture is announced there. */
  eventRef: z.string().trim().max(500).optional(),
});
export const ZSchoolIdParams = z.object({ schoolId: ZId });
