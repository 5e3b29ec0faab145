import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { AppError } from './http/app-error.ts';
import { authPlugin } from './http/auth.plugin.ts';
import { errorsPlugin, sendProblem } from './http/errors.plugin.ts';
import { loggerOptions } from './http/logger.ts';
import { metricsPlugin } from './http/metrics.plugin.ts';
import { securityPlugin } from './http/security.plugin.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { rosterRoutes } from './modules/identity/identity.roster.routes.ts';
import { recordsRoutes } from './modules/records/records.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { libraryRoutes } from './modules/library/library.routes.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { tenancyRoutes } from './modules/tenancy/tenancy.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { growthRoutes } from './modules/growth/growth.routes.ts';
import { coursesRoutes } from './modules/courses/courses.routes.ts';
import { authoriseLessonDocument } from './modules/courses/courses.collab.ts';
import { collabRoutes } from './modules/collab/collab.routes.ts';
import { createCollab, type CollabAuthoriser } from './modules/collab/collab.service.ts';
import { contestsRoutes } from './modules/contests/contests.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { federationRoutes } from './modules/federation/federation.routes.ts';
import { nodeSelf } from './modules/federation/federation.node.ts';
import { assistantRoutes } from './modules/assistant/assistant.routes.ts';
import { insightsRoutes } from './modules/insights/insights.routes.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Tests pass a silent logger; production gets pino with redaction. */
  logger?: Logger | boolean;
  /** Login attempts per address and username per window (tests raise it). */
  authRateLimit?: { max: number; timeWindow: number };
  /** Serve the built web app from dist/web when present. */
  serveWeb?: boolean;
  /** Where uploaded files go (one store per node: local folder, or S3-compatible in production). */
  blobs: BlobStore;
  /** Extra or replacement authorisers of live documents by type (tests register their own). */
  collabAuthorisers?: Record<string, CollabAuthoriser>;
  /** Sees every route as it is registered (the authorisation-matrix test collects the route table). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application from the modules. main.ts and the tests both call it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    loggerInstance: typeof deps.logger === 'object' ? deps.logger : undefined,
    logger: typeof deps.logger === 'object' ? undefined : deps.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(incoming) ? incoming : uuidv7();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;

  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { secure: config.secureCookies });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 20, parts: 30 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EduBridge API',
        description: 'EduBridge (湾区智教桥): shared AI education for Guangdong, Hong Kong, Macao and Hubei schools.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'eb_session' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(metricsPlugin);
  await app.register(authPlugin, { db: database.db, secureCookies: config.secureCookies });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  const db = database.db;
  await app.register(identityRoutes, {
    db,
    secureCookies: config.secureCookies,
    authRateLimit: deps.authRateLimit ?? { max: 10, timeWindow: 60_000 },
  });
  await app.register(tenancyRoutes, { db });
  await app.register(rosterRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(recordsRoutes, { db, publicUrl: config.publicUrl });
  await app.register(searchRoutes, { db });
  await app.register(libraryRoutes, { db, blobs: deps.blobs, maxUploadBytes: config.maxUploadBytes, publicUrl: config.publicUrl });
  await app.register(privacyRoutes, { db, sessionSecret: config.sessionSecret });
  await app.register(trainingRoutes, {
    db,
    sessionSecret: config.sessionSecret,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    blobs: deps.blobs,
    maxUploadBytes: config.maxUploadBytes,
  });
  await app.register(growthRoutes, { db, blobs: deps.blobs });
  // Live co-editing (Hocuspocus on this server's /collab websocket); each document type names its authoriser.
  const collab = createCollab({ db, authorisers: { lesson: authoriseLessonDocument, ...deps.collabAuthorisers } });
  // On close: sockets are closed and every pending document store is flushed before the database closes.
  app.addHook('onClose', async () => collab.close());
  await app.register(collabRoutes, { db, collab, publicUrl: config.publicUrl });
  await app.register(coursesRoutes, { db, blobs: deps.blobs, collab });
  await app.register(contestsRoutes, { db, blobs: deps.blobs });
  await app.register(notificationsRoutes, { db, emailAvailable: config.mail !== null });
  await app.register(networkRoutes, { db, blobs: deps.blobs, maxUploadBytes: config.maxUploadBytes });
  await app.register(federationRoutes, { db, blobs: deps.blobs, self: nodeSelf(config) });
  await app.register(assistantRoutes, { db });
  await app.register(insightsRoutes, { db });

  const serveWeb = deps.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: ['index.html'] });
  // Client-side routes (/login, /schools…) get the app shell; API paths keep their problem answers.
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|xapi|federation|healthz|readyz|metrics)(\/|$)/.test(request.url);
    if (serveWeb && request.method === 'GET' && !isApi && request.headers.accept?.includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND'));
  });
  return app;
}
