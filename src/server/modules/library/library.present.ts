import type { ContentLanguage, LocalisedName } from '../../../shared/languages.ts';
import type { PublishLevel } from '../../../shared/library.ts';
import type { ResourceFileRow, ResourceRow, SubmissionRow } from './library.schema.ts';
import { isPreviewable } from './library.file-types.ts';

/** Row → API shapes. A database row is never returned as is (STYLE.md "Presenters"). */

export interface ResourceSummaryView {
  id: string;
  externalId: string | null;
  title: string;
  summary: string;
  language: ContentLanguage;
  subject: string;
  gradeBand: string;
  grades: number[];
  keywords: string[];
  licence: string;
  publishLevel: PublishLevel;
  status: string;
  authorId: string;
  schoolId: string;
  adaptedFromId: string | null;
  adaptationKind: string | null;
  counts: { views: number; downloads: number; favourites: number; ratings: number; ratingAverage: number | null };
  version: number;
  publishedAt: string | null;
  updatedAt: string;
}

export function presentResourceSummary(r: ResourceRow): ResourceSummaryView {
  return {
    id: r.id,
    externalId: r.externalId,
    title: r.title,
    summary: r.summary,
    language: r.language,
    subject: r.subject,
    gradeBand: r.gradeBand,
    grades: r.grades,
    keywords: r.keywords,
    licence: r.licence,
    publishLevel: r.publishLevel,
    status: r.status,
    authorId: r.authorId,
    schoolId: r.schoolId,
    adaptedFromId: r.adaptedFromId,
    adaptationKind: r.adaptationKind,
    counts: {
      views: r.viewCount,
      downloads: r.downloadCount,
      favourites: r.favouriteCount,
      ratings: r.ratingCount,
      ratingAverage: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
    },
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentFile(resourceId: string, f: ResourceFileRow) {
  const base = `/api/v1/resources/${resourceId}/files/${f.id}`;
  return {
    id: f.id,
    filename: f.filename,
    mediaType: f.mediaType,
    size: f.size,
    sha256: f.sha256,
    textExtraction: f.extraction,
    downloadUrl: base,
    previewUrl: isPreviewable(f.mediaType) ? `${base}?inline=1` : null,
  };
}

export function presentSubmission(
  s: SubmissionRow,
  extra: { resourceTitle?: string; submitterName?: string; reviewerName?: string | null } = {},
) {
  return {
    id: s.id,
    resourceId: s.resourceId,
    resourceTitle: extra.resourceTitle,
    level: s.level,
    fromLevel: s.fromLevel,
    status: s.status,
    note: s.note,
    submittedBy: { id: s.submittedBy, displayName: extra.submitterName ?? null },
    reviewer: s.reviewerId ? { id: s.reviewerId, displayName: extra.reviewerName ?? null } : null,
    comment: s.comment,
    resourceVersion: s.resourceVersion,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
  };
}

export interface ResourceDetailExtras {
  author: { id: string; displayName: string };
  school: { id: string; code: string; names: LocalisedName };
  files: ResourceFileRow[];
  pendingSubmission: SubmissionRow | null;
  adaptedFrom: { id: string; title: string } | null;
  adaptations: { id: string; title: string; language: ContentLanguage; kind: string | null }[];
  mine: { rating: { stars: number; review: string | null } | null; favourite: boolean };
  permissions: { edit: boolean; submit: boolean; withdraw: boolean; adapt: boolean; review: boolean };
  availableLevels: PublishLevel[] | null;
  display: { language: string; converted: boolean; machineConverted: true } | null;
}

export function presentResource(r: ResourceRow, x: ResourceDetailExtras) {
  return {
    ...presentResourceSummary(r),
    body: r.bodyHtml,
    aiCompetencies: r.aiCompetencies,
    attribution: r.attribution,
    author: x.author,
    school: x.school,
    files: x.files.map((f) => presentFile(r.id, f)),
    pendingSubmission: x.pendingSubmission ? presentSubmission(x.pendingSubmission) : null,
    adaptedFrom: x.adaptedFrom,
    adaptations: x.adaptations,
    mine: x.mine,
    permissions: x.permissions,
    availableLevels: x.availableLevels,
    /** Present when the text was machine-converted for display (`?display=`): label it in the UI. */
    display: x.display,
    createdAt: r.createdAt.toISOString(),
  };
}
