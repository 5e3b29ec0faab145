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

const ZLive = z.object({
  kind: z.literal('resource'),
  id: z.string().min(1).max(100),
  deleted: z.literal(false),
  updatedAt: z.iso.datetime(),
  jurisdiction: z.string().regex(/^[A-Z]{2,8}$/),
  level: z.enum(PUBLISH_LEVELS),
  title: z.string().min(1).max(500),
  summary: z.string().max(5000),
  text: z.string().max(40_000),
  keywords: z.array(z.string().max(100)).max(50),
  language: z.enum(CONTENT_LANGUAGES),
  subject: z.enum(SUBJECTS),
  gradeBand: z.enum(GRADE_BANDS),
  licence: z.enum(LICENCES),
  attribution: z.string().max(1000).nullable(),
  files: z.array(ZFeedFile).max(50),
});

const ZTombstone = z.object({
  kind: z.literal('resource'),
  id: z.string().min(1).max(100),
  deleted: z.literal(true),
  updatedAt: z.iso.datetime(),
});

export const ZFeedItem = z.union([ZLive, ZTombstone]);
export const ZFeedPage = z.object({ items: z.array(z.unknown()), cursor: z.string().max(500), hasMore: z.boolean() });

export type FeedFile = z.infer<typeof ZFeedFile>;
export type FeedItem = z.infer<typeof ZLive> | z.infer<typeof ZTombstone>;
export type FeedPage = { items: FeedItem[]; cursor: string; hasMore: boolean };

export const ZChangesQuery = z.object({
  since: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const ZPeeringBody = z.object({ url: z.url(), relation: z.enum(['parent', 'child', 'sibling']) });
export const ZProposeBody = ZPeeringBody;
