import type { CourseRole } from '../../../shared/courses.ts';
import type {
  CourseSummaryView,
  InvitationView,
  LessonSummaryView,
  LessonView,
  TeamMemberView,
  UnitView,
} from '../../../shared/api/courses.ts';
import type { CourseRow } from './courses.access.ts';
import type { courseInvitations, courseLessons, courseUnits } from './courses.schema.ts';

type LessonRow = typeof courseLessons.$inferSelect;
type UnitRow = typeof courseUnits.$inferSelect;

/**
 * `resourceStatus` — the status of the library resource that publishes the course, when there is one: the
 * library's review decides whether the course is published, so that is the status shown.
 */
export function presentCourseSummary(c: CourseRow, myRole: CourseRole | null, resourceStatus?: string | null): CourseSummaryView {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    language: c.language,
    gradeBand: c.gradeBand,
    grades: c.grades,
    competencies: c.competencies,
    level: c.level,
    status:
      resourceStatus === 'published'
        ? 'published'
        : resourceStatus === 'in_review'
          ? 'in_review'
          : c.status === 'published'
            ? 'published'
            : 'draft',
    myRole,
    upstreamCourseId: c.upstreamCourseId,
    editionGroupId: c.editionGroupId,
    schoolId: c.schoolId,
    libraryResourceId: c.libraryResourceId,
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentLessonSummary(l: LessonRow): LessonSummaryView {
  return { id: l.id, title: l.title, position: l.position, durationMinutes: l.durationMinutes };
}

export function presentOutline(units: UnitRow[], lessons: LessonRow[]): UnitView[] {
  return units.map((u) => ({
    id: u.id,
    title: u.title,
    position: u.position,
    lessons: lessons.filter((l) => l.unitId === u.id).map(presentLessonSummary),
  }));
}

export function presentLesson(l: LessonRow, html: string, canWrite: boolean): LessonView {
  return {
    id: l.id,
    courseId: l.courseId,
    unitId: l.unitId,
    position: l.position,
    title: l.title,
    objectives: l.objectives,
    gradeBand: l.gradeBand,
    grades: l.grades,
    durationMinutes: l.durationMinutes,
    materials: l.materials,
    assessment: l.assessment,
    differentiation: l.differentiation,
    aiTools: l.aiTools,
    html,
    canWrite,
    version: l.version,
  };
}

export function presentTeamMember(m: {
  userId: string;
  role: CourseRole;
  displayName: string;
  username: string;
  schoolName: string | null;
  jurisdictionCode: string | null;
}): TeamMemberView {
  return { ...m };
}

export function presentInvitation(i: typeof courseInvitations.$inferSelect, courseTitle: string, invitedBy: string): InvitationView {
  return {
    id: i.id,
    courseId: i.courseId,
    courseTitle,
    role: i.role,
    status: i.status,
    invitedBy,
    createdAt: i.createdAt.toISOString(),
  };
}
