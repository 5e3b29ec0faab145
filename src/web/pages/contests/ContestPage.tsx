import { Button, Descriptions, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useContest, useEntries, useResults, type Entry } from '../../api/contests.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { EditContestModal } from './EditContestModal.tsx';
import { JudgeConsole } from './JudgeConsole.tsx';
import { OrganiserConsole } from './OrganiserConsole.tsx';
import { RegisterModal } from './RegisterModal.tsx';

const TIMELINE = [
  'registrationOpensAt',
  'registrationClosesAt',
  'submissionClosesAt',
  'judgingClosesAt',
  'resultsAt',
  'appealsClosesAt',
] as const;
const REGISTRARS = ['teacher', 'principal', 'school_admin', 'student'];

/** One competition: what it is, the user's entries (register here), and the judge / organiser consoles. */
export default function ContestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const contest = useContest(id);
  const c = contest.data;
  const entries = useEntries(id);
  const results = useResults(id, !!c && c.status !== 'open');
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState(false);
  // The page's clock, read once: deadlines are enforced by the server; this only hides buttons.
  const [now] = useState(() => Date.now());
  if (contest.isLoading) return <FullPageSpin />;
  if (!c) return <ErrorAlert error={contest.error} />;
  const registrationOpen =
    c.status === 'open' && now >= Date.parse(c.timeline.registrationOpensAt) && now <= Date.parse(c.timeline.registrationClosesAt);
  const canRegister = registrationOpen && !!me?.memberships.some((m) => REGISTRARS.includes(m.role) && m.school);

  const overview = (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('contests.fields.organiser')}>{pickName(c.organiserName, language)}</Descriptions.Item>
      <Descriptions.Item label={t('contests.fields.level')}>
        <Tag color="blue">{t(`contests.levels.${c.level}`)}</Tag>
        {c.whitelisted && <Tag color="gold">{t('contests.fields.whitelisted')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('contests.fields.tracks')}>{c.tracks.join(' · ')}</Descriptions.Item>
      <Descriptions.Item label={t('contests.fields.gradeBands')}>
        {c.gradeBands.map((b) => `${b.min}–${b.max}`).join(', ')}
      </Descriptions.Item>
      <Descriptions.Item label={t('contests.fields.rules')}>
        <Space wrap>
          <Tag>{t(c.rules.crossSchoolTeams ? 'contests.rules.crossSchoolYes' : 'contests.rules.crossSchoolNo')}</Tag>
          {c.rules.blind && <Tag color="purple">{t('contests.rules.blind')}</Tag>}
          {c.rules.excludeSameJurisdiction && <Tag>{t('contests.rules.excludeSameUnit')}</Tag>}
          <Tag>{t('contests.rules.judgesPerEntry', { count: c.rules.judgesPerEntry })}</Tag>
          <Tag>{t('contests.rules.quota', { count: c.quotaPerUnit })}</Tag>
        </Space>
      </Descriptions.Item>
      {TIMELINE.map((k) => (
        <Descriptions.Item key={k} label={t(`contests.timeline.${k}`)}>
          {formatDateTime(c.timeline[k], language)}
        </Descriptions.Item>
      ))}
      {c.description && <Descriptions.Item label={t('contests.fields.description')}>{c.description}</Descriptions.Item>}
    </Descriptions>
  );

  const entryList = (
    <>
      <ErrorAlert error={entries.error} />
      <Table<Entry>
        rowKey="id"
        loading={entries.isLoading}
        dataSource={entries.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('contests.entries.empty')} /> }}
        columns={[
          { title: t('contests.fields.entryCode'), dataIndex: 'code' },
          { title: t('contests.fields.title'), render: (_, e) => <Link to={`/contests/${c.id}/entries/${e.id}`}>{e.title}</Link> },
          {
            title: t('contests.fields.members'),
            render: (_, e) =>
              e.members
                .filter((m) => m.role === 'student')
                .map((m) => m.displayName)
                .join('、'),
          },
          { title: t('contests.fields.school'), render: (_, e) => pickName(e.schoolName, language) },
          { title: t('contests.fields.status'), render: (_, e) => <Tag>{t(`contests.entryStatuses.${e.status}`)}</Tag> },
          {
            title: t('contests.fields.award'),
            render: (_, e) => (e.award ? <Tag color="gold">{t(`contests.awards.${e.award}`)}</Tag> : null),
          },
        ]}
      />
    </>
  );

  const tabs = [
    { key: 'overview', label: t('contests.tabs.overview'), children: overview },
    { key: 'entries', label: t('contests.tabs.entries'), children: entryList },
    ...(c.status !== 'open'
      ? [
          {
            key: 'results',
            label: t('contests.tabs.results'),
            children: (
              <Table
                rowKey="code"
                dataSource={results.data?.items ?? []}
                pagination={false}
                columns={[
                  { title: t('contests.fields.rank'), dataIndex: 'rank' },
                  { title: t('contests.fields.entryCode'), dataIndex: 'code' },
                  { title: t('contests.fields.title'), dataIndex: 'title' },
                  { title: t('contests.fields.award'), render: (_, r) => <Tag color="gold">{t(`contests.awards.${r.award}`)}</Tag> },
                ]}
              />
            ),
          },
        ]
      : []),
    ...(c.isJudge ? [{ key: 'judge', label: t('contests.tabs.judge'), children: <JudgeConsole contestId={c.id} /> }] : []),
    ...(c.canManage ? [{ key: 'organise', label: t('contests.tabs.organise'), children: <OrganiserConsole contest={c} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={c.name}
        extra={
          <Space>
            {c.canManage && c.status === 'open' && (
              <Button onClick={() => setEditing(true)} data-testid="edit-contest">
                {t('contests.edit.action')}
              </Button>
            )}
            {canRegister && (
              <Button type="primary" onClick={() => setRegistering(true)}>
                {t('contests.register.action')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Text type="secondary">{t(`contests.statuses.${c.status}`)}</Typography.Text>
      </PageHeader>
      <Tabs items={tabs} defaultActiveKey={c.isJudge ? 'judge' : c.canManage ? 'organise' : 'overview'} />
      {registering && <RegisterModal contest={c} onClose={() => setRegistering(false)} />}
      {editing && <EditContestModal contest={c} onClose={() => setEditing(false)} />}
    </>
  );
}
