import { HocuspocusProvider } from '@hocuspocus/provider';
import { Alert, Badge, Button, Card, Col, Row, Space, Tabs, Tooltip } from 'antd';
import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { useMe } from '../../api/me.ts';
import { CollabComments } from './CollabComments.tsx';
import { CollabSnapshots } from './CollabSnapshots.tsx';
import { collabSocketUrl, colourFor } from './presence.ts';
import './collab.css';

type Status = 'connecting' | 'connected' | 'disconnected' | 'denied';

interface Live {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

/**
 * A live co-edited document (`lesson:<id>`): everyone on it sees each other's changes and carets at once.
 * Read-only when asked, or when the server says the user may only read (a reviewer). Versions and
 * comments sit beside the text.
 */
export function CollabEditor({ documentName, readOnly = false }: { documentName: string; readOnly?: boolean }) {
  const [live, setLive] = useState<Live | null>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [serverReadOnly, setServerReadOnly] = useState(false);

  // The provider lives in an effect (not a memo) so React's double mount in development does not leak sockets.
  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: collabSocketUrl(),
      name: documentName,
      document: doc,
      onStatus: ({ status: next }) => setStatus((current) => (current === 'denied' ? current : next)),
      onAuthenticated: ({ scope }) => setServerReadOnly(scope === 'readonly'),
      onAuthenticationFailed: () => setStatus('denied'),
    });
    // The provider is the external system this effect owns; render needs its handle.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLive({ doc, provider });
    setStatus('connecting');
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [documentName]);

  if (!live) return null;
  return <BoundEditor key={documentName} documentName={documentName} live={live} status={status} readOnly={readOnly || serverReadOnly} />;
}

function BoundEditor({ documentName, live, status, readOnly }: { documentName: string; live: Live; status: Status; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        // Undo/redo come from the collaboration extension: each person undoes only their own changes.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: live.doc }),
        CollaborationCaret.configure({
          provider: live.provider,
          user: { name: me?.displayName ?? me?.username ?? '…', color: colourFor(me?.id ?? '') },
        }),
      ],
    },
    [live, me?.id],
  );

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  if (status === 'denied') return <Alert type="error" showIcon title={t('collab.denied')} />;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          size="small"
          title={<ConnectionStatus status={status} readOnly={readOnly} />}
          extra={editor && !readOnly ? <Toolbar editor={editor} /> : null}
        >
          <EditorContent editor={editor} className="collab-editor" aria-label={t('collab.editorLabel')} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Tabs
          items={[
            {
              key: 'comments',
              label: t('collab.comments.title'),
              children: <CollabComments documentName={documentName} editor={editor ?? undefined} />,
            },
            { key: 'versions', label: t('collab.snapshots.title'), children: <CollabSnapshots documentName={documentName} /> },
          ]}
        />
      </Col>
    </Row>
  );
}

function ConnectionStatus({ status, readOnly }: { status: Status; readOnly: boolean }) {
  const { t } = useTranslation();
  const badge = status === 'connected' ? 'success' : status === 'connecting' ? 'processing' : 'error';
  return (
    <Space>
      <Badge status={badge} text={t(`collab.status.${status}`)} />
      {readOnly && <Badge status="default" text={t('collab.readOnly')} />}
    </Space>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const button = (key: string, label: string, on: boolean, run: () => void) => (
    <Tooltip title={t(`collab.toolbar.${key}`)} key={key}>
      <Button size="small" type={on ? 'primary' : 'default'} aria-label={t(`collab.toolbar.${key}`)} aria-pressed={on} onClick={run}>
        {label}
      </Button>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  return (
    <Space size={4} wrap>
      {button('heading2', 'H2', active.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {button('heading3', 'H3', active.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {button('bold', 'B', active.bold, () => chain().toggleBold().run())}
      {button('italic', 'I', active.italic, () => chain().toggleItalic().run())}
      {button('bulletList', '•', active.bullets, () => chain().toggleBulletList().run())}
      {button('orderedList', '1.', active.numbers, () => chain().toggleOrderedList().run())}
      {button('undo', '↶', false, () => chain().undo().run())}
      {button('redo', '↷', false, () => chain().redo().run())}
    </Space>
  );
}
