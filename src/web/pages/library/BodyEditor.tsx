import { Button, Input, Space, Tabs, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SafeHtml } from './SafeHtml.tsx';

/** Tags the toolbar wraps around the selection; the server keeps only safe tags anyway. */
const WRAPS = {
  bold: ['<strong>', '</strong>'],
  italic: ['<em>', '</em>'],
  heading: ['<h3>', '</h3>'],
  list: ['<ul>\n<li>', '</li>\n</ul>'],
} as const;

/**
 * A deliberately small rich-text editor: HTML in a text area, a toolbar that wraps the selection, and a
 * preview (sanitised in the browser too). Enough for lesson plans; a full editor can replace it later.
 */
export function BodyEditor({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const ref = useRef<TextAreaRef>(null);
  const [tab, setTab] = useState('write');
  const text = value ?? '';

  const wrap = (kind: keyof typeof WRAPS) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const [open, close] = WRAPS[kind];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    onChange?.(text.slice(0, start) + open + text.slice(start, end) + close + text.slice(end));
  };

  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      size="small"
      items={[
        {
          key: 'write',
          label: t('library.form.write'),
          children: (
            <>
              <Space size={4} style={{ marginBottom: 6 }}>
                {(Object.keys(WRAPS) as (keyof typeof WRAPS)[]).map((k) => (
                  <Tooltip key={k} title={t(`library.form.${k}`)}>
                    <Button size="small" onClick={() => wrap(k)}>
                      {t(`library.form.${k}`)}
                    </Button>
                  </Tooltip>
                ))}
              </Space>
              <Input.TextArea
                ref={ref}
                value={text}
                onChange={(e) => onChange?.(e.target.value)}
                autoSize={{ minRows: 8, maxRows: 24 }}
                data-testid="body-editor"
              />
            </>
          ),
        },
        { key: 'preview', label: t('library.form.preview'), children: <SafeHtml html={text} /> },
      ]}
    />
  );
}
