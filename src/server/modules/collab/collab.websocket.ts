import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { WebSocketServer } from 'ws';
import type { Db } from '../../db/client.ts';
import { SESSION_COOKIE } from '../../http/auth.plugin.ts';
import { resolveSession } from '../identity/identity.sessions.ts';
import { collabInternals, type Collab, type CollabContext } from './collab.service.ts';

export const COLLAB_PATH = '/collab';

/**
 * Browsers send cookies with a websocket upgrade from any page, and the same-origin policy does not apply
 * to websockets: without this check a page on another site could open a teacher's lessons with her
 * session (cross-site websocket hijacking). A browser always sends Origin; clients that send none are
 * not browsers and cannot borrow anyone's cookies.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
  return !!host && url.host === host;
}

/**
 * Takes websocket upgrades on `/collab` from the HTTP server Fastify listens with: the session cookie
 * names the user (401 before any websocket exists otherwise), then Hocuspocus asks the document's
 * authoriser for every document the socket opens.
 */
export function attachCollabWebsocket(app: FastifyInstance, opts: { db: Db; collab: Collab; publicUrl?: string }) {
  const inner = collabInternals(opts.collab);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  const refuse = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) return; // someone else's upgrade
    void (async () => {
      try {
        if (inner.closing) return refuse(socket, '503 Service Unavailable');
        if (!originAllowed(request.headers.origin, request.headers.host, opts.publicUrl)) return refuse(socket, '403 Forbidden');
        const token = app.parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
        const session = token ? await resolveSession(opts.db, token) : null;
        if (!session) return refuse(socket, '401 Unauthorized');
        const context: CollabContext = { actor: { ...session.actor, requestId: uuidv7() } };
        wss.handleUpgrade(request, socket, head, (websocket) => {
          inner.hocuspocus.handleConnection(websocket, request, context);
        });
      } catch (error) {
        app.log.error({ err: error }, 'collab upgrade failed');
        refuse(socket, '500 Internal Server Error');
      }
    })();
  };

  app.server.on('upgrade', onUpgrade);
  return async () => {
    app.server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
