import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useItems } from './api.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** What partner nodes (other jurisdictions, the level above or below) have shared with this node. */
export default function ItemsPage() {
  const { t } = useTranslation();
  const items = useItems();
  return (
    <>
      <PageHeader title={t('federation.items.title')}>{t('federation.items.intro')}</PageHeader>
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
