import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useItem } from './api.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** One item received from a partner node, with where it came from and when. */
export default function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useItem(id);
  if (item.isLoading) return <FullPageSpin />;
  if (!item.data) return <ErrorAlert error={item.error} />;
  const i = item.data;
  return (
    <>
      <PageHeader title={i.title}>
        <Space wrap>
          <Tag color="blue">{t(`federation.items.kinds.${i.kind}`)}</Tag>
          <ProvenanceBadge origin={i.origin} />
          <Tag>{t(`library.publishLevels.${i.level}`, { defaultValue: i.level })}</Tag>
        </Space>
      </PageHeader>
      <Typography.Paragraph>{i.summary}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.text}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('federation.item.origin')}>
          {i.origin.name} ({i.origin.url})
        </Descriptions.Item>
        <Descriptions.Item label={t('federation.item.jurisdiction')}>{i.jurisdiction}</Descriptions.Item>
        {i.kind === 'indicator' && (
          <>
            <Descriptions.Item label={t('federation.items.term')}>{String(i.details.term ?? '')}</Descriptions.Item>
            <Descriptions.Item label={t('federation.items.value')}>
              {i.details.suppressed ? t('federation.items.suppressed') : String(i.details.value ?? '—')}
            </Descriptions.Item>
          </>
        )}
        {i.kind === 'dataset' && (
          <Descriptions.Item label={t('federation.items.agreement')}>
            {String((i.details.agreement as { title?: string } | undefined)?.title ?? '—')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('federation.item.licence')}>{i.licence ?? '—'}</Descriptions.Item>
        {i.attribution && <Descriptions.Item label={t('federation.item.attribution')}>{i.attribution}</Descriptions.Item>}
        <Descriptions.Item label={t('federation.item.updated')}>{new Date(i.origin.updatedAt).toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('federation.item.received')}>{new Date(i.receivedAt).toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('federation.item.files')}>
          {i.files.length ? i.files.map((f) => <div key={f.sha256}>{f.filename}</div>) : '—'}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
