import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContests, type Contest } from '../../api/contests.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { CreateContestModal } from './CreateContestModal.tsx';
import { useCanOrganise } from './OrganiserSelect.tsx';

/** Every competition of the user's jurisdictions (and those they judge), newest first. */
export default function ContestListPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data, isLoading, error } = useContests();
  const canOrganise = useCanOrganise();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('contests.list.title')}
        extra={
          canOrganise && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-contest">
              {t('contests.create.action')}
            </Button>
          )
        }
      >
        {t('contests.list.intro')}
      </PageHeader>
      <CreateContestModal open={creating} onClose={() => setCreating(false)} contests={data?.items ?? []} />
      <ErrorAlert error={error} />
      <Table<Contest>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('contests.list.empty')} /> }}
        columns={[
          {
            title: t('contests.fields.name'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <Link to={`/contests/${c.id}`}>{c.name}</Link>
                <span style={{ color: '#888' }}>{pickName(c.organiserName, language)}</span>
              </Space>
            ),
          },
          {
            title: t('contests.fields.level'),
            render: (_, c) => (
              <Space>
                <Tag color="blue">{t(`contests.levels.${c.level}`)}</Tag>
                {c.whitelisted && <Tag color="gold">{t('contests.fields.whitelisted')}</Tag>}
              </Space>
            ),
          },
          { title: t('contests.fields.status'), render: (_, c) => <Tag>{t(`contests.statuses.${c.status}`)}</Tag> },
          { title: t('contests.timeline.submissionClosesAt'), render: (_, c) => formatDateTime(c.timeline.submissionClosesAt, language) },
          {
            title: t('contests.fields.myRoles'),
            render: (_, c) => (
              <Space>
                {c.isJudge && <Tag color="purple">{t('contests.roles.judge')}</Tag>}
                {c.canManage && <Tag color="green">{t('contests.roles.organiser')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
