import { eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DbOrTx } from '../../db/client.ts';
import { sanitiseBody } from '../library/library.sanitise.ts';
import { courseLessons } from './courses.schema.ts';

/**
 * Where a lesson's rich text lives. With live co-editing (the collab module) it is the Y document
 * `lesson:<id>`; a node (or a test) without it keeps the text in `course_lessons.body_html`. Services use
 * this port only, so forks, editions and Common Cartridge work the same either way.
 */
export interface LessonBodies {
  read(db: DbOrTx, lessonId: string): Promise<string>;
  write(db: DbOrTx, lessonId: string, html: string): Promise<void>;
}
// Call both with the database, never inside a transaction: the live documents are stored through their
// own connection, and on PGlite (one connection) waiting on it from inside a transaction deadlocks. So
// services read bodies before their transaction and write them after it commits.

/** The part of the collab module's `Collab` that courses uses (see /docs/collab.md). */
export interface CollabDocuments {
  documentHtml(name: string): Promise<string>;
  setDocumentHtml(name: string, html: string): Promise<void>;
}

export const lessonDocumentName = (lessonId: string) => `lesson:${lessonId}`;

export function collabLessonBodies(collab: CollabDocuments): LessonBodies {
  return {
    // A lesson whose text is still in the column (seeded, not yet adopted at start-up) reads from there.
    read: async (db, id) => (await collab.documentHtml(lessonDocumentName(id))) || columnLessonBodies.read(db, id),
    write: (_db, id, html) => collab.setDocumentHtml(lessonDocumentName(id), sanitiseBody(html)),
  };
}

export const columnLessonBodies: LessonBodies = {
  async read(db, id) {
    const [row] = await db.select({ html: courseLessons.bodyHtml }).from(courseLessons).where(eq(courseLessons.id, id));
    return row?.html ?? '';
  },
  async write(db, id, html) {
    await db
      .update(courseLessons)
      .set({ bodyHtml: sanitiseBody(html) })
      .where(eq(courseLessons.id, id));
  },
};

/**
 * Moves lesson text written to the column (the demo seeder, or a node that ran without live editing) into
 * the live documents, once: a document that already has text is left alone. Runs when the server starts.
 */
export async function adoptColumnBodies(db: Db, collab: CollabDocuments): Promise<number> {
  const rows = await db
    .select({ id: courseLessons.id, html: courseLessons.bodyHtml })
    .from(courseLessons)
    .where(ne(courseLessons.bodyHtml, ''));
  for (const r of rows) {
    const name = lessonDocumentName(r.id);
    if (!(await collab.documentHtml(name))) await collab.setDocumentHtml(name, r.html);
    await db.update(courseLessons).set({ bodyHtml: '' }).where(eq(courseLessons.id, r.id));
  }
  return rows.length;
}
