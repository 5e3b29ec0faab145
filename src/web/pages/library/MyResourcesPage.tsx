import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RESOURCE_STATUSES, type ResourceStatus } from '../../../shared/library.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { useMyFavourites, useResourceList, type ResourceSummary } from '../../api/library.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { LanguageTag } from './LanguageTag.tsx';
import { STATUS_COLOURS } from './labels.ts';

/** What I wrote, any status, newest first; drafts are where "submit for review" starts. */
export default function MyResourcesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ResourceStatus | 'all' | 'favourites'>('all');
  const favourites = status === 'favourites';
  const mine = useResourceList({ scope: 'mine', status: status === 'all' || favourites ? undefined : status, limit: 50 });
  const favs = useMyFavourites(favourites);
  const list = favourites ? favs : mine;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('library.mine.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/library/new')}>
            {t('library.sections.new')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as ResourceStatus | 'all')}
        options={[
          { value: 'all', label: t('library.home.regions.all') },
          ...RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`library.statuses.${s}`) })),
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table<ResourceSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('library.mine.empty') }}
        columns={[
          {
            title: t('library.mine.colTitle'),
            render: (_, r) => (
              <>
                <Link to={`/library/resources/${r.id}`}>{r.title}</Link> <LanguageTag language={r.language} />
              </>
            ),
          },
          {
            title: t('library.mine.colStatus'),
            render: (_, r) => <Tag color={STATUS_COLOURS[r.status]}>{t(`library.statuses.${r.status}`)}</Tag>,
          },
          { title: t('library.mine.colLevel'), render: (_, r) => t(`library.publishLevels.${r.publishLevel}`) },
          { title: t('library.mine.colUpdated'), render: (_, r) => formatDateTime(r.updatedAt, i18n.language as UiLanguage) },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
