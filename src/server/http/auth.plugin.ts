import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Actor } from '../modules/identity/identity.access.ts';
import { authenticateApiClient } from '../modules/identity/identity.api-clients.ts';
import { resolveSession, SESSION_MAX_AGE_MS, type NewSession } from '../modules/identity/identity.sessions.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { AppError } from './app-error.ts';
import { isUiLanguage, languageFromHeader } from './i18n.ts';

export const SESSION_COOKIE = 'eb_session';
export const CSRF_COOKIE = 'eb_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user or API client, or null. */
    actor: Actor | null;
    /** How the actor authenticated: a session cookie (subject to CSRF) or HTTP Basic. */
    authVia: 'session' | 'basic' | null;
    sessionToken: string | null;
    csrfToken: string | null;
    uiLanguage: UiLanguage | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes a browser calls before it has a session (login). */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie or HTTP Basic for API clients) and enforces CSRF on
 * cookie-authenticated writes (double-submit: header must equal the session's token).
 */
export const authPlugin = fp<{ db: Db; secureCookies: boolean }>(async (app, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('uiLanguage', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const basic = parseBasic(request.headers.authorization);
    if (basic) {
      const client = await authenticateApiClient(opts.db, basic.key, basic.secret);
      if (!client) throw new AppError('AUTH_REQUIRED', { headers: { 'www-authenticate': 'Basic realm="EduBridge"' } });
      request.actor = { ...client, requestId: request.id };
      request.authVia = 'basic';
    } else if (token) {
      const resolved = await resolveSession(opts.db, token);
      if (resolved) {
        request.actor = { ...resolved.actor, requestId: request.id };
        request.authVia = 'session';
        request.sessionToken = token;
        request.csrfToken = resolved.csrfToken;
        if (isUiLanguage(resolved.locale)) request.uiLanguage = resolved.locale;
      }
    }
    request.uiLanguage ??= languageFromHeader(request.headers['accept-language']);
  });

  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method) || request.authVia !== 'session') return;
    if (request.routeOptions.config?.csrf === false) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
      throw new AppError('CSRF_INVALID');
    }
  });
});

/** Sets the session cookie (httpOnly) and the CSRF cookie the web app reads and echoes. */
export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean) {
  const common = { path: '/', sameSite: 'lax' as const, secure, maxAge: Math.floor(SESSION_MAX_AGE_MS / 1000) };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** The caller, or 401. Routes call this first; services then check roles and scope. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}

function parseBasic(header: string | undefined): { key: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  return { key: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
