import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../../../shared/languages.ts';
import { GRADE_BANDS, LICENCES, PUBLISH_LEVELS, SUBJECTS } from '../../../shared/library.ts';

/**
 * What travels between nodes (protocol 1). Parsed strictly on receipt: a peer is trusted to be who it
 * is, not to send well-formed data.
 */
export const ZFeedFile = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1).max(300),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().min(0),
});

const ZCommon = {
  id: z.string().min(1).max(100),
  deleted: z.literal(false),
  updatedAt: z.iso.datetime(),
  jurisdiction: z.string().regex(/^[A-Z]{2,8}$/),
  level: z.enum(PUBLISH_LEVELS),
  title: z.string().min(1).max(500),
  summary: z.string().max(5000),
  files: z.array(ZFeedFile).max(50).default([]),
};

/** What travels between nodes, by kind (docs/federation.md lists what each carries and what it never does). */
export const FEED_KINDS = ['resource', 'course', 'contest', 'programme', 'dataset', 'indicator'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const ZResource = z.object({
  ...ZCommon,
  kind: z.literal('resource'),
  text: z.string().max(40_000),
  keywords: z.array(z.string().max(100)).max(50),
  language: z.enum(CONTENT_LANGUAGES),
  subject: z.enum(SUBJECTS),
  gradeBand: z.enum(GRADE_BANDS),
  licence: z.enum(LICENCES),
  attribution: z.string().max(1000).nullable(),
});

/** A published course: the reviewed outline (text) and its units and lessons. */
const ZCourse = z.object({
  ...ZCommon,
  kind: z.literal('course'),
  text: z.string().max(40_000),
  language: z.enum(CONTENT_LANGUAGES),
  gradeBand: z.enum(GRADE_BANDS),
  grades: z.array(z.number().int()).max(12),
  competencies: z.array(z.string().max(100)).max(50),
  units: z
    .array(
      z.object({
        title: z.string().max(500),
        lessons: z
          .array(
            z.object({
              title: z.string().max(500),
              objectives: z.array(z.string().max(2000)).max(50),
              durationMinutes: z.number().int().nullable(),
              grades: z.array(z.number().int()).max(12),
            }),
          )
          .max(200),
      }),
    )
    .max(100),
});

/** A competition: what an organiser elsewhere needs to know of it — never entrants, teams or scores. */
const ZContest = z.object({
  ...ZCommon,
  kind: z.literal('contest'),
  language: z.string().max(20),
  contestLevel: z.string().max(20),
  whitelisted: z.boolean(),
  tracks: z.array(z.string().max(100)).max(20),
  gradeBands: z.array(z.object({ min: z.number().int(), max: z.number().int() })).max(6),
  rules: z.record(z.string(), z.unknown()),
  dates: z.record(z.string(), z.iso.datetime()),
});

/** A training programme's description — never its cohorts, enrolments or participants. */
const ZProgramme = z.object({
  ...ZCommon,
  kind: z.literal('programme'),
  language: z.string().max(20),
  tier: z.string().max(40),
  category: z.string().max(40),
  targetLevel: z.string().max(40),
  organiserName: z.string().max(300),
  creditHours: z.number(),
});

/** A de-identified dataset released under a sharing agreement; `content` inline when small and textual. */
const ZDataset = z.object({
  ...ZCommon,
  kind: z.literal('dataset'),
  category: z.string().max(60),
  format: z.enum(['csv', 'xlsx', 'jsonl']),
  rowCount: z.number().int().min(0),
  columns: z.array(z.string().max(200)).max(500),
  agreement: z.object({
    id: z.string().max(100),
    title: z.string().max(500),
    purpose: z.string().max(5000),
    parties: z.array(z.string().regex(/^[A-Z]{2,8}$/)).max(2),
    expiresAt: z.iso.datetime(),
  }),
  content: z.string().max(1_100_000).nullable(),
});

/** A jurisdiction's total of one indicator in one term; `value` is null when the cell is suppressed. */
const ZIndicator = z.object({
  ...ZCommon,
  kind: z.literal('indicator'),
  code: z.string().max(100),
  term: z.string().max(40),
  names: z.record(z.string(), z.string().max(500)),
  unit: z.string().max(40),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

const ZLive = z.discriminatedUnion('kind', [ZResource, ZCourse, ZContest, ZProgramme, ZDataset, ZIndicator]);

const ZTombstone = z.object({
  kind: z.enum(FEED_KINDS),
  id: z.string().min(1).max(100),
  deleted: z.literal(true),
  updatedAt: z.iso.datetime(),
});

export const ZFeedItem = z.union([ZLive, ZTombstone]);
export const ZFeedPage = z.object({ items: z.array(z.unknown()), cursor: z.string().max(4000), hasMore: z.boolean() });

export type FeedFile = z.infer<typeof ZFeedFile>;
export type LiveItem = z.infer<typeof ZLive>;
export type FeedItem = LiveItem | z.infer<typeof ZTombstone>;
export type FeedPage = { items: FeedItem[]; cursor: string; hasMore: boolean };

export const ZChangesQuery = z.object({
  since: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const ZPeeringBody = z.object({ url: z.url(), relation: z.enum(['parent', 'child', 'sibling']) });
export const ZProposeBody = ZPeeringBody;
