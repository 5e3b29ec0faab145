import type { CollabComment, CollabPerson, CollabSnapshot, CollabThread } from '../../../shared/api/collab.ts';
import type { collabComments, collabSnapshots } from './collab.schema.ts';

type People = Map<string, CollabPerson>;

const person = (people: People, id: string | null): CollabPerson | null => (id ? (people.get(id) ?? { id, displayName: '' }) : null);

export function presentSnapshot(row: typeof collabSnapshots.$inferSelect, people: People): CollabSnapshot {
  return { id: row.id, label: row.label, kind: row.kind, createdAt: row.createdAt.toISOString(), createdBy: person(people, row.createdBy) };
}

export function presentComment(row: typeof collabComments.$inferSelect, people: People): CollabComment {
  return { id: row.id, body: row.body, author: person(people, row.authorId)!, createdAt: row.createdAt.toISOString() };
}

export function presentThread(
  root: typeof collabComments.$inferSelect,
  replies: (typeof collabComments.$inferSelect)[],
  people: People,
  canResolve: boolean,
): CollabThread {
  return {
    ...presentComment(root, people),
    anchor: { from: root.anchorFrom ?? '', to: root.anchorTo ?? '' },
    quote: root.quote ?? '',
    resolvedAt: root.resolvedAt?.toISOString() ?? null,
    resolvedBy: person(people, root.resolvedBy),
    replies: replies.map((r) => presentComment(r, people)),
    canResolve,
  };
}
