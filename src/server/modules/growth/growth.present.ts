import type {
  GrowthAttachmentView,
  GrowthEvidenceView,
  GrowthFrameworkView,
  GrowthObjectionView,
  GrowthPersonRef,
  GrowthRecordView,
  GrowthTermView,
} from '../../../shared/api/growth.ts';
import type { growthAttachments, growthEvidence, growthFrameworks, growthObjections, growthRecords, growthTerms } from './growth.schema.ts';

/** API shapes of the growth module: rows never leave as they are (a new column never leaks). */

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export type Names = Map<string, string>;
const person = (id: string | null | undefined, names: Names): GrowthPersonRef | null =>
  id ? { id, displayName: names.get(id) ?? '—' } : null;

export function presentFramework(r: Row<typeof growthFrameworks>): GrowthFrameworkView {
  return {
    id: r.id,
    jurisdictionId: r.jurisdictionId,
    version: r.version,
    isCurrent: r.isCurrent,
    names: r.names,
    dimensions: r.dimensions,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentTerm(r: Row<typeof growthTerms>): GrowthTermView {
  return {
    id: r.id,
    schoolId: r.schoolId,
    code: r.code,
    names: r.names,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    publicityWorkingDays: r.publicityWorkingDays,
    frameworkId: r.frameworkId,
  };
}

export function presentRecord(r: Row<typeof growthRecords>, names: Names, className: string | null): GrowthRecordView {
  return {
    id: r.id,
    termId: r.termId,
    student: person(r.studentId, names)!,
    classId: r.classId,
    className,
    stage: r.stage,
    selectedAt: iso(r.selectedAt),
    publicityStartsAt: iso(r.publicityStartsAt),
    publicityEndsAt: iso(r.publicityEndsAt),
    studentConfirmedAt: iso(r.studentConfirmedAt),
    classTeacherSignedAt: iso(r.classTeacherSignedAt),
    classTeacherSignedBy: person(r.classTeacherSignedBy, names),
    principalSignedAt: iso(r.principalSignedAt),
    principalSignedBy: person(r.principalSignedBy, names),
    version: r.version,
  };
}

export function presentAttachment(r: Row<typeof growthAttachments>): GrowthAttachmentView {
  return { id: r.id, filename: r.filename, contentType: r.contentType, size: r.size, url: `/api/v1/growth/attachments/${r.id}` };
}

export function presentEvidence(
  r: Row<typeof growthEvidence>,
  names: Names,
  attachments: Row<typeof growthAttachments>[],
): GrowthEvidenceView {
  return {
    id: r.id,
    recordId: r.recordId,
    studentId: r.studentId,
    dimensionKey: r.dimensionKey,
    indicatorKey: r.indicatorKey,
    title: r.title,
    description: r.description,
    language: r.language,
    occurredOn: r.occurredOn,
    author: person(r.authorId, names),
    authorRole: r.authorRole,
    source: r.source,
    reviewStatus: r.reviewStatus,
    reviewComment: r.reviewComment,
    reviewedAt: iso(r.reviewedAt),
    selected: r.selected,
    withdrawn: r.withdrawn,
    notForAdmissions: r.notForAdmissions,
    attachments: attachments.filter((a) => a.evidenceId === r.id).map(presentAttachment),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** `showRaiser`: staff see who objected; the student whose record it is does not (no retaliation). */
export function presentObjection(
  r: Row<typeof growthObjections>,
  names: Names,
  extra: { evidenceTitle: string | null; studentId: string | null; showRaiser: boolean },
): GrowthObjectionView {
  return {
    id: r.id,
    recordId: r.recordId,
    evidenceId: r.evidenceId,
    evidenceTitle: extra.evidenceTitle,
    student: person(extra.studentId, names),
    raisedBy: extra.showRaiser ? person(r.raisedBy, names) : null,
    reason: r.reason,
    status: r.status,
    resolution: r.resolution,
    resolvedAt: iso(r.resolvedAt),
    createdAt: r.createdAt.toISOString(),
  };
}
