import { Alert, Button, Card, Col, Flex, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssistantCitation } from '../../../shared/api/assistant.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiError } from '../../api/client.ts';
import { streamChat, useAssistantStatus, useConversation, useConversations, type AssistantMessage } from './assistant.api.ts';
import { Citations } from './Citations.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';

interface Turn {
  question: string;
  answer: string;
  citations: AssistantCitation[];
  offline: boolean;
  notice: string | null;
  stopped: boolean;
}

/** A saved conversation's messages as the turns the page shows (question, then its answer). */
function turnsOf(messages: AssistantMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'user') {
      turns.push({ question: m.content, answer: '', citations: [], offline: false, notice: null, stopped: false });
      continue;
    }
    const last = turns.at(-1);
    if (!last) continue;
    const output = (m.output ?? {}) as { notice?: string | null; stopped?: boolean };
    Object.assign(last, {
      answer: m.content,
      citations: m.citations,
      offline: m.offline,
      notice: output.notice ?? null,
      stopped: !!output.stopped,
    });
  }
  return turns;
}

/**
 * Chat (staff) and tutor (students): the answer streams in and can be stopped; every answer lists the
 * library sources it used. The tutor tells students whether their teachers may read the conversation.
 * Past conversations of the same kind are listed beside it; opening one (`?c=<id>`) continues it.
 */
export default function ChatPage({ mode }: { mode: 'chat' | 'tutor' }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const qc = useQueryClient();
  const status = useAssistantStatus();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState('');
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const stop = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);
  const [params, setParams] = useSearchParams();
  const requested = params.get('c') ?? undefined;
  const past = useConversations();
  const opened = useConversation(requested);
  const restored = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!requested || !opened.data || opened.data.id !== requested || restored.current === requested) return;
    restored.current = requested;
    setTurns(turnsOf(opened.data.messages));
    setConversationId(requested);
    setError(null);
  }, [requested, opened.data]);

  const update = (patch: Partial<Turn> | ((turn: Turn) => Partial<Turn>)) =>
    setTurns((all) => {
      const last = all.at(-1)!;
      return [...all.slice(0, -1), { ...last, ...(typeof patch === 'function' ? patch(last) : patch) }];
    });

  async function send() {
    const message = draft.trim();
    if (!message || stop.current) return;
    setError(null);
    setDraft('');
    setTurns((all) => [...all, { question: message, answer: '', citations: [], offline: false, notice: null, stopped: false }]);
    const controller = new AbortController();
    stop.current = controller;
    setBusy(true);
    try {
      await streamChat(
        { message, mode, conversationId },
        {
          onMeta: (meta) => {
            setConversationId(meta.conversationId);
            update({ citations: meta.citations, offline: meta.offline, notice: meta.notice });
          },
          onDelta: (text) => update((turn) => ({ answer: turn.answer + text })),
          onNotice: (notice) => update({ notice, answer: '' }),
          onError: (code) => setError(new ApiError(code, 502, null)),
        },
        controller.signal,
        language,
      );
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') update({ stopped: true });
      else setError(e);
    } finally {
      stop.current = null;
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['assistant', 'conversations'] });
    }
  }

  return (
    <>
      <PageHeader title={t(`assistant.${mode}.title`)}>{t(`assistant.${mode}.intro`)}</PageHeader>
      <OfflineBanner />
      {mode === 'tutor' && status.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={status.data.teachersReadTutor ? 'warning' : 'success'}
          data-testid="tutor-transparency"
          title={status.data.teachersReadTutor ? t('assistant.tutor.teachersCanRead') : t('assistant.tutor.private')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Typography.Title level={5}>{t('assistant.chat.past')}</Typography.Title>
          <List
            size="small"
            loading={past.isLoading}
            data-testid="assistant-past-conversations"
            dataSource={(past.data?.items ?? []).filter((c) => c.kind === mode)}
            locale={{ emptyText: t('assistant.history.empty') }}
            renderItem={(c) => (
              <List.Item style={c.id === conversationId ? { fontWeight: 600 } : undefined}>
                <Link to={`?c=${c.id}`} onClick={() => (restored.current = undefined)}>
                  {c.title}
                </Link>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={18}>
          <ErrorAlert error={opened.error} />
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {turns.map((turn, i) => (
              <Card key={i} size="small" data-testid="assistant-turn">
                <Typography.Paragraph strong>{turn.question}</Typography.Paragraph>
                {turn.offline && <Tag color="blue">{t('assistant.offline.tag')}</Tag>}
                {turn.notice && <Alert type="warning" showIcon title={t(`assistant.notices.${turn.notice}`)} />}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="assistant-answer">
                  {turn.answer}
                </Typography.Paragraph>
                {turn.stopped && <Tag>{t('assistant.chat.stopped')}</Tag>}
                <Citations citations={turn.citations} />
              </Card>
            ))}
            <ErrorAlert error={error} />
            <Input.TextArea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t(`assistant.${mode}.placeholder`)}
              aria-label={t(`assistant.${mode}.placeholder`)}
              onPressEnter={(e) => {
                if (!e.shiftKey) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
            <Flex gap="small">
              <Button type="primary" onClick={() => void send()} disabled={busy || !draft.trim()}>
                {t('assistant.chat.send')}
              </Button>
              <Button danger onClick={() => stop.current?.abort()} disabled={!busy}>
                {t('assistant.chat.stop')}
              </Button>
              <Button
                onClick={() => {
                  setTurns([]);
                  setConversationId(undefined);
                  restored.current = undefined;
                  if (requested) setParams({});
                }}
                disabled={busy}
              >
                {t('assistant.chat.new')}
              </Button>
            </Flex>
          </Space>
        </Col>
      </Row>
    </>
  );
}
