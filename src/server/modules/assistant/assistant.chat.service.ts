import { and, asc, eq } from 'drizzle-orm';
import type { ModelMessage } from 'ai';
import type { AssistantCitation, TChatBody } from '../../../shared/api/assistant.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { ensureRetentionPurge } from './assistant.jobs.ts';
import { streamAnswer } from './assistant.model.ts';
import { flaggedByProvider } from './assistant.moderation.ts';
import { assistantPolicy } from './assistant.policy.ts';
import { OutboundGuard, StreamRestorer } from './assistant.privacy.ts';
import { retrievePassages, sourcesBlock } from './assistant.retrieval.ts';
import { unsafeCategory } from './assistant.safety.ts';
import { activeProvider } from './assistant.settings.service.ts';
import { assistantConversations, assistantMessages } from './assistant.schema.ts';
import { assessedTopicIn, bandOfClasses, studentClasses, tutorSystemPrompt } from './assistant.tutor.ts';
import { actingPlace, chargeQuota } from './assistant.usage.ts';

const CHAT_SYSTEM =
  'You are the EduBridge assistant for teachers in Guangdong, Hong Kong and Macao. Answer from the numbered sources when they help and cite them as [n]. If the sources do not cover the question, say so. Placeholders such as <PERSON_1> stand for real people: keep them exactly as they are.';

/** Why a turn was answered without the model: nothing to restore, the UI words it. */
export type TurnNotice = 'unsafe' | 'assessed' | null;

export interface Turn {
  conversationId: string;
  citations: AssistantCitation[];
  offline: boolean;
  notice: TurnNotice;
  /** Pieces of the answer as the user sees them (placeholders restored). */
  pieces(signal: AbortSignal): AsyncGenerator<string>;
  /** Saves the answer; `stopped` when the user pressed stop. Returns the message id. */
  finish(answer: string, stopped: boolean): Promise<string>;
}

/**
 * One chat or tutor turn. Checks role and quota, safety and assessed topics, retrieves passages and saves
 * the user's message in one transaction; the caller then streams `pieces` and calls `finish`. With no
 * provider the answer is the ranked passages, marked offline — never a pretend model.
 */
export async function beginTurn(ctx: { db: Db; actor: Actor }, body: TChatBody): Promise<Turn> {
  const actor = requireUser(ctx.actor);
  const tutor = body.mode === 'tutor';
  requireRole(actor, tutor ? assistantPolicy.tutor : assistantPolicy.teacherTools);
  const place = await actingPlace(ctx.db, actor, tutor ? assistantPolicy.tutor : assistantPolicy.teacherTools);
  const provider = await activeProvider(ctx.db, place.jurisdictionId);
  const classesOfStudent = tutor ? await studentClasses(ctx.db, place.userId) : [];
  const band = body.gradeBand ?? bandOfClasses(classesOfStudent);

  const guard = new OutboundGuard(provider?.allowedCategories ?? []);
  // The tutor's input check: the word lists, then the provider's moderation when it offers one.
  const moderated = tutor && !!provider?.moderation;
  let notice: TurnNotice = null;
  if (tutor && unsafeCategory(body.message)) notice = 'unsafe';
  else if (moderated && (await flaggedByProvider(provider, guard.protect(body.message).text))) notice = 'unsafe';
  else if (
    tutor &&
    (await assessedTopicIn(
      ctx.db,
      classesOfStudent.map((c) => c.id),
      body.message,
    ))
  )
    notice = 'assessed';
  const citations = notice ? [] : await retrievePassages(ctx.db, actor, body.message, { provider });
  const offline = !provider;

  const { conversationId, history } = await ctx.db.transaction(async (tx) => {
    await chargeQuota(tx, place, body.mode, offline);
    let id = body.conversationId;
    if (id) {
      const [own] = await tx
        .select({ id: assistantConversations.id, kind: assistantConversations.kind })
        .from(assistantConversations)
        .where(and(eq(assistantConversations.id, id), eq(assistantConversations.userId, place.userId)));
      if (!own || own.kind !== body.mode) throw new AppError('NOT_FOUND');
      await tx.update(assistantConversations).set({ updatedAt: new Date() }).where(eq(assistantConversations.id, id));
    } else {
      const [made] = await tx
        .insert(assistantConversations)
        .values({ ...place, kind: body.mode, title: body.message.slice(0, 80) })
        .returning({ id: assistantConversations.id });
      id = made.id;
      await ensureRetentionPurge(tx);
    }
    const past = await tx
      .select({ role: assistantMessages.role, content: assistantMessages.content })
      .from(assistantMessages)
      .where(eq(assistantMessages.conversationId, id))
      .orderBy(asc(assistantMessages.createdAt));
    await tx.insert(assistantMessages).values({ conversationId: id, role: 'user', content: body.message });
    return { conversationId: id, history: past.filter((m) => m.content).slice(-10) };
  });

  const turn: Turn = {
    conversationId,
    citations,
    offline,
    notice,
    async *pieces(signal) {
      if (notice) return;
      if (!provider) {
        yield citations.map((c, i) => `[${i + 1}] ${c.title} — ${c.snippet}`).join('\n\n');
        return;
      }
      // Everything that leaves: the history, the question and the sources, each through the guard.
      const messages: ModelMessage[] = [
        ...history.map((m) => ({ role: m.role, content: guard.protect(m.content).text }) as ModelMessage),
        {
          role: 'user',
          content: guard.protect(citations.length ? `${body.message}\n\nSources:\n${sourcesBlock(citations)}` : body.message).text,
        },
      ];
      const restorer = new StreamRestorer(guard);
      const upstream = new AbortController();
      signal.addEventListener('abort', () => upstream.abort(), { once: true });
      let soFar = '';
      // With provider moderation the tutor's answer is held back until the whole of it has been checked.
      let raw = '';
      const system = tutor ? tutorSystemPrompt(band) : CHAT_SYSTEM;
      for await (const piece of streamAnswer(provider, { system, messages, signal: upstream.signal })) {
        const shown = restorer.push(piece);
        soFar += shown;
        raw += piece;
        // The output check runs as the answer grows, so an unsafe answer stops before a child reads it all.
        if (tutor && unsafeCategory(soFar)) {
          turn.notice = 'unsafe';
          upstream.abort();
          return;
        }
        if (shown && !moderated) yield shown;
      }
      const rest = restorer.flush();
      if (moderated) {
        if (signal.aborted) return;
        if (await flaggedByProvider(provider, guard.protect(raw).text, signal)) {
          turn.notice = 'unsafe';
          return;
        }
        if (soFar + rest) yield soFar + rest;
      } else if (rest) yield rest;
    },
    async finish(answer, stopped) {
      const outputNotice = turn.notice ?? (tutor && unsafeCategory(answer) ? 'unsafe' : null);
      const [m] = await ctx.db
        .insert(assistantMessages)
        .values({
          conversationId,
          role: 'assistant',
          content: outputNotice ? '' : answer,
          output: outputNotice || stopped ? { notice: outputNotice, stopped } : null,
          citations,
          offline,
        })
        .returning({ id: assistantMessages.id });
      return m.id;
    },
  };
  return turn;
}
