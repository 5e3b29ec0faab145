import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabSnapshot, CollabThread } from '../../../shared/api/collab.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { auditEntries } from '../audit/audit.schema.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { signIn, type Session } from '../../test/test-app.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { createCollab, type Collab } from './collab.service.ts';
import { grants, startCollabApp, testAuthoriser, type Running } from './collab.test-support.ts';

/** A valid anchor: a Yjs relative position into some text, base64 — what the editor sends. */
function anchorAt(index: number): string {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'passage');
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString('base64');
}

describe('document content, versions and comments', () => {
  let database: DatabaseHandle;
  let running: Running;
  let collab: Collab;
  let writer: Session;
  let coAuthor: Session;
  let reviewer: Session;
  let outsider: Session;
  const lessonId = uuidv7();
  const name = `lesson:${lessonId}`;
  const url = (rest = '') => `/api/v1/collab/documents/${encodeURIComponent(name)}${rest}`;

  beforeAll(async () => {
    database = await freshDatabase();
    await seedJurisdictions(database.db);
    const users = {
      writer: await makeUser(database.db, {
        role: 'teacher',
        school: await makeSchool(database.db, { jurisdiction: 'GD' }),
        displayName: '陈老师',
      }),
      coAuthor: await makeUser(database.db, {
        role: 'teacher',
        school: await makeSchool(database.db, { jurisdiction: 'HK' }),
        displayName: '李老師',
      }),
      reviewer: await makeUser(database.db, { role: 'teacher', school: await makeSchool(database.db, { jurisdiction: 'MO' }) }),
      outsider: await makeUser(database.db, { role: 'teacher', school: await makeSchool(database.db, { jurisdiction: 'HB' }) }),
    };
    grants.set(`${lessonId}/${users.writer.id}`, 'write');
    grants.set(`${lessonId}/${users.coAuthor.id}`, 'write');
    grants.set(`${lessonId}/${users.reviewer.id}`, 'read');
    running = await startCollabApp(database, { listen: false });
    // A second instance on the same database stands in for another module's calls (courses' forks, export).
    collab = createCollab({ db: database.db, authorisers: { lesson: testAuthoriser } });
    writer = await signIn(running.app, users.writer.username, TEST_PASSWORD);
    coAuthor = await signIn(running.app, users.coAuthor.username, TEST_PASSWORD);
    reviewer = await signIn(running.app, users.reviewer.username, TEST_PASSWORD);
    outsider = await signIn(running.app, users.outsider.username, TEST_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await collab?.close();
    await running?.app.close();
    await database?.close();
  });

  it('stores HTML in the editor’s schema and gives it back, dropping what the schema cannot hold', async () => {
    expect(await collab.documentHtml(name)).toBe('');
    await collab.setDocumentHtml(
      name,
      '<h2>学习目标</h2><p>Use <strong>AI</strong> <script>alert(1)</script>wisely</p><ul><li><p>一</p></li></ul>',
    );
    expect(await collab.documentHtml(name)).toBe('<h2>学习目标</h2><p>Use <strong>AI</strong> wisely</p><ul><li><p>一</p></li></ul>');
  }, 30_000);

  it('a named version can be restored, and the restore undone from the version saved before it', async () => {
    const created = await running.app.inject({
      method: 'POST',
      url: url('/snapshots'),
      headers: writer.headers,
      payload: { label: '澳门评审前' },
    });
    expect(created.statusCode).toBe(201);
    const v1 = created.json() as CollabSnapshot;
    expect(v1).toMatchObject({ label: '澳门评审前', kind: 'named', createdBy: { displayName: '陈老师' } });

    await collab.setDocumentHtml(name, '<p>Rewritten by the Kowloon team</p>');
    const restored = await running.app.inject({ method: 'POST', url: url(`/snapshots/${v1.id}/restore`), headers: coAuthor.headers });
    expect(restored.statusCode).toBe(200);
    expect(await collab.documentHtml(name)).toBe('<h2>学习目标</h2><p>Use <strong>AI</strong> wisely</p><ul><li><p>一</p></li></ul>');

    const list = (await running.app.inject({ url: url('/snapshots'), headers: reviewer.headers })).json() as { items: CollabSnapshot[] };
    const before = list.items.find((s) => s.kind === 'before_restore')!;
    expect(list.items).toHaveLength(2);
    expect(before.createdBy?.displayName).toBe('李老師');
    await running.app.inject({ method: 'POST', url: url(`/snapshots/${before.id}/restore`), headers: writer.headers });
    expect(await collab.documentHtml(name)).toBe('<p>Rewritten by the Kowloon team</p>');

    const audited = await database.db.select().from(auditEntries).where(eq(auditEntries.targetId, name));
    expect(audited.map((a) => a.action).sort()).toEqual(['collab.snapshot.create', 'collab.snapshot.restore', 'collab.snapshot.restore']);
  }, 60_000);

  it('a reviewer may read versions but not take or restore them; a stranger learns nothing', async () => {
    const refused = await running.app.inject({
      method: 'POST',
      url: url('/snapshots'),
      headers: reviewer.headers,
      payload: { label: 'x' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await running.app.inject({ url: url('/snapshots'), headers: outsider.headers })).statusCode).toBe(404);
    expect((await running.app.inject({ url: url('/comments'), headers: outsider.headers })).statusCode).toBe(404);
    expect((await running.app.inject({ url: url(), headers: reviewer.headers })).json()).toEqual({ name, access: 'read' });
  }, 30_000);

  it('comments on a passage: replies, resolved by the team, not by a reviewer', async () => {
    const started = await running.app.inject({
      method: 'POST',
      url: url('/comments'),
      headers: writer.headers,
      payload: { body: '这里需要一个港澳的例子', anchor: { from: anchorAt(0), to: anchorAt(4) }, quote: 'Rewritten' },
    });
    expect(started.statusCode).toBe(201);
    const thread = started.json() as CollabThread;

    const reply = await running.app.inject({
      method: 'POST',
      url: url(`/comments/${thread.id}/replies`),
      headers: coAuthor.headers,
      payload: { body: '我加上了旺角的街市。' },
    });
    expect(reply.statusCode).toBe(201);
    const byReviewer = await running.app.inject({
      method: 'POST',
      url: url('/comments'),
      headers: reviewer.headers,
      payload: { body: 'x', anchor: { from: anchorAt(0), to: anchorAt(1) }, quote: 'R' },
    });
    expect(byReviewer.statusCode).toBe(403);
    const resolveByReviewer = await running.app.inject({
      method: 'POST',
      url: url(`/comments/${thread.id}/resolve`),
      headers: reviewer.headers,
      payload: { resolved: true },
    });
    expect(resolveByReviewer.statusCode).toBe(403);

    const resolved = await running.app.inject({
      method: 'POST',
      url: url(`/comments/${thread.id}/resolve`),
      headers: coAuthor.headers,
      payload: { resolved: true },
    });
    expect(resolved.statusCode).toBe(200);

    const seen = (await running.app.inject({ url: url('/comments'), headers: reviewer.headers })).json() as { items: CollabThread[] };
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({
      body: '这里需要一个港澳的例子',
      quote: 'Rewritten',
      author: { displayName: '陈老师' },
      resolvedBy: { displayName: '李老師' },
      canResolve: false,
      replies: [{ body: '我加上了旺角的街市。', author: { displayName: '李老師' } }],
    });
  }, 30_000);
});
