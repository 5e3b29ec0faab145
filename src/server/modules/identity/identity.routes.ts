import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type {} from '@fastify/rate-limit';
import { ZIdParams } from '../../../shared/api/common.ts';
import {
  ZChangePasswordBody,
  ZCreateApiClientBody,
  ZCreateUserBody,
  ZListUsersQuery,
  ZLoginBody,
  ZPlace,
  ZUpdateMeBody,
} from '../../../shared/api/identity.ts';
import { actorOf, clearSessionCookies, setSessionCookies } from '../../http/auth.plugin.ts';
import type { Db } from '../../db/client.ts';
import { changeOwnPassword, login, logout, logoutEverywhere, updateOwnProfile } from './identity.auth.service.ts';
import { createApiClient } from './identity.api-clients.ts';
import { presentMembership } from './identity.present.ts';
import {
  addMembership,
  createUser,
  getMe,
  getUser,
  listUsers,
  removeMembership,
  resetPassword,
  unlockUser,
} from './identity.users.service.ts';

export interface IdentityRouteOptions {
  db: Db;
  secureCookies: boolean;
  authRateLimit: { max: number; timeWindow: number };
}

/** Thin routes: parse (zod) → one service call → presented answer. Services check access. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteOptions> = async (app, { db, secureCookies, authRateLimit }) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with username and password', body: ZLoginBody },
      config: {
        csrf: false,
        // Per address and username: a class logging in together from one school NAT is not throttled,
        // while guessing one account's password is. Lockout guards the account itself.
        rateLimit: {
          ...authRateLimit,
          hook: 'preHandler',
          keyGenerator: (req: import('fastify').FastifyRequest) =>
            `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { userId, session } = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
        previousToken: request.sessionToken ?? request.cookies.eb_session,
      });
      setSessionCookies(reply, session, secureCookies);
      const actor = { kind: 'user' as const, id: userId, username: request.body.username, memberships: [] };
      return { user: await getMe({ db, actor }) };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'End this session' } }, async (request, reply) => {
    const actor = actorOf(request);
    if (request.sessionToken) await logout(db, actor, request.sessionToken);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.post('/api/v1/auth/logout-all', { schema: { tags: ['auth'], summary: 'End every session of this user' } }, async (request, reply) => {
    await logoutEverywhere(db, actorOf(request));
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['me'], summary: 'The signed-in user and their memberships' } }, async (request) =>
    getMe({ db, actor: actorOf(request) }),
  );

  app.patch(
    '/api/v1/me',
    { schema: { tags: ['me'], summary: 'Change display name or UI language', body: ZUpdateMeBody } },
    async (request) => {
      const actor = actorOf(request);
      await updateOwnProfile(db, actor, request.body);
      return getMe({ db, actor });
    },
  );

  app.post(
    '/api/v1/me/password',
    { schema: { tags: ['me'], summary: 'Change own password (ends other sessions)', body: ZChangePasswordBody } },
    async (request, reply) => {
      const session = await changeOwnPassword(db, actorOf(request), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookies(reply, session, secureCookies);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'People the caller may see', querystring: ZListUsersQuery } },
    async (request) => listUsers({ db, actor: actorOf(request) }, request.query),
  );

  app.get('/api/v1/users/:id', { schema: { tags: ['users'], params: ZIdParams } }, async (request) =>
    getUser({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Create an account', body: ZCreateUserBody } },
    async (request, reply) => {
      const created = await createUser({ db, actor: actorOf(request) }, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post('/api/v1/users/:id/reset-password', { schema: { tags: ['users'], params: ZIdParams } }, async (request) =>
    resetPassword({ db, actor: actorOf(request) }, request.params.id),
  );

  app.post('/api/v1/users/:id/unlock', { schema: { tags: ['users'], params: ZIdParams } }, async (request, reply) => {
    await unlockUser({ db, actor: actorOf(request) }, request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/users/:id/memberships', { schema: { tags: ['users'], params: ZIdParams, body: ZPlace } }, async (request, reply) => {
    const m = await addMembership({ db, actor: actorOf(request) }, request.params.id, request.body);
    return reply.status(201).send(presentMembership(m));
  });

  app.delete('/api/v1/memberships/:id', { schema: { tags: ['users'], params: ZIdParams } }, async (request, reply) => {
    await removeMembership({ db, actor: actorOf(request) }, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/v1/api-clients',
    { schema: { tags: ['integrations'], summary: 'Create an API client (key and secret shown once)', body: ZCreateApiClientBody } },
    async (request, reply) => reply.status(201).send(await createApiClient({ db, actor: actorOf(request) }, request.body)),
  );
};
