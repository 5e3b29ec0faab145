import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { newId } from '../../db/columns.ts';
import type { Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import type { SearchDocument } from './search.types.ts';

/**
 * Test helpers for the search module: an invented document with defaults (a test states only what
 * matters to it) and the Actor the auth layer would build for a factory user.
 */

export function makeSearchDocument(
  overrides: Partial<SearchDocument> & Pick<SearchDocument, 'authorId' | 'schoolId' | 'jurisdictionId'>,
): SearchDocument {
  return {
    id: newId(),
    kind: 'resource',
    externalId: null,
    title: '测试资源',
    summary: '',
    body: '',
    keywords: [],
    language: 'zh-Hans',
    subject: 'ai',
    gradeBand: 'junior',
    licence: 'CC-BY-4.0',
    publishLevel: 'public',
    status: 'published',
    anchorUnitId: null,
    popularity: 0,
    updatedAt: new Date('2026-03-01T00:00:00Z'),
    ...overrides,
  };
}

/** The actor of a user, with the memberships stored for them (what a session resolves to). */
export async function actorOf(db: Db, userId: string): Promise<Actor> {
  const [user] = await db.select({ username: users.username }).from(users).where(eq(users.id, userId));
  const rows = await db.select().from(memberships).where(eq(memberships.userId, userId));
  return {
    kind: 'user',
    id: userId,
    username: user.username,
    memberships: rows.map((m) => ({
      role: m.role,
      jurisdictionId: m.jurisdictionId,
      authorityUnitId: m.authorityUnitId,
      schoolId: m.schoolId,
    })),
  };
}
