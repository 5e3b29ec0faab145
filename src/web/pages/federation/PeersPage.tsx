import { Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { HeldCard } from './HeldCard.tsx';
import { useNode, usePeerAction, usePeers, type Peer, type PeerRelation } from './api.ts';

const STATUS_COLOUR: Record<Peer['status'], string> = { proposed: 'gold', pending: 'orange', active: 'green', revoked: 'default' };
const RELATIONS: PeerRelation[] = ['sibling', 'parent', 'child'];

/** Node admins: this node's identity, proposing and accepting peers, feed health and held items. */
export default function PeersPage() {
  const { t } = useTranslation();
  const node = useNode();
  const peers = usePeers(true);
  const propose = usePeerAction<{ url: string; relation: PeerRelation }>(
    () => '/peers',
    (b) => b,
  );
  const accept = usePeerAction<string>((id) => `/peers/${id}/accept`);
  const revoke = usePeerAction<string>((id) => `/peers/${id}/revoke`);
  const [form] = Form.useForm<{ url: string; relation: PeerRelation }>();

  const lag = (p: Peer) =>
    p.health.lagSeconds === null
      ? t('federation.peers.never')
      : t('federation.peers.lagValue', { minutes: Math.round(p.health.lagSeconds / 60) });

  return (
    <>
      <PageHeader title={t('federation.peers.title')}>{t('federation.peers.intro')}</PageHeader>
      {node.data && (
        <Card size="small" title={t('federation.node.title')} style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('federation.node.name')}>{node.data.name}</Descriptions.Item>
            <Descriptions.Item label={t('federation.node.address')}>{node.data.url}</Descriptions.Item>
            <Descriptions.Item label={t('federation.node.jurisdictions')}>{node.data.jurisdictions.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('federation.node.level')}>{t(`federation.levels.${node.data.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('federation.node.id')}>
              <Typography.Text code copyable>
                {node.data.nodeId}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Card size="small" title={t('federation.peers.propose')} style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ relation: 'sibling' }}
          onFinish={(v) => propose.mutate(v, { onSuccess: () => form.resetFields() })}
        >
          <Form.Item
            name="url"
            label={t('federation.peers.url')}
            rules={[{ required: true, type: 'url', message: t('federation.peers.urlHint') }]}
          >
            <Input placeholder="https://edubridge.example.hk" style={{ width: 320 }} data-testid="peer-url" />
          </Form.Item>
          <Form.Item name="relation" label={t('federation.peers.relation')}>
            <Select style={{ width: 200 }} options={RELATIONS.map((r) => ({ value: r, label: t(`federation.relations.${r}`) }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.isPending}>
            {t('federation.peers.send')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('federation.peers.proposeHint')}
        </Typography.Paragraph>
        <ErrorAlert error={propose.error} />
      </Card>

      <ErrorAlert error={peers.error ?? accept.error ?? revoke.error} />
      <Table<Peer>
        rowKey="id"
        loading={peers.isLoading}
        dataSource={peers.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('federation.peers.empty') }}
        columns={[
          {
            title: t('federation.peers.node'),
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Typography.Text type="secondary">{p.url}</Typography.Text>
              </Space>
            ),
          },
          { title: t('federation.peers.relation'), render: (_, p) => t(`federation.relations.${p.relation}`) },
          {
            title: t('federation.peers.status'),
            render: (_, p) => <Tag color={STATUS_COLOUR[p.status]}>{t(`federation.statuses.${p.status}`)}</Tag>,
          },
          {
            title: t('federation.peers.health'),
            render: (_, p) =>
              p.status !== 'active' ? (
                '—'
              ) : (
                <Space direction="vertical" size={0}>
                  <span>
                    {t('federation.peers.lag')}: {lag(p)}
                  </span>
                  <span>{t('federation.peers.received', { count: p.health.received })}</span>
                  {p.health.lastError && (
                    <Typography.Text type="danger">
                      {t('federation.peers.lastError', { failures: p.health.failures })}: {p.health.lastError}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          {
            title: '',
            render: (_, p) => (
              <Space>
                {p.status === 'pending' && (
                  <Button type="primary" size="small" loading={accept.isPending} onClick={() => accept.mutate(p.id)}>
                    {t('federation.peers.accept')}
                  </Button>
                )}
                {p.status !== 'revoked' && (
                  <Popconfirm title={t('federation.peers.revokeConfirm')} onConfirm={() => revoke.mutate(p.id)}>
                    <Button danger size="small">
                      {t('federation.peers.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />

      <HeldCard />
    </>
  );
}
