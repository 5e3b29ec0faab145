import { Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FEDERATED_KINDS, useItems, type FederatedKind } from './api.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** What partner nodes (other jurisdictions, the level above or below) have shared with this node. */
export default function ItemsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FederatedKind | 'all'>('all');
  const items = useItems(kind === 'all' ? undefined : kind);
  return (
    <>
      <PageHeader title={t('federation.items.title')}>{t('federation.items.intro')}</PageHeader>
      <Segmented
        aria-label={t('federation.items.kindFilter')}
        data-testid="federated-kind-filter"
        value={kind}
        onChange={(v) => setKind(v as FederatedKind | 'all')}
        options={(['all', ...FEDERATED_KINDS] as const).map((k) => ({ value: k, label: t(`federation.items.kinds.${k}`) }))}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={items.error} />
      {items.data?.items.length === 0 && <Empty description={t('federation.items.empty')} />}
      <List
        dataSource={items.data?.items ?? []}
        loading={items.isLoading}
        renderItem={(i) => (
          <List.Item data-testid="federated-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/federation/items/${i.id}`}>{i.title}</Link>
                  <Tag color="blue">{t(`federation.items.kinds.${i.kind}`)}</Tag>
                  <ProvenanceBadge origin={i.origin} />
                  <Tag>{t(`library.publishLevels.${i.level}`, { defaultValue: i.level })}</Tag>
                </Space>
              }
              description={<Typography.Paragraph ellipsis={{ rows: 2 }}>{i.summary}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
