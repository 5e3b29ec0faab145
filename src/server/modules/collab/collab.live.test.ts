import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { makeSchool, makeUser, TEST_PASSWORD, type MadeUser } from '../../test/factories.ts';
import { signIn } from '../../test/test-app.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { docToHtml } from './collab.content.ts';
import { grants, startCollabApp as start, type Running } from './collab.test-support.ts';

/**
 * The real server listening on a port, two teachers of different jurisdictions on one lesson through the
 * Hocuspocus client over real websockets — what the browsers do — and a restart on the same database.
 */

/** Reads the first varUint / varString of a Hocuspocus frame (lib0 encoding): document name, then message type. */
function frameType(data: Uint8Array): { type: number; next: number } {
  let pos = 0;
  const varUint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = data[pos++];
      n += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return n;
    }
  };
  const nameLength = varUint();
  pos += nameLength; // skip the document name
  const type = varUint();
  return { type, next: data[pos] };
}

interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** How many of this client's changes the server refused (SyncStatus false: read-only). */
  refused: () => number;
  authenticated: Promise<'ok' | 'denied'>;
  close: () => void;
}

function connect(running: Running, name: string, cookie: string | null, origin?: string): Client {
  let refused = 0;
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) } });
      this.on('message', (data: ArrayBuffer | Buffer) => {
        const frame = frameType(new Uint8Array(data));
        if (frame.type === 8 && frame.next === 0) refused++;
      });
    }
  }
  const doc = new Y.Doc();
  let settle: (v: 'ok' | 'denied') => void = () => undefined;
  const authenticated = new Promise<'ok' | 'denied'>((resolve) => (settle = resolve));
  const socket = new HocuspocusProviderWebsocket({ url: running.wsUrl, WebSocketPolyfill: CookieSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    onAuthenticated: () => settle('ok'),
    onAuthenticationFailed: () => settle('denied'),
    // A refused upgrade (401/403) closes the socket before any authentication answer.
    onClose: () => settle('denied'),
  });
  provider.attach();
  return { provider, doc, refused: () => refused, authenticated, close: () => (provider.destroy(), socket.destroy()) };
}

function synced(client: Client): Promise<void> {
  if (client.provider.isSynced) return Promise.resolve();
  return new Promise((resolve) => client.provider.on('synced', () => resolve()));
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Types a paragraph the way the editor does: a <paragraph> element holding text, in the TipTap field. */
function typeParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

const html = (client: Client) => docToHtml(client.doc);

describe('live co-editing over the websocket', () => {
  let database: DatabaseHandle;
  let running: Running;
  let gd: MadeUser;
  let hk: MadeUser;
  let mo: MadeUser;
  let outsider: MadeUser;
  const cookies: Record<string, string> = {};
  const lessonId = uuidv7();
  const name = `lesson:${lessonId}`;
  const clients: Client[] = [];
  const open = (cookie: string | null, origin?: string) => {
    const client = connect(running, name, cookie, origin);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase();
    await seedJurisdictions(database.db);
    gd = await makeUser(database.db, {
      role: 'teacher',
      school: await makeSchool(database.db, { jurisdiction: 'GD' }),
      displayName: '陈老师',
    });
    hk = await makeUser(database.db, {
      role: 'teacher',
      school: await makeSchool(database.db, { jurisdiction: 'HK' }),
      displayName: '李老師',
    });
    mo = await makeUser(database.db, {
      role: 'teacher',
      school: await makeSchool(database.db, { jurisdiction: 'MO' }),
      displayName: 'Ms Ho',
    });
    outsider = await makeUser(database.db, { role: 'teacher', school: await makeSchool(database.db, { jurisdiction: 'GD' }) });
    grants.set(`${lessonId}/${gd.id}`, 'write');
    grants.set(`${lessonId}/${hk.id}`, 'write');
    grants.set(`${lessonId}/${mo.id}`, 'read');
    running = await start(database);
    for (const user of [gd, hk, mo, outsider]) cookies[user.id] = (await signIn(running.app, user.username, TEST_PASSWORD)).cookie;
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await running?.app.close();
    await database?.close();
  });

  it('text typed by a Nansha teacher appears for a Kowloon teacher, and survives a server restart', async () => {
    const a = open(cookies[gd.id]);
    const b = open(cookies[hk.id]);
    expect(await a.authenticated).toBe('ok');
    expect(await b.authenticated).toBe('ok');
    await Promise.all([synced(a), synced(b)]);

    typeParagraph(a.doc, '用AI识别校园植物');
    await until(() => html(b).includes('用AI识别校园植物'), 'the first teacher’s text at the second');
    typeParagraph(b.doc, 'Students photograph leaves');
    await until(() => html(a).includes('Students photograph leaves'), 'the second teacher’s text at the first');

    a.close();
    b.close();
    await running.app.close(); // flushes pending stores
    running = await start(database);

    const again = open(cookies[gd.id]);
    expect(await again.authenticated).toBe('ok');
    await synced(again);
    expect(html(again)).toBe('<p>用AI识别校园植物</p><p>Students photograph leaves</p>');
    again.close();
  }, 60_000);

  it('refuses a user the lesson’s authoriser says nothing for, and a socket without a session', async () => {
    const stranger = open(cookies[outsider.id]);
    expect(await stranger.authenticated).toBe('denied');
    expect(html(stranger)).toBe('');
    stranger.close();

    const anonymous = open(null);
    expect(await anonymous.authenticated).toBe('denied');
    anonymous.close();
  }, 30_000);

  it('refuses an upgrade from another site’s page (cross-site websocket hijacking)', async () => {
    const hijack = open(cookies[gd.id], 'https://evil.example');
    expect(await hijack.authenticated).toBe('denied');
    expect(html(hijack)).toBe('');
    hijack.close();

    const sameSite = open(cookies[gd.id], running.baseUrl);
    expect(await sameSite.authenticated).toBe('ok');
    sameSite.close();
  }, 30_000);

  it('a reviewer with read access sees the lesson but cannot change it', async () => {
    const reader = open(cookies[mo.id]);
    expect(await reader.authenticated).toBe('ok');
    await synced(reader);
    expect(reader.provider.authorizedScope).toBe('readonly');
    expect(html(reader)).toContain('用AI识别校园植物');

    typeParagraph(reader.doc, 'vandalism');
    await until(() => reader.refused() > 0, 'the server to refuse the change');

    const writer = open(cookies[hk.id]);
    await synced(writer);
    expect(html(writer)).not.toContain('vandalism');
    reader.close();
    writer.close();
  }, 30_000);
});
