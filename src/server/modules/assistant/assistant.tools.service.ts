import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ZToolOutputs, type AssistantCitation, type AssistantTool, type TToolBody } from '../../../shared/api/assistant.ts';
import type { ContentLanguage, UiLanguage } from '../../../shared/languages.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { createResource } from '../library/library.resources.service.ts';
import { ensureRetentionPurge } from './assistant.jobs.ts';
import { generateStructured } from './assistant.model.ts';
import { assistantPolicy } from './assistant.policy.ts';
import { presentMessage } from './assistant.present.ts';
import { OutboundGuard } from './assistant.privacy.ts';
import { qtiItemXml } from './assistant.qti.ts';
import { retrievePassages, sourcesBlock } from './assistant.retrieval.ts';
import { activeProvider } from './assistant.settings.service.ts';
import { assistantConversations, assistantMessages } from './assistant.schema.ts';
import {
  freeTextOf,
  offlineDraft,
  outputAsHtml,
  promptFor,
  retrievalQueryFor,
  systemPromptFor,
  titleOf,
  withFreeText,
} from './assistant.tools.ts';
import { actingPlace, chargeQuota } from './assistant.usage.ts';

interface Ctx {
  db: Db;
  actor: Actor;
  lang: UiLanguage;
}

/**
 * Runs a teacher tool: quota, grounding in the library, de-identified prompt, structured output validated
 * with zod (retried once), placeholders restored, saved as a conversation the teacher can return to.
 * Without a provider, a template draft labelled offline.
 */
export async function runTool(ctx: Ctx, body: TToolBody) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, assistantPolicy.teacherTools);
  const place = await actingPlace(ctx.db, actor, assistantPolicy.teacherTools);
  const provider = await activeProvider(ctx.db, place.jurisdictionId);
  const offline = !provider;
  await ctx.db.transaction((tx) => chargeQuota(tx, place, body.tool, offline));

  const query = retrievalQueryFor(body);
  const citations = query ? await retrievePassages(ctx.db, actor, query, { provider }) : [];
  let output: unknown;
  if (!provider) {
    output = offlineDraft(body, citations, ctx.lang);
  } else {
    const guard = new OutboundGuard(provider.allowedCategories);
    const safeBody = withFreeText(
      body,
      freeTextOf(body).map((text) => guard.protect(text).text),
    );
    const sources = guard.protect(sourcesBlock(citations)).text;
    const schema = ZToolOutputs[body.tool] as unknown as z.ZodType<unknown>;
    const raw = await generateStructured(provider, { system: systemPromptFor(body.tool), prompt: promptFor(safeBody, sources), schema });
    output = guard.restoreDeep(raw);
  }

  const message = await ctx.db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(assistantConversations)
      .values({ ...place, kind: 'tool', tool: body.tool, title: titleOf(body, output) })
      .returning({ id: assistantConversations.id });
    await tx
      .insert(assistantMessages)
      .values({ conversationId: conversation.id, role: 'user', content: freeTextOf(body).join('\n\n'), output: body });
    const [m] = await tx
      .insert(assistantMessages)
      .values({ conversationId: conversation.id, role: 'assistant', content: '', output: output as object, citations, offline })
      .returning();
    await ensureRetentionPurge(tx);
    return { conversationId: conversation.id, ...presentMessage(m) };
  });
  return { ...message, tool: body.tool };
}

/** A tool answer the caller owns, with the input it answered. */
async function ownToolAnswer(db: Db, actor: Actor, messageId: string) {
  const [row] = await db
    .select({ m: assistantMessages, c: assistantConversations })
    .from(assistantMessages)
    .innerJoin(assistantConversations, eq(assistantConversations.id, assistantMessages.conversationId))
    .where(and(eq(assistantMessages.id, messageId), eq(assistantConversations.userId, actor.id ?? '')));
  if (!row || row.c.kind !== 'tool' || row.m.role !== 'assistant' || !row.m.output) throw new AppError('NOT_FOUND');
  const [question] = await db
    .select({ output: assistantMessages.output })
    .from(assistantMessages)
    .where(and(eq(assistantMessages.conversationId, row.c.id), eq(assistantMessages.role, 'user')));
  return { message: row.m, conversation: row.c, input: question?.output as TToolBody | undefined };
}

const LANG_OF_UI: Record<UiLanguage, ContentLanguage> = { 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant-HK', en: 'en' };

/** Saves a tool answer into the library as the teacher's private draft (the library audits the creation). */
export async function saveAsDraft(ctx: Ctx, messageId: string) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, assistantPolicy.teacherTools);
  const { message, conversation, input } = await ownToolAnswer(ctx.db, actor, messageId);
  const tool = conversation.tool as AssistantTool;
  const citations = message.citations as AssistantCitation[];
  const fields = input?.input as { gradeBand?: 'primary' | 'junior' | 'senior'; subject?: string; competencies?: string[] } | undefined;
  const resource = await createResource(
    { db: ctx.db, actor },
    {
      title: conversation.title,
      summary: '',
      body: outputAsHtml(tool, message.output, citations, ctx.lang),
      language: LANG_OF_UI[ctx.lang],
      subject: (fields?.subject as never) ?? 'ai',
      gradeBand: fields?.gradeBand ?? 'junior',
      grades: [],
      aiCompetencies: (fields?.competencies ?? []).map((competency) => ({ competency: competency as never, level: 'understand' as const })),
      keywords: ['AI-assisted'],
      licence: 'CC-BY-4.0',
    },
  );
  return { resourceId: (resource as { id: string }).id };
}

/** One quiz question of a tool answer as a QTI 3.0 item. */
export async function quizItemXml(ctx: Ctx, messageId: string, n: number) {
  const actor = requireUser(ctx.actor);
  const { message, conversation } = await ownToolAnswer(ctx.db, actor, messageId);
  if (conversation.tool !== 'quiz') throw new AppError('NOT_FOUND');
  const quiz = ZToolOutputs.quiz.parse(message.output);
  const question = quiz.questions[n - 1];
  if (!question) throw new AppError('NOT_FOUND');
  return {
    filename: `quiz-${messageId.slice(0, 8)}-q${n}.xml`,
    xml: qtiItemXml(question, { identifier: `q-${messageId}-${n}`, title: `${quiz.title} ${n}`, language: LANG_OF_UI[ctx.lang] }),
  };
}
