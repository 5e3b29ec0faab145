import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../http/app-error.ts';
import { LESSON_FILE_MAX_BYTES } from '../../../shared/api/courses.ts';
import { BlobTooLargeError } from '../../blobs/blob-store.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readableCourse, writableCourse } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { presentLesson } from './courses.present.ts';
import { courseLessons } from './courses.schema.ts';

/** Lesson files (worksheets, slides, datasets) go to the node's blob store; the lesson keeps the hash. */
export { LESSON_FILE_MAX_BYTES };

function blobsOf(ctx: CoursesCtx) {
  if (!ctx.blobs) throw new Error('courses: blob store not configured');
  return ctx.blobs;
}

export async function attachLessonFile(ctx: CoursesCtx, courseId: string, lessonId: string, file: { filename: string; data: Buffer }) {
  const blobs = blobsOf(ctx);
  const stored = await blobs.put(Readable.from([file.data]), { maxBytes: LESSON_FILE_MAX_BYTES }).catch((e: unknown) => {
    throw e instanceof BlobTooLargeError ? new AppError('PAYLOAD_TOO_LARGE') : e;
  });
  const mediaType = (await fileTypeFromBuffer(file.data))?.mime ?? 'application/octet-stream';
  const row = await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [lesson] = await tx
      .select()
      .from(courseLessons)
      .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
    if (!lesson) throw new AppError('NOT_FOUND');
    const name = file.filename.replace(/[\\/]/g, '_').slice(0, 200) || 'file';
    const files = [
      ...lesson.materials.files.filter((f) => f.sha256 !== stored.sha256),
      { sha256: stored.sha256, name, size: stored.size, mediaType },
    ];
    const [updated] = await tx
      .update(courseLessons)
      .set({ materials: { ...lesson.materials, files }, version: lesson.version + 1, updatedAt: new Date() })
      .where(eq(courseLessons.id, lessonId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'course.lesson.file.attach',
      targetType: 'course_lesson',
      targetId: lessonId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { courseId, sha256: stored.sha256, name },
    });
    return updated;
  });
  return presentLesson(row, await ctx.bodies.read(ctx.db, lessonId), true);
}

export async function readLessonFile(ctx: CoursesCtx, courseId: string, lessonId: string, sha256: string) {
  await readableCourse(ctx.db, ctx.actor, courseId);
  const [lesson] = await ctx.db
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
  const file = lesson?.materials.files.find((f) => f.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND');
  return { ...file, stream: await blobsOf(ctx).get(sha256) };
}

/**
 * Removes a file from the lesson's materials. The blob stays in the store: it is content-addressed and may
 * be the same file attached elsewhere (another lesson, a fork, an older pulled base).
 */
export async function removeLessonFile(ctx: CoursesCtx, courseId: string, lessonId: string, sha256: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const course = await writableCourse(tx, ctx.actor, courseId);
    const [lesson] = await tx
      .select()
      .from(courseLessons)
      .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
    const file = lesson?.materials.files.find((f) => f.sha256 === sha256);
    if (!lesson || !file) throw new AppError('NOT_FOUND');
    const files = lesson.materials.files.filter((f) => f.sha256 !== sha256);
    const [updated] = await tx
      .update(courseLessons)
      .set({ materials: { ...lesson.materials, files }, version: lesson.version + 1, updatedAt: new Date() })
      .where(eq(courseLessons.id, lessonId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'course.lesson.file.remove',
      targetType: 'course_lesson',
      targetId: lessonId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { courseId, sha256, name: file.name },
    });
    return updated;
  });
  return presentLesson(row, await ctx.bodies.read(ctx.db, lessonId), true);
}
