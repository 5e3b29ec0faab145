import { DownloadOutlined, EyeOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Image, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceFile } from '../../api/library.ts';

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;

/**
 * The resource's files: download any; preview PDFs in a frame and images inline, from the server's inline
 * URL (served with its own sandboxing CSP, so a previewed file never runs as a page of this origin).
 */
export function ResourceFiles({ files }: { files: ResourceFile[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (!files.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('library.resource.noFiles')} />;
  return (
    <List
      dataSource={files}
      data-testid="resource-files"
      renderItem={(f) => (
        <List.Item
          key={f.id}
          actions={[
            f.previewUrl && !f.mediaType.startsWith('image/') ? (
              <Button key="preview" size="small" icon={<EyeOutlined />} onClick={() => setOpen(open === f.id ? null : f.id)}>
                {open === f.id ? t('library.resource.hidePreview') : t('library.resource.preview')}
              </Button>
            ) : null,
            <Button key="download" size="small" type="primary" ghost icon={<DownloadOutlined />} href={f.downloadUrl} download={f.filename}>
              {t('library.resource.download')}
            </Button>,
          ].filter(Boolean)}
        >
          <Flex vertical gap="small" style={{ flex: 1, minWidth: 0 }}>
            <Space>
              <FileOutlined />
              <Typography.Text strong>{f.filename}</Typography.Text>
              <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
            </Space>
            {f.previewUrl && f.mediaType.startsWith('image/') && <Image src={f.previewUrl} alt={f.filename} style={{ maxHeight: 240 }} />}
            {open === f.id && f.previewUrl && (
              <iframe title={f.filename} src={f.previewUrl} style={{ width: '100%', height: 560, border: '1px solid #f0f0f0' }} />
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
