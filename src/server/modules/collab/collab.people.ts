import { inArray } from 'drizzle-orm';
import type { CollabPerson } from '../../../shared/api/collab.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../identity/identity.schema.ts';

/**
 * Display names of the people behind versions and comments. Co-authors come from several schools and
 * jurisdictions; a display name is what the team already sees of each other in the editor's cursors.
 */
export async function peopleByIds(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, CollabPerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
