import { sql } from 'drizzle-orm';
import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/**
 * How library's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). The owner's
 * rows are a GD teacher's private draft (with a file), a private collection and a pending review; published
 * GD resources are shared on purpose and are not markers.
 */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'library',
  async setup(ctx) {
    // A fresh private draft: demo drafts may have published editions that name them as their source.
    const created = await ctx.call<{ id: string }>('gd-teacher', 'POST', '/api/v1/resources', {
      title: 'matrix-draft-secret',
      language: 'zh-Hans',
      subject: 'ai',
      gradeBand: 'junior',
      licence: 'CC-BY-4.0',
    });
    const draft = await ctx.one(
      sql`select r.id, r.title, r.version, u.username from resources r join users u on u.id = r.author_id where r.id = ${created.id}`,
    );
    const file = await ctx.upload<{ id: string }>(
      draft.username,
      `/api/v1/resources/${draft.id}/files`,
      {
        name: 'matrix-notes.txt',
        data: 'matrix-file-secret: lesson notes',
        type: 'text/plain',
      },
      {},
      { 'if-match': String(draft.version) },
    );
    const collection = await ctx.call<{ id: string }>(draft.username, 'POST', '/api/v1/collections', {
      title: 'matrix-collection-secret',
      language: 'zh-Hans',
      publishLevel: 'private',
    });
    const review = await ctx.one(
      sql`select s.id from resource_submissions s where s.school_id = ${ctx.gd.schoolId} and s.status = 'pending' limit 1`,
    );
    return {
      values: { resources: draft.id, files: file.id, versions: '1', collections: collection.id, items: draft.id, reviews: review.id },
      markers: [draft.id, draft.title, file.id, collection.id, 'matrix-collection-secret', 'matrix-file-secret'],
    };
  },
  routes: {
    'GET /api/v1/resources': { kind: 'scoped-list' },
    'POST /api/v1/resources': { kind: 'scoped', body: (v) => ({ title: 'intruder', schoolId: v.schools, language: 'zh-Hans' }) },
    'GET /api/v1/resources/:id': { kind: 'scoped' },
    'PATCH /api/v1/resources/:id': { kind: 'scoped', body: () => ({ title: 'intruder' }) },
    'POST /api/v1/resources/:id/withdraw': { kind: 'scoped' },
    'POST /api/v1/resources/:id/files': { kind: 'scoped' },
    'DELETE /api/v1/resources/:id/files/:fileId': { kind: 'scoped' },
    'GET /api/v1/resources/:id/files/:fileId': { kind: 'scoped' },
    'GET /api/v1/resources/:id/versions': { kind: 'scoped' },
    'GET /api/v1/resources/:id/versions/:number': { kind: 'scoped' },
    'GET /api/v1/resources/:id/diff': { kind: 'scoped', query: () => ({ from: '1', to: '1' }) },
    'POST /api/v1/resources/:id/versions/:number/restore': { kind: 'scoped' },
    'POST /api/v1/resources/:id/submissions': { kind: 'scoped', body: () => ({ level: 'school' }) },
    'GET /api/v1/resources/:id/submissions': { kind: 'scoped' },
    'GET /api/v1/library/reviews': { kind: 'scoped-list' },
    'POST /api/v1/library/reviews/:id/decision': { kind: 'scoped', body: () => ({ decision: 'approve' }) },
    'POST /api/v1/resources/:id/adaptations': { kind: 'scoped' },
    'POST /api/v1/resources/:id/editions': { kind: 'scoped', body: () => ({ language: 'zh-Hant-HK' }) },
    'PUT /api/v1/resources/:id/rating': { kind: 'scoped', body: () => ({ stars: 5 }) },
    'DELETE /api/v1/resources/:id/rating': { kind: 'scoped' },
    'GET /api/v1/resources/:id/ratings': { kind: 'scoped' },
    'PUT /api/v1/resources/:id/favourite': { kind: 'scoped' },
    'DELETE /api/v1/resources/:id/favourite': { kind: 'scoped' },
    'GET /api/v1/library/favourites': { kind: 'signed-in-self' },
    'GET /api/v1/resources/:id/jsonld': { kind: 'scoped' },
    'POST /api/v1/resources/import': { kind: 'scoped', body: (v) => ({ schoolId: v.schools }) },
    'GET /api/v1/collections': { kind: 'scoped-list' },
    'POST /api/v1/collections': {
      kind: 'scoped',
      body: (v) => ({ title: 'intruder', language: 'zh-Hans', publishLevel: 'school', schoolId: v.schools }),
    },
    'GET /api/v1/collections/:id': { kind: 'scoped' },
    'PATCH /api/v1/collections/:id': { kind: 'scoped', body: () => ({ title: 'intruder' }) },
    'PUT /api/v1/collections/:id/items/:resourceId': { kind: 'scoped' },
    'DELETE /api/v1/collections/:id/items/:resourceId': { kind: 'scoped' },
  },
};
