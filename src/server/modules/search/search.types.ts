import type { ContentLanguage } from '../../../shared/languages.ts';
import type { GradeBand, Licence, PublishLevel, ResourceStatus, Subject } from '../../../shared/library.ts';
import type { TSearchQuery } from '../../../shared/api/search.ts';

/** What the library hands to `indexDocument` on every save (the library ↔ search contract). */
export interface SearchDocument {
  /** The resource (or course) id. */
  id: string;
  kind: 'resource' | 'course';
  externalId: string | null;
  title: string;
  summary: string;
  /** Plain text: rich text stripped, file text appended. */
  body: string;
  keywords: string[];
  language: ContentLanguage;
  subject: Subject;
  gradeBand: GradeBand;
  licence: Licence;
  publishLevel: PublishLevel;
  status: ResourceStatus;
  authorId: string;
  schoolId: string;
  jurisdictionId: string;
  anchorUnitId: string | null;
  /** views + 3×downloads + 5×favourites: ranking ties and "popular". */
  popularity: number;
  updatedAt: Date;
}

/** A search as the service takes it (the parsed HTTP query). */
export type SearchQuery = Omit<TSearchQuery, 'limit' | 'q'> & { q?: string; limit?: number };

export type { SearchResponse as SearchPage } from '../../../shared/api/search.ts';
