import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { asc, eq } from 'drizzle-orm';
import { readCartridge } from '../../../lib/cc/read-cartridge.ts';
import { writeCartridge } from '../../../lib/cc/write-cartridge.ts';
import { CartridgeError, type Cartridge, type CartridgeItem, type CartridgeWarning } from '../../../lib/cc/cartridge.types.ts';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { EditionLanguage } from '../../../shared/courses.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../identity/identity.access.ts';
import { readableCourse } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { coursesPolicy } from './courses.policy.ts';
import { presentCourseSummary } from './courses.present.ts';
import { courseLessons, courseMembers, courses, courseUnits, type LessonFile } from './courses.schema.ts';
import { homePlace } from './courses.service.ts';
import { courseData, importedCourseFields, importedLessonFields, lessonData } from './courses.cc-data.ts';

/**
 * IMS Common Cartridge (lib/cc) in and out. A lesson becomes a web-content page (its rich text) followed by
 * its files; a unit an organisation folder. Importing makes a new course owned by the importer: pages,
 * discussions, links and LTI links become lessons, files go to the blob store and onto the lesson that
 * links to them (or follows them), and what cannot be imported (quizzes, assignments) is reported back.
 * The course's and lessons' structured fields travel as extension data (courses.cc-data.ts).
 */

export async function exportCourse(ctx: CoursesCtx, courseId: string, version: '1.1' | '1.3') {
  const { course } = await readableCourse(ctx.db, ctx.actor, courseId);
  const units = await ctx.db.select().from(courseUnits).where(eq(courseUnits.courseId, courseId)).orderBy(asc(courseUnits.position));
  const lessons = await ctx.db
    .select()
    .from(courseLessons)
    .where(eq(courseLessons.courseId, courseId))
    .orderBy(asc(courseLessons.position));
  const files = new Map<string, Uint8Array>();
  const cartridge: Cartridge = {
    title: course.title,
    description: course.summary || undefined,
    language: course.language,
    identifier: course.id,
    data: courseData(course),
    units: [],
  };
  for (const [ui, u] of units.entries()) {
    const items: CartridgeItem[] = [];
    for (const [li, l] of lessons.filter((x) => x.unitId === u.id).entries()) {
      items.push({ kind: 'page', title: l.title, html: await ctx.bodies.read(ctx.db, l.id), data: lessonData(l) });
      for (const f of l.materials.files) {
        const path = `web_resources/${ui + 1}-${li + 1}/${f.name}`;
        if (ctx.blobs) files.set(path, await buffer(await ctx.blobs.get(f.sha256)));
        items.push({ kind: 'file', title: f.name, path });
      }
    }
    cartridge.units.push({ title: u.title, items });
  }
  const bytes = await writeCartridge(cartridge, files, { version });
  return { bytes, filename: `${course.title}.imscc` };
}

const IMPORT_ERRORS: Record<CartridgeError['code'], ErrorCode> = {
  NOT_A_ZIP: 'COURSE_IMPORT_NOT_A_ZIP',
  NO_MANIFEST: 'COURSE_IMPORT_NO_MANIFEST',
  MANIFEST_INVALID: 'COURSE_IMPORT_MANIFEST_INVALID',
  UNSUPPORTED_VERSION: 'COURSE_IMPORT_UNSUPPORTED_VERSION',
  PATH_TRAVERSAL: 'COURSE_IMPORT_PATH_TRAVERSAL',
  TOO_MANY_ENTRIES: 'COURSE_IMPORT_TOO_MANY_ENTRIES',
  ENTRY_TOO_LARGE: 'COURSE_IMPORT_ENTRY_TOO_LARGE',
  TOTAL_TOO_LARGE: 'COURSE_IMPORT_TOTAL_TOO_LARGE',
  EMPTY: 'COURSE_IMPORT_EMPTY',
};

