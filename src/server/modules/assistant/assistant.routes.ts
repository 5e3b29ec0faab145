import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { ZIdParams } from '../../../shared/api/common.ts';
import {
  ZAssessedTopicBody,
  ZChatBody,
  ZClassParams,
  ZJurisdictionParams,
  ZProviderBody,
  ZSchoolParams,
  ZSchoolSettingsBody,
  ZToolBody,
  ZUsageQuery,
} from '../../../shared/api/assistant.ts';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { AppError, isAppError } from '../../http/app-error.ts';
import { languageFromHeader } from '../../http/i18n.ts';
import { beginTurn } from './assistant.chat.service.ts';
import {
  addAssessedTopic,
  classTutorConversations,
  getConversation,
  listAssessedTopics,
  listConversations,
  removeAssessedTopic,
  taughtClasses,
} from './assistant.conversations.service.ts';
import { assistantStatus, getProvider, getSchoolSettings, saveProvider, saveSchoolSettings } from './assistant.settings.service.ts';
import { quizItemXml, runTool, saveAsDraft } from './assistant.tools.service.ts';
import { usageDashboard } from './assistant.usage.ts';

/**
 * The shared AI assistant under /api/v1/assistant: provider and school settings, chat and tutor turns as
 * Server-Sent Events (closing the connection stops the upstream request), teacher tools, history, usage.
 */
export const assistantRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['assistant'];
  const base = '/api/v1/assistant';
  // The assistant serves people: an API client (xAPI tools) has no conversations, quota or tutor of its own.
  const ctx = (request: FastifyRequest) => {
    const actor = actorOf(request);
    if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
    return { db, actor };
  };
  const lang = (request: FastifyRequest) => request.uiLanguage ?? languageFromHeader(request.headers['accept-language']);

  app.get(`${base}/status`, { schema: { tags, summary: 'Online or offline for me, and tutor transparency' } }, (request) =>
    assistantStatus(ctx(request)),
  );
  app.get(
    `${base}/providers/:jurisdictionId`,
    { schema: { tags, summary: 'Provider of a jurisdiction (never the key)', params: ZJurisdictionParams } },
    (request) => getProvider(ctx(request), request.params.jurisdictionId),
  );
  app.put(`${base}/providers/:jurisdictionId`, { schema: { tags, params: ZJurisdictionParams, body: ZProviderBody } }, (request) =>
    saveProvider(ctx(request), request.params.jurisdictionId, request.body),
  );
  app.get(`${base}/schools/:schoolId/settings`, { schema: { tags, params: ZSchoolParams } }, (request) =>
    getSchoolSettings(ctx(request), request.params.schoolId),
  );
  app.put(`${base}/schools/:schoolId/settings`, { schema: { tags, params: ZSchoolParams, body: ZSchoolSettingsBody } }, (request) =>
    saveSchoolSettings(ctx(request), request.params.schoolId, request.body),
  );
  app.get(`${base}/usage`, { schema: { tags, summary: 'Requests per day and tool', querystring: ZUsageQuery } }, (request) =>
    usageDashboard(ctx(request), request.query),
  );

  app.post(
    `${base}/chat`,
    { schema: { tags, summary: 'One chat or tutor turn, answered as Server-Sent Events', body: ZChatBody } },
    async (request, reply) => {
      const turn = await beginTurn(ctx(request), request.body);
      const stop = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableEnded) stop.abort();
      });
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => {
        if (!reply.raw.destroyed) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      send('meta', { conversationId: turn.conversationId, citations: turn.citations, offline: turn.offline, notice: turn.notice });
      let answer = '';
      try {
        for await (const text of turn.pieces(stop.signal)) {
          answer += text;
          send('delta', { text });
        }
      } catch (err) {
        if (!stop.signal.aborted) {
          request.log.warn({ code: isAppError(err) ? err.code : 'INTERNAL' }, 'assistant answer failed');
          send('error', { code: isAppError(err) ? err.code : 'ASSISTANT_PROVIDER_FAILED' });
        }
      }
      const messageId = await turn.finish(answer, stop.signal.aborted);
      if (turn.notice) send('notice', { notice: turn.notice });
      send('done', { messageId });
      reply.raw.end();
    },
  );

  app.post(`${base}/tools`, { schema: { tags, summary: 'Run a teacher tool', body: ZToolBody } }, (request) =>
    runTool({ ...ctx(request), lang: lang(request) }, request.body),
  );
  app.post(
    `${base}/messages/:id/draft`,
    { schema: { tags, summary: 'Save a tool answer as a library draft', params: ZIdParams } },
    (request) => saveAsDraft({ ...ctx(request), lang: lang(request) }, request.params.id),
  );
  app.get(
    `${base}/messages/:id/qti`,
    {
      schema: {
        tags,
        summary: 'A quiz question as a QTI 3.0 item',
        params: ZIdParams,
        querystring: z.object({ n: z.coerce.number().int().min(1).max(50).default(1) }),
      },
    },
    async (request, reply) => {
      const item = await quizItemXml({ ...ctx(request), lang: lang(request) }, request.params.id, request.query.n);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', contentDisposition(item.filename))
        .send(item.xml);
    },
  );

  app.get(`${base}/conversations`, { schema: { tags } }, (request) => listConversations(ctx(request)));
  app.get(`${base}/conversations/:id`, { schema: { tags, params: ZIdParams } }, (request) =>
    getConversation(ctx(request), request.params.id),
  );

  app.get(`${base}/classes`, { schema: { tags, summary: 'Classes I teach (to mark assessed work)' } }, (request) =>
    taughtClasses(ctx(request)),
  );
  app.get(`${base}/classes/:classId/assessed-topics`, { schema: { tags, params: ZClassParams } }, (request) =>
    listAssessedTopics(ctx(request), request.params.classId),
  );
  app.post(`${base}/classes/:classId/assessed-topics`, { schema: { tags, params: ZClassParams, body: ZAssessedTopicBody } }, (request) =>
    addAssessedTopic(ctx(request), request.params.classId, request.body.topic),
  );
  app.delete(
    `${base}/classes/:classId/assessed-topics/:id`,
    { schema: { tags, params: ZClassParams.extend({ id: ZIdParams.shape.id }) } },
    (request) => removeAssessedTopic(ctx(request), request.params.classId, request.params.id),
  );
  app.get(
    `${base}/classes/:classId/tutor-conversations`,
    { schema: { tags, summary: "Students' tutor conversations, when the school allows", params: ZClassParams } },
    (request) => classTutorConversations(ctx(request), request.params.classId),
  );
};
