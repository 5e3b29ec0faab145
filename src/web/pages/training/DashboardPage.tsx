import { Card, Col, Empty, InputNumber, List, Progress, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTrainingDashboard } from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** Bureau and principal dashboard: who is trained, by tier, school and competency; hours; who has not started. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [year, setYear] = useState<number | undefined>();
  const [cohortId, setCohortId] = useState<string | undefined>();
  const dash = useTrainingDashboard(year, cohortId);
  if (dash.isPending) return <FullPageSpin />;
  if (dash.error) return <ErrorAlert error={dash.error} />;
  const d = dash.data;
  return (
    <>
      <PageHeader
        title={t('training.dashboard.title')}
        extra={
          <Space wrap>
            {d.organised.some((p) => p.cohorts.length > 1) && (
              <Select
                allowClear
                style={{ minWidth: 240 }}
                data-testid="dashboard-cohort"
                placeholder={t('training.cohorts.allCohorts')}
                value={cohortId}
                onChange={(v) => setCohortId(v ?? undefined)}
                options={d.organised
                  .filter((p) => p.cohorts.length > 1)
                  .map((p) => ({ label: p.title, options: p.cohorts.map((c) => ({ value: c.id, label: c.name })) }))}
              />
            )}
            <InputNumber
              value={d.year}
              min={2020}
              max={2100}
              onChange={(v) => setYear(v ?? undefined)}
              addonBefore={t('training.dashboard.year')}
            />
          </Space>
        }
      >
        {t('training.dashboard.intro')}
      </PageHeader>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('training.dashboard.teachers')} value={d.totals.teachers} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('training.dashboard.trainedShare')} value={d.totals.trainedShare} suffix="%" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('training.dashboard.startedShare')} value={d.totals.startedShare} suffix="%" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('training.dashboard.hours')} value={d.totals.hours} />
          </Card>
        </Col>
      </Row>
      {d.organised.length > 0 && (
        <Card size="small" title={t('training.dashboard.organised')} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.organised}
            columns={[
              {
                title: t('training.fields.title'),
                dataIndex: 'title',
                render: (v: string, p) => <Link to={`/training/organise/${p.id}`}>{v}</Link>,
              },
              {
                title: t('training.dashboard.enrolled'),
                dataIndex: 'enrolled',
                render: (v: number, p) => (
                  <span data-testid="organised-enrolled">
                    {v}
                    {p.pending ? ` (+${p.pending})` : ''}
                  </span>
                ),
              },
              { title: t('training.dashboard.jurisdictions'), dataIndex: 'jurisdictions' },
              {
                title: t('training.dashboard.activeShare'),
                dataIndex: 'activeShare',
                render: (v: number) => <span data-testid="organised-active">{v}%</span>,
              },
              { title: t('training.dashboard.completionRate'), dataIndex: 'completionRate', render: (v: number) => `${v}%` },
            ]}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.dashboard.bySchool')}>
            <Table
              rowKey="schoolId"
              size="small"
              pagination={false}
              dataSource={d.bySchool}
              columns={[
                { title: t('training.fields.school'), dataIndex: 'names', render: (v) => pickName(v, language) },
                { title: t('training.dashboard.teachers'), dataIndex: 'teachers' },
                {
                  title: t('training.dashboard.trainedShare'),
                  dataIndex: 'trainedShare',
                  render: (v: number) => <Progress percent={v} size="small" />,
                },
                { title: t('training.dashboard.hours'), dataIndex: 'hours' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.dashboard.byTier')}>
            <Table
              rowKey="tier"
              size="small"
              pagination={false}
              dataSource={d.byTier}
              columns={[
                { title: t('training.fields.tier'), dataIndex: 'tier', render: (v: string) => t(`training.tiers.${v}`) },
                { title: t('training.dashboard.enrolments'), dataIndex: 'enrolments' },
                { title: t('training.dashboard.completed'), dataIndex: 'completed' },
                { title: t('training.dashboard.completionRate'), dataIndex: 'completionRate', render: (v: number) => `${v}%` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.dashboard.byCompetency')}>
            {d.byCompetency.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={d.byCompetency}
                renderItem={(c) => (
                  <List.Item>
                    {pickName(c.names, language)} <Tag>{t('training.dashboard.teachersCount', { count: c.teachersTrained })}</Tag> {c.share}
                    %
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.dashboard.notStarted', { count: d.notStartedCount })}>
            <List
              size="small"
              dataSource={d.notStarted}
              locale={{ emptyText: t('training.dashboard.everyoneStarted') }}
              renderItem={(x) => (
                <List.Item>
                  {x.displayName} <span style={{ color: '#888' }}>{pickName(x.school, language)}</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
