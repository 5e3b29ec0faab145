import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import type { LessonBodies } from './courses.bodies.ts';

/** What every courses use case receives: the database, who acts, and where lesson rich text lives. */
export interface CoursesCtx {
  db: Db;
  actor: Actor;
  bodies: LessonBodies;
  blobs?: BlobStore;
}
