import { Hocuspocus, type DirectConnection, type onAuthenticatePayload } from '@hocuspocus/server';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { docToHtml, htmlToNode, replaceContent, stateToHtml } from './collab.content.ts';
import { collabDocuments } from './collab.schema.ts';

/** What an actor may do with one document: edit, only watch, or nothing (the connection is refused). */
export type CollabAccess = 'write' | 'read' | null;
/** Decides access to the documents of one type; registered per type (`lesson` → courses). */
export type CollabAuthoriser = (ctx: { db: Db; actor: Actor }, id: string) => Promise<CollabAccess>;

export interface Collab {
  /** Current document content as HTML (StarterKit schema) — for diffs, export, search. '' when empty. */
  documentHtml(name: string): Promise<string>;
  /** Replace a document's content with HTML (applies to live connected clients too). */
  setDocumentHtml(name: string, html: string): Promise<void>;
  close(): Promise<void>;
}

/** What the websocket and REST routes need beyond the public interface (kept off it so other modules stay decoupled). */
export interface CollabInternals {
  db: Db;
  hocuspocus: Hocuspocus;
  access(actor: Actor, name: string): Promise<CollabAccess>;
  /** The document's current state as one update: the live copy when loaded, else the stored one. */
  currentState(name: string): Promise<Uint8Array | null>;
  /**
   * Opens the live document (loading it if needed) for `work`; changes made through the connection's
   * `transact` reach connected editors at once and are stored immediately.
   */
  withLive<T>(name: string, work: (connection: DirectConnection, doc: Y.Doc) => Promise<T>): Promise<T>;
  closing: boolean;
}

const internals = new WeakMap<Collab, CollabInternals>();

export function collabInternals(collab: Collab): CollabInternals {
  const found = internals.get(collab);
  if (!found) throw new Error('not a collab instance from createCollab');
  return found;
}

/** Websocket context: who is connected (set at the HTTP upgrade from the session cookie). */
export interface CollabContext {
  actor: Actor;
}

/** `lesson:0193…` → { type: 'lesson', id: '0193…' }; null for anything else. */
export function parseDocumentName(name: string): { type: string; id: string } | null {
  const match = /^([a-z][a-z0-9_-]{0,30}):([A-Za-z0-9_-]{1,100})$/.exec(name);
  return match ? { type: match[1], id: match[2] } : null;
}

/** A store is delayed this long after the last keystroke, and never longer than STORE_MAX_DELAY_MS. */
const STORE_DELAY_MS = 1500;
const STORE_MAX_DELAY_MS = 10_000;

/**
 * Live co-editing: a Hocuspocus instance (Yjs sync and awareness) without its own HTTP server — the
 * Fastify server hands it websockets (collab.websocket.ts). Documents are stored in `collab_documents`,
 * debounced while people type and flushed when the last editor leaves and on close, so a restart loses nothing.
 */
export function createCollab(deps: { db: Db; authorisers: Record<string, CollabAuthoriser> }): Collab {
  const { db, authorisers } = deps;

  const access = async (actor: Actor, name: string): Promise<CollabAccess> => {
    const parsed = parseDocumentName(name);
    const authorise = parsed ? authorisers[parsed.type] : undefined;
    if (!parsed || !authorise || actor.kind !== 'user') return null;
    return authorise({ db, actor }, parsed.id);
  };

  const storedState = async (name: string): Promise<Uint8Array | null> => {
    const [row] = await db.select({ state: collabDocuments.state }).from(collabDocuments).where(eq(collabDocuments.name, name));
    return row?.state ?? null;
  };

  const store = async (name: string, state: Uint8Array) => {
    await db
      .insert(collabDocuments)
      .values({ name, state, updatedAt: new Date() })
      .onConflictDoUpdate({ target: collabDocuments.name, set: { state, updatedAt: sql`now()` } });
  };

  const hocuspocus = new Hocuspocus({
    name: 'edubridge-collab',
    quiet: true,
    debounce: STORE_DELAY_MS,
    maxDebounce: STORE_MAX_DELAY_MS,
    // Runs for every document a socket opens (one socket may carry several): the socket's user was
    // authenticated at the upgrade; here the document's owner module decides.
    async onAuthenticate(data: onAuthenticatePayload) {
      const context = data.context as Partial<CollabContext>;
      const level = context.actor ? await access(context.actor, data.documentName) : null;
      // Hocuspocus answers the client with `reason` (permission denied) and opens nothing.
      if (!level) throw { reason: 'permission-denied' };
      if (level === 'read') data.connectionConfig.readOnly = true;
    },
    async onLoadDocument({ document, documentName }) {
      const state = await storedState(documentName);
      if (state) Y.applyUpdate(document, state);
      return document;
    },
    async onStoreDocument({ document, documentName }) {
      await store(documentName, Y.encodeStateAsUpdate(document));
    },
  });

  const collab: Collab = {
    async documentHtml(name) {
      const live = hocuspocus.documents.get(name);
      if (live && !live.isLoading) return docToHtml(live);
      return stateToHtml(await storedState(name));
    },
    async setDocumentHtml(name, html) {
      const node = htmlToNode(html);
      await inner.withLive(name, (connection) => connection.transact((doc) => replaceContent(doc, node)));
    },
    async close() {
      inner.closing = true;
      hocuspocus.closeConnections();
      // Closing sockets schedules the last stores; run every pending one now and wait for it.
      for (let round = 0; round < 5; round++) {
        const pending = [...hocuspocus.documents.values()];
        if (!pending.length) break;
        await Promise.all(
          pending.map(async (document) => {
            const id = `onStoreDocument-${document.name}`;
            if (hocuspocus.debouncer.isDebounced(id)) await hocuspocus.debouncer.executeNow(id);
            await document.saveMutex.waitForUnlock();
          }),
        );
        await new Promise((r) => setTimeout(r, 10));
        if (pending.every((d) => !hocuspocus.debouncer.isDebounced(`onStoreDocument-${d.name}`))) break;
      }
    },
  };

  const inner: CollabInternals = {
    db,
    hocuspocus,
    access,
    closing: false,
    async currentState(name) {
      const live = hocuspocus.documents.get(name);
      if (live && !live.isLoading) return Y.encodeStateAsUpdate(live);
      return storedState(name);
    },
    async withLive(name, work) {
      const connection = await hocuspocus.openDirectConnection(name, {});
      try {
        return await work(connection, hocuspocus.documents.get(name)!);
      } finally {
        await connection.disconnect();
      }
    },
  };
  internals.set(collab, inner);
  return collab;
}
