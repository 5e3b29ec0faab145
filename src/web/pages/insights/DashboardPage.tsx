import { Alert, App, Button, Card, Col, Empty, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentTerm, recentTerms } from '../../../shared/api/insights.ts';
import { insightsPaths, useDashboard, useRecompute, type Dashboard } from '../../api/insights.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, pickName } from '../../i18n/format.ts';
import { Chart } from './Chart.tsx';
import { formatValue } from './format.ts';

/**
 * The bureau dashboard of one area and term (`?scope=&term=` in the address, so it can be shared): overview
 * cards, trend and spread of one indicator, a ranking one level down (click a name to go down), and the gaps
 * with the page that closes each.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? undefined;
  const term = params.get('term') ?? undefined;
  const dashboard = useDashboard({ scope, term });
  const d = dashboard.data;
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  if (dashboard.isLoading) return <FullPageSpin />;
  if (!d) return <ErrorAlert error={dashboard.error} />;
  const terms = [...new Set([...recentTerms(currentTerm(), 6), d.term])].sort().reverse();
  const hasData = d.indicators.some((i) => i.current);
  return (
    <>
      <PageHeader
        title={`${t('insights.dashboard.title')} · ${pickName(d.scope.names, language)}`}
        extra={
          <Space wrap>
            <span>{t('insights.dashboard.term')}</span>
            <Select
              style={{ width: 150 }}
              value={d.term}
              onChange={(v) => set('term', v)}
              options={terms.map((x) => ({ value: x, label: x }))}
              data-testid="insights-term"
            />
            <Button href={insightsPaths.dashboardXlsx({ scope, term: d.term, lang: language })} download data-testid="insights-export-xlsx">
              {t('insights.dashboard.exportExcel')}
            </Button>
            <Button href={insightsPaths.dashboardPdf({ scope, term: d.term, lang: language })} download>
              {t('insights.dashboard.exportPdf')}
            </Button>
            {d.canRecompute && <RecomputeButton term={d.term} />}
          </Space>
        }
      />
      {d.computedAt && (
        <Typography.Paragraph type="secondary" data-testid="insights-computed-at">
          {t('insights.dashboard.computedAt', { at: formatDateTime(d.computedAt, language) })}
        </Typography.Paragraph>
      )}
      {!hasData && <Alert type="info" showIcon message={t('insights.dashboard.noData')} style={{ marginBottom: 16 }} />}
      <Overview d={d} />
      <Trends d={d} />
      {d.ranking.length > 0 && <Ranking d={d} onOpen={(id) => set('scope', id)} />}
      <Gaps d={d} />
    </>
  );
}

function RecomputeButton({ term }: { term: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recompute = useRecompute();
  return (
    <Button
      loading={recompute.isPending}
      onClick={() =>
        recompute.mutate(term, { onSuccess: (r) => void message.success(t('insights.dashboard.recomputed', { schools: r.schools })) })
      }
    >
      {t('insights.dashboard.recompute')}
    </Button>
  );
}

function Overview({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="insights-overview">
      {d.indicators.map((i) => {
        const value = i.current?.value ?? null;
        const met = value !== null && i.target !== null && value >= i.target;
        return (
          <Col key={i.code} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small">
              <Statistic
                title={pickName(i.names, language)}
                value={formatValue(value, i.unit)}
                suffix={value === null ? undefined : t(`insights.units.${i.unit}`)}
              />
              <Space size={4} wrap>
                <Typography.Text type="secondary">
                  {t('insights.dashboard.previous')} {formatValue(i.previous?.value, i.unit)}
                </Typography.Text>
                {i.target !== null && value !== null && (
                  <Tag color={met ? 'green' : 'orange'}>
                    {t(met ? 'insights.dashboard.onTarget' : 'insights.dashboard.belowTarget')} · {t('insights.dashboard.target')}{' '}
                    {i.target}
                  </Tag>
                )}
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

function Trends({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const [code, setCode] = useState(d.indicators[0]?.code);
  const indicator = d.indicators.find((i) => i.code === code) ?? d.indicators[0];
  const trend = useMemo(
    () =>
      indicator && {
        tooltip: { trigger: 'axis' as const },
        xAxis: { type: 'category' as const, data: indicator.trend.map((x) => x.term) },
        yAxis: { type: 'value' as const },
        series: [
          {
            type: 'line' as const,
            name: pickName(indicator.names, language),
            data: indicator.trend.map((x) => x.value),
            connectNulls: true,
          },
          ...(indicator.target !== null
            ? [
                {
                  type: 'line' as const,
                  name: t('insights.dashboard.target'),
                  data: indicator.trend.map(() => indicator.target),
                  lineStyle: { type: 'dashed' as const },
                },
              ]
            : []),
        ],
      },
    [indicator, language, t],
  );
  if (!indicator || !trend) return null;
  const spread = {
    tooltip: {},
    xAxis: {
      type: 'category' as const,
      data: indicator.distribution.map((b) => `${formatValue(b.from, indicator.unit)}–${formatValue(b.to, indicator.unit)}`),
    },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [{ type: 'bar' as const, data: indicator.distribution.map((b) => b.count) }],
  };
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <Select
          style={{ minWidth: 260 }}
          value={indicator.code}
          onChange={setCode}
          options={d.indicators.map((i) => ({ value: i.code, label: pickName(i.names, language) }))}
        />
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('insights.dashboard.trend')}</Typography.Title>
          <Chart option={trend} testId="insights-trend" />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('insights.dashboard.distribution')}</Typography.Title>
          <Typography.Text type="secondary">{t('insights.dashboard.distributionHint')}</Typography.Text>
          {indicator.distribution.length ? <Chart option={spread} /> : <Empty />}
        </Col>
      </Row>
    </Card>
  );
}

function Ranking({ d, onOpen }: { d: Dashboard; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  return (
    <Card title={t('insights.dashboard.ranking')} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        dataSource={d.ranking}
        columns={[
          {
            title: t('insights.dashboard.place'),
            key: 'place',
            fixed: 'left',
            render: (_, r) =>
              r.kind === 'unit' ? (
                <Typography.Link onClick={() => onOpen(r.id)}>{pickName(r.names, language)}</Typography.Link>
              ) : (
                pickName(r.names, language)
              ),
          },
          ...d.indicators.map((i) => ({
            title: `${pickName(i.names, language)}（${t(`insights.units.${i.unit}`)}）`,
            key: i.code,
            sorter: (a: Dashboard['ranking'][number], b: Dashboard['ranking'][number]) =>
              (a.values[i.code] ?? -1) - (b.values[i.code] ?? -1),
            render: (_: unknown, r: Dashboard['ranking'][number]) => formatValue(r.values[i.code], i.unit),
          })),
        ]}
      />
    </Card>
  );
}

function Gaps({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  return (
    <Card title={t('insights.dashboard.gaps')} data-testid="insights-gaps">
      <Row gutter={16}>
        {d.gaps.map((g) => (
          <Col key={g.kind} xs={24} lg={8}>
            <Typography.Title level={5}>
              {t(`insights.gaps.${g.kind}.title`)} <Tag>{g.total}</Tag>
            </Typography.Title>
            <List
              size="small"
              locale={{ emptyText: t('insights.gaps.none') }}
              dataSource={g.schools}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Link key="fix" to={s.link}>
                      {t(`insights.gaps.${g.kind}.action`)}
                    </Link>,
                  ]}
                >
                  {pickName(s.names, language)}
                </List.Item>
              )}
            />
            {g.total > g.schools.length && (
              <Typography.Text type="secondary">{t('insights.gaps.more', { count: g.total - g.schools.length })}</Typography.Text>
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
