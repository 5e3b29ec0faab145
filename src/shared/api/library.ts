import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.ts';
import {
  AI_COMPETENCIES,
  AI_COMPETENCY_LEVELS,
  GRADE_BANDS,
  LICENCES,
  PUBLISH_LEVELS,
  RESOURCE_STATUSES,
  REVIEW_DECISIONS,
  SUBJECTS,
} from '../library.ts';
import { ZCursor, ZId, ZLimit } from './common.ts';

/** HTTP shapes of the library (docs/library.md lists every route with these bodies). */

export const ZAiCompetencyTag = z.object({
  competency: z.enum(AI_COMPETENCIES),
  level: z.enum(AI_COMPETENCY_LEVELS),
});

const ZKeywords = z.array(z.string().trim().min(1).max(40)).max(20);

/** The editable fields, without defaults: an update must never fill in what it did not send. */
const resourceFieldShape = {
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(2000),
  /** Rich text as HTML; the server sanitises it (only safe tags and links survive). */
  body: z.string().max(500_000),
  language: z.enum(CONTENT_LANGUAGES),
  subject: z.enum(SUBJECTS),
  gradeBand: z.enum(GRADE_BANDS),
  grades: z.array(z.number().int().min(1).max(12)).max(12),
  aiCompetencies: z.array(ZAiCompetencyTag).max(12),
  keywords: ZKeywords,
  licence: z.enum(LICENCES),
};

/** For a new resource: optional text and lists default to empty. */
export const ZResourceFields = z.object({
  ...resourceFieldShape,
  summary: resourceFieldShape.summary.default(''),
  body: resourceFieldShape.body.default(''),
  grades: resourceFieldShape.grades.default([]),
  aiCompetencies: resourceFieldShape.aiCompetencies.default([]),
  keywords: resourceFieldShape.keywords.default([]),
});
export type TResourceFields = z.infer<typeof ZResourceFields>;

export const ZCreateResourceBody = ZResourceFields.extend({
  /** The school it belongs to, when the author holds a role at several; else their school. */
  schoolId: ZId.optional(),
});
export type TCreateResourceBody = z.infer<typeof ZCreateResourceBody>;

// zod applies .default() even inside .partial(), so the update schema is built from the fields without them.
export const ZUpdateResourceBody = z
  .object(resourceFieldShape)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type TUpdateResourceBody = z.infer<typeof ZUpdateResourceBody>;

export const ZDisplayLanguage = z.enum(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-MO']);

export const ZGetResourceQuery = z.object({
  /** Read the text converted into another Chinese script (labelled as machine-converted). */
  display: ZDisplayLanguage.optional(),
});

export const ZListResourcesQuery = z.object({
  /** mine: what I wrote (any status); school: my schools' resources I may see; all: everything I may see. */
  scope: z.enum(['mine', 'school', 'all']).default('all'),
  status: z.enum(RESOURCE_STATUSES).optional(),
  level: z.enum(PUBLISH_LEVELS).optional(),
  subject: z.enum(SUBJECTS).optional(),
  gradeBand: z.enum(GRADE_BANDS).optional(),
  language: z.enum(CONTENT_LANGUAGES).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});
export type TListResourcesQuery = z.infer<typeof ZListResourcesQuery>;

export const ZResourceFileParams = z.object({ id: ZId, fileId: ZId });
export const ZDownloadQuery = z.object({
  /** Show in the browser (PDF and images only); anything else is always an attachment. */
  inline: z.enum(['1', 'true', '0', 'false']).optional(),
});

export const ZVersionParams = z.object({ id: ZId, number: z.coerce.number().int().min(1) });
export const ZDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const ZSubmitBody = z.object({
  level: z.enum(PUBLISH_LEVELS).exclude(['private']),
  note: z.string().trim().max(1000).optional(),
});

export const ZReviewQueueQuery = z.object({
  status: z.enum(['pending', 'approved', 'returned']).default('pending'),
  limit: ZLimit,
  cursor: ZCursor,
});

export const ZDecisionBody = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(2000).optional(),
});

export const ZEditionBody = z.object({ language: ZDisplayLanguage });
export const ZAdaptBody = z.object({ schoolId: ZId.optional() }).nullish();

export const ZRatingBody = z.object({
  stars: z.number().int().min(1).max(5),
  review: z.string().trim().max(500).optional(),
});

export const ZCollectionBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  language: z.enum(CONTENT_LANGUAGES),
  publishLevel: z.enum(PUBLISH_LEVELS).default('private'),
  schoolId: ZId.optional(),
});
export const ZUpdateCollectionBody = ZCollectionBody.omit({ schoolId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export const ZCollectionItemParams = z.object({ id: ZId, resourceId: ZId });
export const ZCollectionItemBody = z.object({ note: z.string().trim().max(500).optional() });
export const ZListCollectionsQuery = z.object({
  scope: z.enum(['mine', 'all']).default('all'),
  limit: ZLimit,
  cursor: ZCursor,
});

export const ZNotificationsQuery = z.object({
  unread: z.enum(['1', 'true', '0', 'false']).optional(),
  limit: ZLimit,
  cursor: ZCursor,
});

export const ZImportQuery = z.object({
  publishLevel: z.enum(PUBLISH_LEVELS).default('private'),
  schoolId: ZId.optional(),
});

/** One line of a JSONL bulk import. */
export const ZImportLine = z.object({
  externalId: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(2000).default(''),
  body: z.string().max(500_000).default(''),
  language: z.enum(CONTENT_LANGUAGES),
  subject: z.enum(SUBJECTS),
  gradeBand: z.enum(GRADE_BANDS),
  keywords: ZKeywords.default([]),
  licence: z.enum(LICENCES),
});
export type TImportLine = z.infer<typeof ZImportLine>;
