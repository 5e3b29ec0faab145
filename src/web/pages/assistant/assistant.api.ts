import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssistantCitation,
  AssistantTool,
  PersonalDataCategory,
  TProviderBody,
  TSchoolSettingsBody,
  TToolBody,
} from '../../../shared/api/assistant.ts';
import type { ErrorCode, ProblemDetails } from '../../../shared/errors.ts';
import { api, ApiError, readCookie } from '../../api/client.ts';

/** Shapes of /api/v1/assistant answers (assistant.present.ts and the services on the server). */

export interface AssistantStatus {
  offline: boolean;
  jurisdictionId: string | null;
  schoolId: string | null;
  teachersReadTutor: boolean;
}

export interface AssistantMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  output: unknown;
  citations: AssistantCitation[];
  offline: boolean;
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  kind: 'chat' | 'tutor' | 'tool';
  tool: AssistantTool | null;
  title: string;
  updatedAt: string;
}

export interface ToolAnswer extends AssistantMessage {
  conversationId: string;
  tool: AssistantTool;
}

export type ProviderView =
  | { jurisdictionId: string; configured: false }
  | {
      jurisdictionId: string;
      configured: true;
      baseUrl: string;
      chatModel: string;
      embeddingModel: string | null;
      apiKey: { set: boolean; last4: string | null };
      allowedCategories: PersonalDataCategory[];
      retentionDays: number;
      enabled: boolean;
      moderation: boolean;
      moderationModel: string | null;
    };

export interface UsageRow {
  day: string;
  tool: string;
  offline: boolean;
  count: number;
}

export const useAssistantStatus = () =>
  useQuery({ queryKey: ['assistant', 'status'], queryFn: () => api<AssistantStatus>('/api/v1/assistant/status') });

export const useConversations = () =>
  useQuery({
    queryKey: ['assistant', 'conversations'],
    queryFn: () => api<{ items: ConversationSummary[] }>('/api/v1/assistant/conversations'),
  });

export const useConversation = (id: string | undefined) =>
  useQuery({
    queryKey: ['assistant', 'conversation', id],
    enabled: !!id,
    queryFn: () => api<ConversationSummary & { messages: AssistantMessage[] }>(`/api/v1/assistant/conversations/${id}`),
  });

export function useRunTool() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TToolBody) => api<ToolAnswer>('/api/v1/assistant/tools', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant', 'conversations'] }),
  });
}

export const useSaveDraft = () =>
  useMutation({
    mutationFn: (messageId: string) =>
      api<{ resourceId: string }>(`/api/v1/assistant/messages/${messageId}/draft`, { method: 'POST', body: {} }),
  });

export const useProvider = (jurisdictionId: string | undefined) =>
  useQuery({
    queryKey: ['assistant', 'provider', jurisdictionId],
    enabled: !!jurisdictionId,
    retry: false,
    queryFn: () => api<ProviderView>(`/api/v1/assistant/providers/${jurisdictionId}`),
  });

export function useSaveProvider(jurisdictionId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TProviderBody>) =>
      api<ProviderView>(`/api/v1/assistant/providers/${jurisdictionId}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant'] }),
  });
}

export const useSchoolSettings = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['assistant', 'school', schoolId],
    enabled: !!schoolId,
    queryFn: () => api<TSchoolSettingsBody & { schoolId: string }>(`/api/v1/assistant/schools/${schoolId}/settings`),
  });

export function useSaveSchoolSettings(schoolId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TSchoolSettingsBody) => api(`/api/v1/assistant/schools/${schoolId}/settings`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant'] }),
  });
}

export const useUsage = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['assistant', 'usage', schoolId],
    enabled: !!schoolId,
    queryFn: () => api<{ since: string; total: number; rows: UsageRow[] }>('/api/v1/assistant/usage', { query: { schoolId } }),
  });

export interface StreamHandlers {
  onMeta(meta: { conversationId: string; citations: AssistantCitation[]; offline: boolean; notice: string | null }): void;
  onDelta(text: string): void;
  onNotice(notice: string): void;
  onError(code: ErrorCode): void;
}

/**
 * Sends one chat or tutor turn and reads the Server-Sent Events answer as it streams. Aborting `signal`
 * (the Stop button) closes the connection, and the server cancels the model request.
 */
export async function streamChat(
  body: { message: string; mode: 'chat' | 'tutor'; conversationId?: string },
  handlers: StreamHandlers,
  signal: AbortSignal,
  language: string,
): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'Accept-Language': language };
  const csrf = readCookie('eb_csrf');
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch('/api/v1/assistant/chat', {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as ProblemDetails | null;
    throw new ApiError(problem?.code ?? 'INTERNAL', response.status, problem);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let at: number;
    while ((at = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || !data) continue;
      const parsed = JSON.parse(data) as Record<string, unknown>;
      if (event === 'meta') handlers.onMeta(parsed as never);
      else if (event === 'delta') handlers.onDelta(parsed.text as string);
      else if (event === 'notice') handlers.onNotice(parsed.notice as string);
      else if (event === 'error') handlers.onError(parsed.code as ErrorCode);
    }
  }
}

export interface TaughtClass {
  id: string;
  name: string;
  grade: number;
  schoolYear: string;
  schoolId: string;
}

export const useTaughtClasses = () =>
  useQuery({ queryKey: ['assistant', 'classes'], queryFn: () => api<{ items: TaughtClass[] }>('/api/v1/assistant/classes') });

export const useAssessedTopics = (classId: string | undefined) =>
  useQuery({
    queryKey: ['assistant', 'assessed', classId],
    enabled: !!classId,
    queryFn: () => api<{ items: { id: string; topic: string }[] }>(`/api/v1/assistant/classes/${classId}/assessed-topics`),
  });

/** Adds or removes an assessed topic; both answer the class's list as it now is. */
export function useChangeAssessedTopics(classId: string | undefined) {
  const qc = useQueryClient();
  const onSuccess = (data: { items: { id: string; topic: string }[] }) => qc.setQueryData(['assistant', 'assessed', classId], data);
  return {
    add: useMutation({
      mutationFn: (topic: string) =>
        api<{ items: { id: string; topic: string }[] }>(`/api/v1/assistant/classes/${classId}/assessed-topics`, {
          method: 'POST',
          body: { topic },
        }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        api<{ items: { id: string; topic: string }[] }>(`/api/v1/assistant/classes/${classId}/assessed-topics/${id}`, {
          method: 'DELETE',
        }),
      onSuccess,
    }),
  };
}
