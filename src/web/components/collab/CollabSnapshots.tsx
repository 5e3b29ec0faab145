import { Button, Empty, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/languages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useCollabAccess, useCreateSnapshot, useRestoreSnapshot, useSnapshots } from './collab.api.ts';

/**
 * Named versions of a live document. Restoring replaces the text for everyone editing it; the text just
 * before is kept as a version of its own, so a restore can be undone the same way.
 */
export function CollabSnapshots({ documentName }: { documentName: string }) {
  const { t, i18n } = useTranslation();
  const access = useCollabAccess(documentName);
  const snapshots = useSnapshots(documentName);
  const create = useCreateSnapshot(documentName);
  const restore = useRestoreSnapshot(documentName);
  const [label, setLabel] = useState('');
  const canWrite = access.data?.access === 'write';

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={label}
            maxLength={120}
            placeholder={t('collab.snapshots.labelPlaceholder')}
            aria-label={t('collab.snapshots.label')}
            onChange={(e) => setLabel(e.target.value)}
            onPressEnter={() => label.trim() && create.mutate(label.trim(), { onSuccess: () => setLabel('') })}
          />
          <Button
            type="primary"
            loading={create.isPending}
            disabled={!label.trim()}
            onClick={() => create.mutate(label.trim(), { onSuccess: () => setLabel('') })}
          >
            {t('collab.snapshots.save')}
          </Button>
        </Space.Compact>
      )}
      <ErrorAlert error={snapshots.error ?? create.error ?? restore.error} />
      <List
        loading={snapshots.isLoading}
        dataSource={snapshots.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('collab.snapshots.empty')} /> }}
        renderItem={(s) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <Popconfirm
                      key="restore"
                      title={t('collab.snapshots.restoreConfirm')}
                      okText={t('collab.snapshots.restore')}
                      onConfirm={() => restore.mutate(s.id)}
                    >
                      <Button size="small" loading={restore.isPending && restore.variables === s.id}>
                        {t('collab.snapshots.restore')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{s.kind === 'before_restore' ? t('collab.snapshots.beforeRestore', { label: s.label }) : s.label}</span>
                  {s.kind === 'before_restore' && <Tag>{t('collab.snapshots.automatic')}</Tag>}
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {formatDateTime(s.createdAt, i18n.language as UiLanguage)} · {s.createdBy?.displayName ?? ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