/** The edition language a cartridge's LOM language names (zh-CN, zh-Hant-TW, en-GB…). */
export function editionLanguageOf(language: string | undefined): EditionLanguage {
  const l = (language ?? '').toLowerCase();
  if (/^zh-(hant-)?mo/.test(l)) return 'zh-Hant-MO';
  if (/^zh-(hant|hk|tw)/.test(l)) return 'zh-Hant-HK';
  if (l.startsWith('zh')) return 'zh-Hans';
  return 'en';
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface PlannedLesson {
  id: string;
  title: string;
  html: string;
  files: LessonFile[];
  fields?: ReturnType<typeof importedLessonFields>;
}

export async function importCourse(ctx: CoursesCtx, zip: Uint8Array, filename: string) {
  requireRole(ctx.actor, coursesPolicy.author);
  const place = homePlace(ctx.actor, coursesPolicy.author);
  let read;
  try {
    read = await readCartridge(zip);
  } catch (e) {
    if (e instanceof CartridgeError) throw new AppError(IMPORT_ERRORS[e.code], { detail: e.message });
    throw e;
  }
  const { cartridge, files, warnings } = read;
  const courseId = newId();
  // Files first: the store is content-addressed, so a failed import leaves only unreferenced blobs.
  const stored = new Map<string, LessonFile>();
  for (const [path, bytes] of files) {
    const blob = await ctx.blobs!.put(Readable.from([Buffer.from(bytes)]));
    stored.set(path, { sha256: blob.sha256, name: path.split('/').pop() || 'file', size: blob.size, mediaType: mediaTypeOf(path) });
  }
  const skipped: { title: string; type: string }[] = [];
  const plan = cartridge.units.map((u) => {
    const lessons: PlannedLesson[] = [];
    for (const item of u.items) {
      const lessonId = newId();
      if (item.kind === 'page' || item.kind === 'discussion') {
        const linked = [...stored.entries()].filter(([path]) => item.html.includes(path) || item.html.includes(encodeURI(path)));
        let html = item.html;
        for (const [path, f] of linked) {
          const url = `/api/v1/courses/${courseId}/lessons/${lessonId}/files/${f.sha256}`;
          html = html.split(encodeURI(path)).join(url).split(path).join(url);
        }
        const fields = item.kind === 'page' ? importedLessonFields(item.data) : {};
        lessons.push({ id: lessonId, title: item.title, html, files: linked.map(([, f]) => f), fields });
      } else if (item.kind === 'link' || item.kind === 'lti') {
        lessons.push({ id: lessonId, title: item.title, html: `<p><a href="${esc(item.url)}">${esc(item.title)}</a></p>`, files: [] });
      } else if (item.kind === 'file') {
        const f = stored.get(item.path);
        if (!f) continue;
        // A file that follows a lesson is that lesson's material; a file on its own becomes a lesson.
        const previous = lessons.at(-1);
        if (previous) {
          if (!previous.files.some((x) => x.sha256 === f.sha256)) previous.files.push(f);
        } else lessons.push({ id: lessonId, title: item.title, html: '', files: [f] });
      } else skipped.push({ title: item.title, type: item.type });
    }
    return { title: u.title || cartridge.title, lessons };
  });
  if (!plan.some((u) => u.lessons.length)) throw new AppError('COURSE_IMPORT_EMPTY');

  const language = editionLanguageOf(cartridge.language);
  const course = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courses)
      .values({
        id: courseId,
        title: cartridge.title.slice(0, 200) || filename,
        summary: cartridge.description?.slice(0, 20_000) ?? '',
        language,
        gradeBand: 'junior',
        grades: [],
        competencies: [],
        level: 'understand',
        ...importedCourseFields(cartridge.data),
        ownerId: ctx.actor.id!,
        ...place,
        editionGroupId: courseId,
      })
      .returning();
    await tx.insert(courseMembers).values({ courseId, userId: ctx.actor.id!, role: 'owner' });
    for (const [ui, u] of plan.filter((x) => x.lessons.length).entries()) {
      const [unit] = await tx
        .insert(courseUnits)
        .values({ courseId, title: u.title.slice(0, 200), position: ui })
        .returning();
      for (const [li, l] of u.lessons.entries()) {
        await tx.insert(courseLessons).values({
          id: l.id,
          courseId,
          unitId: unit.id,
          position: li,
          title: l.title.slice(0, 200) || '—',
          ...l.fields,
          materials: { resourceIds: [], files: l.files },
        });
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: 'course.import',
      targetType: 'course',
      targetId: courseId,
      ...place,
      details: { filename, lessons: plan.reduce((n, u) => n + u.lessons.length, 0), skipped: skipped.length, warnings: warnings.length },
    });
    return row;
  });
  try {
    for (const l of plan.flatMap((u) => u.lessons)) if (l.html) await ctx.bodies.write(ctx.db, l.id, l.html);
  } catch (e) {
    // Nothing half-written: without its lesson texts the course is removed again.
    await ctx.db.delete(courses).where(eq(courses.id, courseId));
    throw e;
  }
  return {
    course: presentCourseSummary(course, 'owner'),
    skipped,
    warnings: warnings.map((w: CartridgeWarning) => ({ code: w.code, subject: w.subject ?? null })),
  };
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
function mediaTypeOf(path: string): string {
  return TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
