import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { ActiveProvider } from './assistant.settings.service.ts';

/** The part of OpenAI's moderation answer we rely on: one result per input, each flagged or not. */
const ZModerationAnswer = z.object({ results: z.array(z.object({ flagged: z.boolean() })).min(1) });

/**
 * The provider's own content check (OpenAI `POST /moderations`), for providers whose admin says they offer
 * it. The caller passes text that already went through the outbound guard: moderation is an outbound
 * request like any prompt. A check that cannot be made fails the turn (the tutor serves children: no
 * answer is shown unchecked).
 *
 * @example await flaggedByProvider(provider, guard.protect(message).text) // false
 */
export async function flaggedByProvider(provider: ActiveProvider, text: string, signal?: AbortSignal): Promise<boolean> {
  let answer: unknown;
  try {
    const res = await fetch(`${provider.baseUrl}/moderations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}),
      },
      body: JSON.stringify({ input: text, ...(provider.moderationModel ? { model: provider.moderationModel } : {}) }),
      signal,
    });
    if (!res.ok) throw new Error(`moderation answered ${res.status}`);
    answer = await res.json();
  } catch (err) {
    throw new AppError('ASSISTANT_PROVIDER_FAILED', { cause: err });
  }
  const parsed = ZModerationAnswer.safeParse(answer);
  if (!parsed.success) throw new AppError('ASSISTANT_PROVIDER_FAILED');
  return parsed.data.results.some((r) => r.flagged);
}
