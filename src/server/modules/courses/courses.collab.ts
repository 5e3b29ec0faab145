import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../http/app-error.ts';
import type { Actor } from '../identity/identity.access.ts';
import { readableCourse } from './courses.access.ts';
import { coursesPolicy } from './courses.policy.ts';
import { courseLessons } from './courses.schema.ts';

/**
 * Who may open the live document `lesson:<id>` (the collab module asks; see /tmp contract and docs/collab.md):
 * 'write' for the writing team (owner, co-authors), 'read' for reviewers and readers of a published
 * course, null (refuse the websocket) for everyone else — the same rule as the REST API, so a user who
 * cannot read the course cannot open its lessons either.
 */
export async function authoriseLessonDocument(ctx: { db: Db; actor: Actor }, lessonId: string): Promise<'write' | 'read' | null> {
  if (!/^[0-9a-f-]{36}$/i.test(lessonId)) return null;
  const [lesson] = await ctx.db
    .select({ courseId: courseLessons.courseId })
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId)));
  if (!lesson) return null;
  try {
    const { role } = await readableCourse(ctx.db, ctx.actor, lesson.courseId);
    return role && coursesPolicy.write.includes(role) ? 'write' : 'read';
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
