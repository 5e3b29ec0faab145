import { z } from 'zod';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../languages.ts';
import { GRADE_BANDS, LICENCES, PUBLISH_LEVELS, SUBJECTS, type GradeBand, type Licence, type Subject } from '../library.ts';

/** Search pages are smaller than other lists: every hit carries highlights. */
export const MAX_SEARCH_PAGE_SIZE = 50;
export const MAX_SUGGESTIONS = 10;

/** `GET /api/v1/resources/search` */
export const ZSearchQuery = z.object({
  /** Any script, any region's words; empty → everything visible, most popular first. */
  q: z.string().trim().max(200).default(''),
  subject: z.enum(SUBJECTS).optional(),
  gradeBand: z.enum(GRADE_BANDS).optional(),
  language: z.enum(CONTENT_LANGUAGES).optional(),
  licence: z.enum(LICENCES).optional(),
  level: z.enum(PUBLISH_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(300).optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** `GET /api/v1/resources/suggest` */
export const ZSuggestQuery = z.object({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(MAX_SUGGESTIONS),
});
export type TSuggestQuery = z.infer<typeof ZSuggestQuery>;

/** A stretch of a title or snippet, `match` where it matches the query (offsets in the original text). */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  externalId: string | null;
  title: string;
  summary: string;
  language: ContentLanguage;
  subject: Subject;
  gradeBand: GradeBand;
  score: number;
  highlights: {
    /** The whole title, in segments. */
    title: TextSegment[];
    /** A stretch of the summary, or of the body when the summary does not match, in segments. */
    snippet: TextSegment[];
  };
}

export interface SearchFacets {
  subject: Partial<Record<Subject, number>>;
  gradeBand: Partial<Record<GradeBand, number>>;
  language: Partial<Record<ContentLanguage, number>>;
  licence: Partial<Record<Licence, number>>;
}

export interface SearchResponse {
  items: SearchHit[];
  facets: SearchFacets;
  nextCursor: string | null;
}

export interface SuggestResponse {
  items: string[];
}
