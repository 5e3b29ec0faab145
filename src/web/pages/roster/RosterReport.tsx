import { Card, Col, Flex, Row, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../shared/errors.ts';
import type { RosterImportReport, RosterRow } from '../../api/types.ts';

const ACTION_COLOURS: Record<RosterRow['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  skip: 'orange',
};

function ProblemList({ problems, kind }: { problems: FieldProblem[]; kind: 'error' | 'warning' }) {
  const { t } = useTranslation();
  return (
    <>
      {problems.map((p, i) => (
        <div key={i}>
          <Typography.Text type={kind === 'error' ? 'danger' : 'warning'}>
            {t(`problems.${p.code}`, { defaultValue: p.message })}
          </Typography.Text>
        </div>
      ))}
    </>
  );
}

/** The dry-run (or commit) report: counters first, then the rows, problems first and in plain words. */
export function RosterReport({ report }: { report: RosterImportReport }) {
  const { t } = useTranslation();
  const { summary } = report;
  const hasProblems = summary.errors + summary.warnings > 0;
  const [problemsOnly, setProblemsOnly] = useState(hasProblems);
  const rows = problemsOnly ? report.rows.filter((r) => r.errors.length + r.warnings.length > 0) : report.rows;

  const stats: { key: keyof typeof summary; colour?: string }[] = [
    { key: 'rows' },
    { key: 'create', colour: '#389e0d' },
    { key: 'update', colour: '#0958d9' },
    { key: 'unchanged' },
    { key: 'errors', colour: summary.errors > 0 ? '#cf1322' : undefined },
    { key: 'warnings', colour: summary.warnings > 0 ? '#d46b08' : undefined },
  ];

  return (
    <Flex vertical gap="middle">
      <Row gutter={[12, 12]}>
        {stats.map(({ key, colour }) => (
          <Col key={key} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic
                title={t(`roster.summary.${key}`)}
                value={summary[key]}
                styles={{ content: colour ? { color: colour } : undefined }}
                data-testid={`roster-summary-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">
          {t('roster.format', { format: t(`roster.formats.${report.format.replaceAll('.', '_')}`, { defaultValue: report.format }) })}
        </Typography.Text>
        <label>
          <Switch size="small" checked={problemsOnly} onChange={setProblemsOnly} /> {t('roster.problemsOnly')}
        </label>
      </Flex>
      <Table<RosterRow>
        size="small"
        rowKey={(r) => `${r.file}:${r.line}:${r.entity}:${r.sourceId}`}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: problemsOnly ? t('roster.noProblems') : undefined }}
        columns={[
          { title: t('roster.columns.line'), key: 'line', width: 150, render: (_, r) => `${r.file}:${r.line}` },
          { title: t('roster.columns.entity'), dataIndex: 'entity', width: 100, render: (e: string) => t(`roster.entities.${e}`) },
          { title: t('roster.columns.sourceId'), dataIndex: 'sourceId', width: 140 },
          {
            title: t('roster.columns.action'),
            dataIndex: 'action',
            width: 110,
            render: (a: RosterRow['action']) => <Tag color={ACTION_COLOURS[a]}>{t(`roster.actions.${a}`)}</Tag>,
          },
          {
            title: t('roster.columns.problems'),
            key: 'problems',
            render: (_, r) => (
              <>
                <ProblemList problems={r.errors} kind="error" />
                <ProblemList problems={r.warnings} kind="warning" />
              </>
            ),
          },
        ]}
      />
    </Flex>
  );
}
