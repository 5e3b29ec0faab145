import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useHeld } from './api.ts';

/** Outgoing items the personal-data check held back (where and what was found, never the values). */
export function HeldCard() {
  const { t } = useTranslation();
  const held = useHeld(true);
  return (
    <Card size="small" title={t('federation.held.title')} style={{ marginTop: 16 }}>
      <Alert type="info" showIcon message={t('federation.held.intro')} style={{ marginBottom: 8 }} />
      <ErrorAlert error={held.error} />
      <List
        size="small"
        loading={held.isLoading}
        dataSource={held.data?.items ?? []}
        locale={{ emptyText: t('federation.held.empty') }}
        renderItem={(h) => (
          <List.Item data-testid="held-item">
            <Space wrap>
              <Typography.Text code>{h.itemId}</Typography.Text>
              {h.findings.map((f) => (
                <Tag key={`${f.path}-${f.type}`} color="red">
                  {f.type} × {f.count} · {f.path}
                </Tag>
              ))}
              <Typography.Text type="secondary">{new Date(h.createdAt).toLocaleString()}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
