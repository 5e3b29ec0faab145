import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/** How collab's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'collab',
  // Owner rows: the live document of the GD teacher's draft lesson, with a snapshot and a comment thread.
  async setup(ctx) {
    // The courses matrix (set up earlier) made a course only the GD teacher is in.
    const name = `lesson:${ctx.shared.lessons}`;
    const url = `/api/v1/collab/documents/${encodeURIComponent(name)}`;
    const snapshot = await ctx.call<{ id: string }>('gd-teacher', 'POST', `${url}/snapshots`, { label: 'matrix-snapshot-secret' });
    const comment = await ctx.call<{ id: string }>('gd-teacher', 'POST', `${url}/comments`, {
      body: 'matrix-comment-secret',
      anchor: { from: 'AAAA', to: 'AAAA' },
      quote: 'matrix',
    });
    return {
      values: { documents: name, snapshots: snapshot.id, comments: comment.id },
      markers: [snapshot.id, 'matrix-snapshot-secret', 'matrix-comment-secret'],
    };
  },
  routes: {
    'GET /api/v1/collab/documents/:name': { kind: 'scoped' },
    'GET /api/v1/collab/documents/:name/snapshots': { kind: 'scoped' },
    'POST /api/v1/collab/documents/:name/snapshots': { kind: 'scoped' },
    'POST /api/v1/collab/documents/:name/snapshots/:snapshotId/restore': { kind: 'scoped' },
    'GET /api/v1/collab/documents/:name/comments': { kind: 'scoped' },
    'POST /api/v1/collab/documents/:name/comments': { kind: 'scoped' },
    'POST /api/v1/collab/documents/:name/comments/:threadId/replies': { kind: 'scoped' },
    'POST /api/v1/collab/documents/:name/comments/:threadId/resolve': { kind: 'scoped' },
  },
};
