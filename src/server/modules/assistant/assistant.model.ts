import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, Output, streamText, type ModelMessage } from 'ai';
import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { ActiveProvider } from './assistant.settings.service.ts';

/**
 * The one place that talks to a model, through the Vercel AI SDK's OpenAI-compatible provider (Qwen,
 * DeepSeek, GLM, vLLM, Ollama, OpenAI … all speak it). Callers hand in text that is already de-identified;
 * nothing here logs prompts or keys.
 */
// The SDK prints warnings (e.g. "responseFormat not supported" for endpoints without JSON-schema mode) to the
// console; the node logs through pino only, and the tool output is validated with zod either way.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

function chatModelOf(provider: ActiveProvider) {
  return createOpenAICompatible({ name: 'assistant', baseURL: provider.baseUrl, apiKey: provider.apiKey ?? undefined }).chatModel(
    provider.chatModel,
  );
}

/** Streams the answer as text pieces; aborting `signal` cancels the upstream request. */
export async function* streamAnswer(
  provider: ActiveProvider,
  opts: { system: string; messages: ModelMessage[]; signal: AbortSignal },
): AsyncGenerator<string> {
  const result = streamText({
    model: chatModelOf(provider),
    system: opts.system,
    messages: opts.messages,
    abortSignal: opts.signal,
    maxRetries: 0,
  });
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') yield part.text;
    else if (part.type === 'error') {
      if (opts.signal.aborted) return;
      throw new AppError('ASSISTANT_PROVIDER_FAILED', { cause: part.error });
    } else if (part.type === 'abort') return;
  }
}

/**
 * Structured output validated with zod. A model that answers invalid JSON (or JSON of the wrong shape) gets
 * one more try with the problem spelled out; a second failure is the user's clear error, not a guess.
 */
export async function generateStructured<T>(
  provider: ActiveProvider,
  opts: { system: string; prompt: string; schema: z.ZodType<T>; signal?: AbortSignal },
): Promise<T> {
  const shape = JSON.stringify(z.toJSONSchema(opts.schema, { io: 'input' }));
  const system = `${opts.system}\nAnswer with one JSON object only, matching this JSON Schema:\n${shape}`;
  let prompt = opts.prompt;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const result = await generateText({
        model: chatModelOf(provider),
        system,
        prompt,
        output: Output.object({ schema: opts.schema }),
        abortSignal: opts.signal,
        maxRetries: 0,
      });
      return result.output;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const invalid =
        err instanceof Error && /NoObjectGenerated|NoOutputGenerated|TypeValidation|JSONParse/.test(err.name + err.constructor.name);
      if (!invalid) throw new AppError('ASSISTANT_PROVIDER_FAILED', { cause: err });
      if (attempt === 2) throw new AppError('ASSISTANT_TOOL_INVALID_OUTPUT', { cause: err });
      prompt = `${opts.prompt}\n\nYour previous answer was not valid JSON for the schema. Answer again with JSON only.`;
    }
  }
  throw new AppError('ASSISTANT_TOOL_INVALID_OUTPUT');
}
