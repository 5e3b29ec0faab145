import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Progress, Row, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveRelease, useReleasePreview, type Release, type TableRows } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatPercent } from './format.ts';
import { STATUS_COLOURS } from './labels.ts';

/** A release as it runs and after: progress, original and de-identified side by side, risk and utility, the steps, approval. */
export function ReleaseResult({ release, minK, canApprove }: { release: Release; minK: number; canApprove: boolean }) {
  const { t } = useTranslation();
  const running = release.status === 'queued' || release.status === 'running';
  const done = !running && release.status !== 'failed';
  const preview = useReleasePreview(release.id, done);
  const approve = useApproveRelease();
  const [note, setNote] = useState('');
  const p = release.job?.progress;
  return (
    <Flex vertical gap="middle">
      <Card
        size="small"
        title={
          <Flex gap="small" align="center">
            {t('privacy.workbench.release')}{' '}
            <Tag color={STATUS_COLOURS[release.status]} data-testid="release-status">
              {t(`privacy.releaseStatus.${release.status}`)}
            </Tag>
          </Flex>
        }
      >
        {running && <Progress percent={p?.total ? Math.round((100 * p.done) / p.total) : 5} status="active" />}
        {release.status === 'failed' && <Alert type="error" showIcon title={t('privacy.workbench.failed')} description={release.error} />}
        {release.outbound && !release.outbound.ok && (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            title={t('privacy.workbench.outboundBlocked')}
            description={release.outbound.findings
              .map((f) =>
                t('privacy.workbench.finding', {
                  column: f.column,
                  type: t(`privacy.entities.${f.type}`, { defaultValue: f.type }),
                  count: f.count,
                }),
              )
              .join('；')}
            data-testid="outbound-findings"
          />
        )}
        {release.outbound?.ok && <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('privacy.workbench.outboundOk')} />}
      </Card>

      {release.risk && <RiskUtility release={release} minK={minK} />}

      {preview.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('privacy.workbench.original')}>
              <RowsTable data={preview.data.original} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('privacy.workbench.deidentified')}>
              {preview.data.deidentified && <RowsTable data={preview.data.deidentified} testId="deidentified-table" />}
            </Card>
          </Col>
        </Row>
      )}

      <Card size="small" title={t('privacy.workbench.steps')}>
        <Timeline
          items={release.steps.map((s) => ({
            color: s.step === 'approve' ? 'green' : 'blue',
            content: (
              <>
                <b>{t(`privacy.steps.${s.step}`)}</b> <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
              </>
            ),
          }))}
        />
        {release.status === 'ready' && canApprove && (
          <Flex gap="small" wrap>
            <Input
              style={{ maxWidth: 360 }}
              placeholder={t('privacy.workbench.approveNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={approve.isPending}
              onClick={() => approve.mutate({ id: release.id, note })}
              data-testid="release-approve"
            >
              {t('privacy.workbench.approve')}
            </Button>
          </Flex>
        )}
        <ErrorAlert error={approve.error} style={{ marginTop: 8 }} />
        {release.status === 'approved' && (
          <Alert
            type="success"
            showIcon
            title={release.agreementId ? t('privacy.workbench.approvedShared') : t('privacy.workbench.approvedLocal')}
          />
        )}
      </Card>
    </Flex>
  );
}

function RowsTable({ data, testId }: { data: TableRows; testId?: string }) {
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content', y: 420 }}
      rowKey={(_, i) => String(i)}
      dataSource={data.rows}
      data-testid={testId}
      columns={data.columns.map((c) => ({
        title: c,
        dataIndex: c,
        key: c,
        render: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
      }))}
    />
  );
}

/** Risk (prosecutor model) and information loss per column, as bars a steward reads at a glance. */
function RiskUtility({ release, minK }: { release: Release; minK: number }) {
  const { t } = useTranslation();
  const risk = release.risk!;
  const utility = release.utility;
  const okK = risk.smallestClass >= minK || risk.classes === 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('privacy.workbench.risk')}>
          <Flex gap="large" wrap>
            <Statistic
              title={t('privacy.workbench.smallestClass')}
              value={risk.smallestClass}
              suffix={`/ k=${minK}`}
              valueStyle={{ color: okK ? '#389e0d' : '#cf1322' }}
            />
            <Statistic title={t('privacy.workbench.classes')} value={risk.classes} />
            <Statistic title={t('privacy.workbench.records')} value={risk.records} />
          </Flex>
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('privacy.workbench.maxRisk')}>
              <Progress
                percent={Math.round(risk.maxRisk * 100)}
                size="small"
                status={okK ? 'normal' : 'exception'}
                format={() => formatPercent(risk.maxRisk)}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('privacy.workbench.avgRisk')}>
              <Progress percent={Math.round(risk.averageRisk * 100)} size="small" format={() => formatPercent(risk.averageRisk)} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('privacy.workbench.utility')}>
          {utility ? (
            <>
              <Typography.Paragraph type="secondary">{t('privacy.workbench.ncpHelp')}</Typography.Paragraph>
              {Object.entries(utility.columns).map(([c, u]) => (
                <Flex key={c} align="center" gap="small">
                  <span style={{ width: 96 }}>{c}</span>
                  <Progress percent={Math.round(u.ncp * 100)} size="small" strokeColor="#fa8c16" style={{ flex: 1, margin: 0 }} />
                </Flex>
              ))}
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                {t('privacy.workbench.suppressed', { count: utility.suppressed })} ·{' '}
                {t('privacy.workbench.avgClass', { size: Math.round(utility.averageClassSize * 10) / 10 })}
              </Typography.Paragraph>
            </>
          ) : (
            <Typography.Text type="secondary">{t('privacy.workbench.noUtility')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
