import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

/**
 * The live lesson document with the REAL lesson authoriser (courses.collab.ts, wired in app.ts): the
 * course team decides who may open `lesson:<id>` over the websocket, exactly as the API decides who may
 * read the lesson. The collab module's own tests use a stand-in authoriser; this one does not.
 */

interface Opened {
  outcome: Promise<'ok' | 'denied'>;
  doc: Y.Doc;
  close: () => void;
}

function openLesson(wsUrl: string, lessonId: string, cookie: string): Opened {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  let settle: (v: 'ok' | 'denied') => void = () => undefined;
  const outcome = new Promise<'ok' | 'denied'>((resolve) => (settle = resolve));
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: CookieSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `lesson:${lessonId}`,
    document: doc,
    onAuthenticated: () => settle('ok'),
    onAuthenticationFailed: () => settle('denied'),
    onClose: () => settle('denied'),
  });
  provider.attach();
  return { outcome, doc, close: () => (provider.destroy(), socket.destroy()) };
}

describe('courses × collab: who may open a lesson’s live document', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  let wsUrl: string;
  const opened: Opened[] = [];
  const open = (lessonId: string, cookie: string) => {
    const o = openLesson(wsUrl, lessonId, cookie);
    opened.push(o);
    return o;
  };

  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
    // hk-teacher (another jurisdiction) joins the team as a co-author; hb-teacher stays outside.
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, { role: 'co_author', username: w.hk.username });
    const [invitation] = json<{ items: { id: string }[] }>(await w.req(w.hk.session, 'GET', '/api/v1/courses/invitations')).items;
    await w.req(w.hk.session, 'POST', `/api/v1/courses/invitations/${invitation.id}/decision`, { accept: true });
    await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = w.t.app.server.address() as { port: number };
    wsUrl = `ws://127.0.0.1:${port}/collab`;
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await w.t.close();
  });

  it('a co-author from another school is let in and receives the lesson text', async () => {
    const lessonId = course.units[0].lessons[0];
    const member = open(lessonId, w.hk.session.cookie);
    expect(await member.outcome).toBe('ok');
    await expect.poll(() => member.doc.getXmlFragment('default').toString()).toContain('第1课的活动步骤');
  });

  it('a teacher who is not on the team is refused, and receives nothing of the lesson', async () => {
    const lessonId = course.units[0].lessons[0];
    const outsider = open(lessonId, w.hb.session.cookie);
    expect(await outsider.outcome).toBe('denied');
    expect(outsider.doc.getXmlFragment('default').length).toBe(0);
    // The REST side of the same document agrees: as if it did not exist.
    expect((await w.req(w.hb.session, 'GET', `/api/v1/collab/documents/lesson:${lessonId}`)).statusCode).toBe(404);
  });

  it('leaving the team closes the door: the next open is refused', async () => {
    const lessonId = course.units[1].lessons[0];
    await w.req(w.gd.session, 'DELETE', `/api/v1/courses/${course.id}/members/${w.hk.id}`);
    expect(await open(lessonId, w.hk.session.cookie).outcome).toBe('denied');
  });
});
