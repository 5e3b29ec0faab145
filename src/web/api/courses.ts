import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CourseSummaryView,
  CourseView,
  CreateCourseBody,
  ForkLessonDiff,
  InvitationView,
  InviteBody,
  LessonView,
  ProgressionView,
  PublishBody,
  ReorderBody,
  UpdateCourseBody,
  UpdateLessonBody,
  VisibleCourseView,
} from '../../shared/api/courses.ts';
import type { EditionLanguage } from '../../shared/courses.ts';
import { api } from './client.ts';

/** Hooks over /api/v1/courses (courses.routes.ts and courses.extra.routes.ts on the server). */

const C = '/api/v1/courses';

export interface ImportResult {
  course: CourseSummaryView;
  skipped: unknown[];
  warnings: { code: string; subject: string | null }[];
}

export function useMyCourses() {
  return useQuery({ queryKey: ['courses', 'mine'], queryFn: () => api<{ items: CourseSummaryView[] }>(C) });
}

export function useCourse(id: string | undefined) {
  return useQuery({ queryKey: ['courses', 'course', id], queryFn: () => api<CourseView>(`${C}/${id}`), enabled: !!id });
}

export function useLesson(courseId: string | undefined, lessonId: string | undefined) {
  return useQuery({
    queryKey: ['courses', 'lesson', courseId, lessonId],
    queryFn: () => api<LessonView>(`${C}/${courseId}/lessons/${lessonId}`),
    enabled: !!courseId && !!lessonId,
  });
}

export function useMyInvitations() {
  return useQuery({ queryKey: ['courses', 'invitations'], queryFn: () => api<{ items: InvitationView[] }>(`${C}/invitations`) });
}

export function useForkDiff(courseId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['courses', 'fork-diff', courseId],
    queryFn: () => api<{ upstreamCourseId: string; lessons: ForkLessonDiff[] }>(`${C}/${courseId}/fork/diff`),
    enabled: !!courseId && enabled,
  });
}

/** Courses the reader may see (for choosing prerequisites). */
export function useVisibleCourses(enabled: boolean) {
  return useQuery({
    queryKey: ['courses', 'visible'],
    queryFn: () => api<{ items: VisibleCourseView[] }>(`${C}/visible`),
    enabled,
  });
}

export function useProgression() {
  return useQuery({ queryKey: ['courses', 'progression'], queryFn: () => api<ProgressionView>(`${C}/progression`) });
}

/** One mutation for every course write; each refreshes the courses queries after success. */
export function useCoursesAction<TArg, TResult = unknown>(call: (arg: TArg) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }) });
}

export const coursesApi = {
  create: (body: CreateCourseBody) => api<CourseSummaryView>(C, { method: 'POST', body }),
  importCartridge: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<ImportResult>(`${C}/import`, { method: 'POST', body: form });
  },
  addUnit: (courseId: string, title: string) => api<{ id: string }>(`${C}/${courseId}/units`, { method: 'POST', body: { title } }),
  addLesson: (courseId: string, unitId: string, title: string) =>
    api<{ id: string }>(`${C}/${courseId}/lessons`, { method: 'POST', body: { unitId, title } }),
  reorder: (courseId: string, outlineVersion: number, body: ReorderBody) =>
    api(`${C}/${courseId}/outline`, { method: 'PUT', body, headers: { 'If-Match': `"${outlineVersion}"` } }),
  updateLesson: (courseId: string, lessonId: string, version: number, body: UpdateLessonBody) =>
    api<LessonView>(`${C}/${courseId}/lessons/${lessonId}`, { method: 'PATCH', body, headers: { 'If-Match': `"${version}"` } }),
  invite: (courseId: string, body: InviteBody) => api(`${C}/${courseId}/invitations`, { method: 'POST', body }),
  decide: (invitationId: string, accept: boolean) => api(`${C}/invitations/${invitationId}/decision`, { method: 'POST', body: { accept } }),
  removeMember: (courseId: string, userId: string) => api(`${C}/${courseId}/members/${userId}`, { method: 'DELETE' }),
  createEdition: (courseId: string, language: EditionLanguage) =>
    api<CourseSummaryView>(`${C}/${courseId}/editions`, { method: 'POST', body: { language } }),
  fork: (courseId: string, schoolId?: string) =>
    api<CourseSummaryView>(`${C}/${courseId}/fork`, { method: 'POST', body: schoolId ? { schoolId } : {} }),
  updateCourse: (courseId: string, version: number, body: UpdateCourseBody) =>
    api<CourseSummaryView>(`${C}/${courseId}`, { method: 'PATCH', body, headers: { 'If-Match': `"${version}"` } }),
  attachFile: (courseId: string, lessonId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<LessonView>(`${C}/${courseId}/lessons/${lessonId}/files`, { method: 'POST', body: form });
  },
  removeFile: (courseId: string, lessonId: string, sha256: string) =>
    api<LessonView>(`${C}/${courseId}/lessons/${lessonId}/files/${sha256}`, { method: 'DELETE' }),
  fileUrl: (courseId: string, lessonId: string, sha256: string) => `${C}/${courseId}/lessons/${lessonId}/files/${sha256}`,
  pull: (courseId: string, lessonIds: string[]) =>
    api<{ pulled: number; removed: number }>(`${C}/${courseId}/fork/pull`, { method: 'POST', body: { lessonIds } }),
  publish: (courseId: string, body: PublishBody) => api(`${C}/${courseId}/publish`, { method: 'POST', body }),
  exportUrl: (courseId: string, version: '1.1' | '1.3') => `${C}/${courseId}/export.imscc?version=${version}`,
};
