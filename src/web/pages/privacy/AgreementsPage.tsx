import { CheckOutlined, DownloadOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { releaseDownloadUrl, useAgreementAction, useAgreementOutputs, useAgreements, type Agreement } from '../../api/privacy.ts';
import { useMe } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from './format.ts';
import { CreateAgreementModal } from './CreateAgreementModal.tsx';
import { DpQueryPanel } from './DpQueryPanel.tsx';
import { STATUS_COLOURS } from './labels.ts';

/**
 * Sharing agreements between two jurisdictions: who approved, until when, the ε left, the approved
 * outputs to download, and DP queries. Data stewards propose, approve (one each side) and revoke.
 */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const { data: me } = useMe();
  const isSteward = (me?.memberships ?? []).some((m) => m.role === 'data_steward');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('privacy.agreements.title')}
        extra={
          isSteward && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agreement-new">
              {t('privacy.agreements.new')}
            </Button>
          )
        }
      >
        {t('privacy.agreements.intro')}
      </PageHeader>
      <ErrorAlert error={agreements.error} />
      {agreements.data && agreements.data.items.length === 0 && <Empty description={t('privacy.agreements.none')} />}
      <Flex vertical gap="middle" style={{ maxWidth: 1100 }}>
        {(agreements.data?.items ?? []).map((a) => (
          <AgreementCard key={a.id} agreement={a} isSteward={isSteward} />
        ))}
      </Flex>
      {creating && <CreateAgreementModal onClose={() => setCreating(false)} />}
    </>
  );
}

function AgreementCard({ agreement: a, isSteward }: { agreement: Agreement; isSteward: boolean }) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const action = useAgreementAction();
  const [open, setOpen] = useState(false);
  const spentShare = a.budget.epsilonTotal ? Math.round((100 * a.budget.epsilonSpent) / a.budget.epsilonTotal) : 0;
  const approval = (side: Agreement['owner']) =>
    side.approvedAt ? (
      <Tag color="green" icon={<CheckOutlined />}>
        {side.code} · {formatDateTime(side.approvedAt)}
      </Tag>
    ) : (
      <Tag>
        {side.code} · {t('privacy.agreements.waiting')}
      </Tag>
    );
  const revoke = () =>
    modal.confirm({
      title: t('privacy.agreements.revokeTitle'),
      content: t('privacy.agreements.revokeText'),
      okButtonProps: { danger: true },
      okText: t('privacy.agreements.revoke'),
      cancelText: t('common.cancel'),
      onOk: () => action.mutateAsync({ id: a.id, action: 'revoke' }),
    });
  return (
    <Card
      size="small"
      data-testid="agreement-card"
      title={
        <Space wrap>
          <span>{a.title}</span>
          <Tag color={STATUS_COLOURS[a.status]}>{t(`privacy.agreementStatus.${a.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
          {a.canApprove && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={action.isPending}
              onClick={() => action.mutate({ id: a.id, action: 'approve' })}
              data-testid="agreement-approve"
            >
              {t('privacy.agreements.approve')}
            </Button>
          )}
          {isSteward && a.status !== 'revoked' && (
            <Button danger icon={<StopOutlined />} onClick={revoke}>
              {t('privacy.agreements.revoke')}
            </Button>
          )}
          <Button onClick={() => setOpen(!open)} data-testid="agreement-more">
            {open ? t('privacy.agreements.less') : t('privacy.agreements.more')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('privacy.agreements.parties')}>
          {a.owner.code} → {a.partner.code}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.agreements.category')}>{t(`privacy.categories.${a.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('privacy.agreements.approvals')}>
          {approval(a.owner)} {approval(a.partner)}
        </Descriptions.Item>
        <Descriptions.Item label={t('privacy.agreements.expires')}>{formatDateTime(a.expiresAt)}</Descriptions.Item>
        <Descriptions.Item label={t('privacy.agreements.budget')} span={2}>
          <Flex align="center" gap="small" style={{ maxWidth: 420 }}>
            <Progress
              percent={spentShare}
              size="small"
              status={spentShare >= 100 ? 'exception' : 'normal'}
              format={() => ''}
              style={{ width: 160, margin: 0 }}
            />
            <Typography.Text>
              {t('privacy.agreements.budgetText', {
                spent: round(a.budget.epsilonSpent),
                total: round(a.budget.epsilonTotal),
                days: a.budget.periodDays,
              })}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      {open && (
        <>
          <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('privacy.agreements.purpose')}>{a.purpose}</Descriptions.Item>
            <Descriptions.Item label={t('privacy.agreements.legalBasis')}>{a.legalBasis}</Descriptions.Item>
            <Descriptions.Item label={t('privacy.agreements.fields')}>
              {a.fields.length ? a.fields.map((f) => <Tag key={f}>{f}</Tag>) : t('privacy.agreements.allFields')}
            </Descriptions.Item>
            <Descriptions.Item label="PIA">{a.piaRef || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('privacy.agreements.filing')}>{a.filingRef || '—'}</Descriptions.Item>
          </Descriptions>
          <Outputs agreement={a} />
          {a.status === 'active' && <DpQueryPanel agreement={a} />}
        </>
      )}
      <ErrorAlert error={action.error} style={{ marginTop: 8 }} />
    </Card>
  );
}

function Outputs({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const outputs = useAgreementOutputs(agreement.id);
  return (
    <Card size="small" type="inner" title={t('privacy.agreements.outputs')} style={{ marginTop: 8 }}>
      <ErrorAlert error={outputs.error} />
      <List
        size="small"
        dataSource={outputs.data?.items ?? []}
        locale={{ emptyText: t('privacy.agreements.noOutputs') }}
        renderItem={(o) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                href={releaseDownloadUrl(o.releaseId)}
                disabled={!outputs.data?.downloadable}
                data-testid="output-download"
              >
                {t('privacy.agreements.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={o.name}
              description={t('privacy.agreements.outputMeta', { rows: o.rows, k: o.smallestClass, columns: o.columns.length })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

const round = (x: number) => Math.round(x * 1000) / 1000;
