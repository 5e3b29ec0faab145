import { App as AntApp, Button, Flex, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRestoreVersion, useVersionDiff, useVersions, type ResourceDetail } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { DiffText } from './DiffText.tsx';
import { useVersionConflict } from './useVersionConflict.tsx';

/** History, a diff between any two versions, and restore (the author only; a restore is a new version). */
export function ResourceVersions({ resource }: { resource: ResourceDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const onConflict = useVersionConflict();
  const versions = useVersions(resource.id);
  const restore = useRestoreVersion(resource.id);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const diff = useVersionDiff(resource.id, from, to);
  const options = items.map((v) => ({ value: v.number, label: t('library.versions.version', { number: v.number }) }));
  const d = diff.data;
  // `restore:3` says which version came back; other kinds are plain keys.
  const changeText = (change: string) => {
    const [kind, number] = change.split(':');
    return t(`library.versions.changes.${kind}`, { number, defaultValue: change });
  };
  const changed = (parts: { added: boolean; removed: boolean }[] | undefined) => !!parts?.some((p) => p.added || p.removed);

  return (
    <Flex vertical gap="middle" data-testid="resource-versions">
      <ErrorAlert error={versions.error} />
      <List
        size="small"
        dataSource={items}
        renderItem={(v) => (
          <List.Item
            actions={
              resource.permissions.edit && v.number !== resource.version
                ? [
                    <Popconfirm
                      key="restore"
                      title={t('library.versions.restoreConfirm', { number: v.number })}
                      onConfirm={() =>
                        restore.mutate(
                          { version: resource.version, number: v.number },
                          {
                            onSuccess: () => void message.success(t('library.versions.restored')),
                            onError: (e) => (onConflict(e) ? undefined : void message.error(errorText(e))),
                          },
                        )
                      }
                    >
                      <Button size="small">{t('library.versions.restore')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Typography.Text strong>{t('library.versions.version', { number: v.number })}</Typography.Text>
              {v.number === resource.version && <Tag color="blue">{t('library.versions.current')}</Tag>}
              <Tag>{changeText(v.change)}</Tag>
              <Typography.Text type="secondary">{formatDateTime(v.createdAt, i18n.language as UiLanguage)}</Typography.Text>
              <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                {v.title}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {items.length > 1 && (
        <Space wrap>
          <Typography.Text>{t('library.versions.compare')}</Typography.Text>
          <Select style={{ width: 140 }} options={options} value={from} onChange={setFrom} data-testid="diff-from" />
          <Typography.Text>{t('library.versions.with')}</Typography.Text>
          <Select style={{ width: 140 }} options={options} value={to} onChange={setTo} data-testid="diff-to" />
        </Space>
      )}
      <ErrorAlert error={diff.error} />
      {d && (
        <div data-testid="version-diff">
          {(['title', 'summary', 'body', 'keywords'] as const)
            .filter((f) => changed(d[f]))
            .map((f) => (
              <div key={f}>
                <Typography.Text type="secondary">{t(`library.versions.field.${f}`)}</Typography.Text>
                <DiffText parts={d[f]} />
              </div>
            ))}
          {(d.files.added.length > 0 || d.files.removed.length > 0) && (
            <div>
              <Typography.Text type="secondary">{t('library.versions.field.files')}</Typography.Text>
              {d.files.added.length > 0 && (
                <div>{t('library.versions.filesAdded', { names: d.files.added.map((f) => f.filename ?? f.fileId).join('、') })}</div>
              )}
              {d.files.removed.length > 0 && (
                <div>{t('library.versions.filesRemoved', { names: d.files.removed.map((f) => f.filename ?? f.fileId).join('、') })}</div>
              )}
            </div>
          )}
          {d.metadata.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('library.versions.field.metadata')}</Typography.Text>
              {d.metadata.map((m) => (
                <div key={m.field}>
                  {m.field}: <del>{JSON.stringify(m.from)}</del> → <ins>{JSON.stringify(m.to)}</ins>
                </div>
              ))}
            </div>
          )}
          {!['title', 'summary', 'body', 'keywords'].some((f) => changed(d[f as 'title'])) &&
            !d.files.added.length &&
            !d.files.removed.length &&
            !d.metadata.length && <Typography.Text type="secondary">{t('library.versions.noChanges')}</Typography.Text>}
        </div>
      )}
    </Flex>
  );
}
