import { Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabThread } from '../../../shared/api/collab.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { anchorOfSelection, resolveAnchor } from './anchors.ts';
import { useCollabAccess, useComments, useCreateComment, useReply, useResolve } from './collab.api.ts';

/**
 * Comment threads on passages of a live document. With the editor at hand, a co-author selects a passage
 * to comment on it, and clicking a thread selects its passage; without one the threads are listed only.
 * Resolved threads fold away; their author or anyone on the writing team may resolve or reopen them.
 */
export function CollabComments({ documentName, editor }: { documentName: string; editor?: Editor }) {
  const { t } = useTranslation();
  const access = useCollabAccess(documentName);
  const comments = useComments(documentName);
  const create = useCreateComment(documentName);
  const [body, setBody] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const canWrite = access.data?.access === 'write';
  const threads = comments.data?.items ?? [];
  const visible = threads.filter((thread) => showResolved || !thread.resolvedAt);
  const resolvedCount = threads.length - threads.filter((thread) => !thread.resolvedAt).length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && editor && <NewComment editor={editor} body={body} setBody={setBody} create={create} />}
      <ErrorAlert error={comments.error ?? create.error} />
      <List
        loading={comments.isLoading}
        dataSource={visible}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collab.comments.empty')} /> }}
        renderItem={(thread) => <Thread documentName={documentName} thread={thread} editor={editor} canReply={canWrite} />}
      />
      {resolvedCount > 0 && (
        <Button type="link" onClick={() => setShowResolved((v) => !v)}>
          {showResolved ? t('collab.comments.hideResolved') : t('collab.comments.showResolved', { count: resolvedCount })}
        </Button>
      )}
    </Space>
  );
}

function NewComment({
  editor,
  body,
  setBody,
  create,
}: {
  editor: Editor;
  body: string;
  setBody: (v: string) => void;
  create: ReturnType<typeof useCreateComment>;
}) {
  const { t } = useTranslation();
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const submit = () => {
    const at = anchorOfSelection(editor);
    if (!at || !body.trim()) return;
    create.mutate({ ...at, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={body}
        rows={2}
        maxLength={4000}
        placeholder={hasSelection ? t('collab.comments.placeholder') : t('collab.comments.selectFirst')}
        aria-label={t('collab.comments.placeholder')}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button type="primary" disabled={!hasSelection || !body.trim()} loading={create.isPending} onClick={submit}>
        {t('collab.comments.add')}
      </Button>
    </Space>
  );
}

function Thread({
  documentName,
  thread,
  editor,
  canReply,
}: {
  documentName: string;
  thread: CollabThread;
  editor?: Editor;
  canReply: boolean;
}) {
  const { t, i18n } = useTranslation();
  const reply = useReply(documentName);
  const resolve = useResolve(documentName);
  const [answer, setAnswer] = useState('');
  const language = i18n.language as UiLanguage;
  const passage = editor ? resolveAnchor(editor, thread.anchor) : null;
  const show = () => passage && editor?.chain().focus().setTextSelection(passage).scrollIntoView().run();

  return (
    <List.Item style={{ display: 'block' }}>
      <Card size="small" style={{ opacity: thread.resolvedAt ? 0.7 : 1 }}>
        <Typography.Paragraph
          type="secondary"
          style={{ cursor: passage ? 'pointer' : undefined, marginBottom: 4 }}
          onClick={show}
          ellipsis={{ rows: 2 }}
        >
          “{thread.quote}” {editor && !passage && <Tag>{t('collab.comments.passageGone')}</Tag>}
        </Typography.Paragraph>
        <Comment who={thread.author.displayName} when={formatDateTime(thread.createdAt, language)} body={thread.body} />
        {thread.replies.map((r) => (
          <div key={r.id} style={{ paddingInlineStart: 12 }}>
            <Comment who={r.author.displayName} when={formatDateTime(r.createdAt, language)} body={r.body} />
          </div>
        ))}
        {thread.resolvedAt && (
          <Typography.Text type="success">
            {t('collab.comments.resolvedBy', { name: thread.resolvedBy?.displayName ?? '' })}
          </Typography.Text>
        )}
        <ErrorAlert error={reply.error ?? resolve.error} />
        <Space wrap style={{ marginTop: 8 }}>
          {canReply && !thread.resolvedAt && (
            <Space.Compact>
              <Input
                size="small"
                value={answer}
                maxLength={4000}
                placeholder={t('collab.comments.replyPlaceholder')}
                aria-label={t('collab.comments.reply')}
                onChange={(e) => setAnswer(e.target.value)}
              />
              <Button
                size="small"
                disabled={!answer.trim()}
                loading={reply.isPending}
                onClick={() => reply.mutate({ threadId: thread.id, body: answer.trim() }, { onSuccess: () => setAnswer('') })}
              >
                {t('collab.comments.reply')}
              </Button>
            </Space.Compact>
          )}
          {thread.canResolve && (
            <Button
              size="small"
              loading={resolve.isPending}
              onClick={() => resolve.mutate({ threadId: thread.id, resolved: !thread.resolvedAt })}
            >
              {thread.resolvedAt ? t('collab.comments.reopen') : t('collab.comments.resolve')}
            </Button>
          )}
        </Space>
      </Card>
    </List.Item>
  );
}

function Comment({ who, when, body }: { who: string; when: string; body: string }) {
  return (
    <div style={{ marginBottom: 6 }}>
      <Typography.Text strong>{who}</Typography.Text> <Typography.Text type="secondary">{when}</Typography.Text>
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{body}</Typography.Paragraph>
    </div>
  );
}
