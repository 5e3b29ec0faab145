import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EXCHANGE_KINDS } from '../../../shared/api/network.ts';
import {
  photoUrl,
  uploadPhoto,
  useDecidePair,
  useExchanges,
  useNetworkWrite,
  usePair,
  useYearSummary,
  type Exchange,
} from '../../api/network.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';
import { useQueryClient } from '@tanstack/react-query';

/** The pair page: the agreement and who has signed, the decision for the other principal, exchanges and the year. */
export default function PairPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { id } = useParams();
  const pair = usePair(id);
  const exchanges = useExchanges(pair.data?.status === 'active' || pair.data?.status === 'ended' ? id : undefined);
  const [year, setYear] = useState(new Date().getFullYear());
  const summary = useYearSummary(pair.data?.status === 'active' ? id : undefined, year);
  const decide = useDecidePair(id ?? '');
  const [adding, setAdding] = useState(false);
  if (pair.isLoading) return <FullPageSpin />;
  if (!pair.data) return <ErrorAlert error={pair.error} />;
  const p = pair.data;
  const a = pickName(p.schoolA.names, language);
  const b = pickName(p.schoolB.names, language);
  return (
    <div data-testid="pair-page">
      <PageHeader
        title={`${a} ⇄ ${b}`}
        extra={
          <>
            <Tag
              color={p.status === 'active' ? 'green' : p.status === 'proposed' ? 'gold' : 'default'}
              data-testid="pair-status"
              data-status={p.status}
            >
              {t(`network.pairStatus.${p.status}`)}
            </Tag>
            {p.canDecide && (
              <>
                <Button onClick={() => decide.mutate({ decision: 'decline' })} loading={decide.isPending}>
                  {t('network.pair.decline')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => decide.mutate({ decision: 'accept' })}
                  loading={decide.isPending}
                  data-testid="accept-pair"
                >
                  {t('network.pair.accept')}
                </Button>
              </>
            )}
            {p.canRecord && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('network.pair.addExchange')}
              </Button>
            )}
          </>
        }
      >
        {p.message}
      </PageHeader>
      <ErrorAlert error={decide.error} style={{ marginBottom: 12 }} />
      <Card title={t('network.pair.agreement')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('network.fields.goals')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.agreement.goals}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('network.fields.term')}>
            {t('network.pairs.term', { start: p.agreement.termStart, end: p.agreement.termEnd })}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.fields.renewal')}>{t(`network.renewals.${p.agreement.renewal}`)}</Descriptions.Item>
          <Descriptions.Item label={t('network.pair.principalOf', { school: a })}>
            {p.approvedByA ? t('network.pair.signed') : t('network.pair.notYet')}
          </Descriptions.Item>
          <Descriptions.Item label={t('network.pair.principalOf', { school: b })}>
            <span data-testid="approved-b">
              {p.approvedByB || p.status === 'active' ? t('network.pair.signed') : t('network.pair.notYet')}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {p.status === 'proposed' && !p.canDecide && (
          <Typography.Paragraph type="secondary">{t('network.pair.waitingForOther', { school: b })}</Typography.Paragraph>
        )}
      </Card>
      {p.status === 'active' && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card title={t('network.pair.exchanges')}>
              <ErrorAlert error={exchanges.error} />
              <List
                dataSource={exchanges.data?.items ?? []}
                locale={{ emptyText: <Empty description={t('network.pair.noExchanges')} /> }}
                renderItem={(e) => <ExchangeItem exchange={e} canRecord={p.canRecord} />}
              />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card
              title={t('network.pair.yearSummary')}
              extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />}
            >
              <ErrorAlert error={summary.error} />
              {summary.data && (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap size="large">
                    <Statistic title={t('network.summary.held')} value={summary.data.held} />
                    <Statistic title={t('network.summary.planned')} value={summary.data.planned} />
                    <Statistic title={t('network.summary.teachers')} value={summary.data.teachers} />
                    <Statistic title={t('network.summary.students')} value={summary.data.students} />
                  </Space>
                  {EXCHANGE_KINDS.map((k) => (
                    <div key={k}>
                      {t(`network.exchangeKinds.${k}`)}: {summary.data.byKind[k]}
                    </div>
                  ))}
                  <div>{t('network.summary.reflections', { count: summary.data.reflections })}</div>
                  <div>{t('network.summary.photos', { count: summary.data.photos })}</div>
                </Space>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {adding && <AddExchangeModal pairId={p.id} onClose={() => setAdding(false)} />}
    </div>
  );
}

function ExchangeItem({ exchange: e, canRecord }: { exchange: Exchange; canRecord: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{e.title}</span>
            <Tag>{t(`network.exchangeKinds.${e.kind}`)}</Tag>
            <Tag color={e.when === 'past' ? 'default' : 'blue'}>{t(`network.exchangeWhen.${e.when}`)}</Tag>
          </Space>
        }
        description={
          <>
            <div>
              {e.endsOn ? `${e.startsOn} – ${e.endsOn}` : e.startsOn} ·{' '}
              {t('network.exchange.people', { teachers: e.teachers, students: e.students })}
            </div>
            {e.participants && <div>{e.participants}</div>}
            {e.reflection && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                <Typography.Text strong>{t('network.fields.reflection')}：</Typography.Text>
                {e.reflection}
              </Typography.Paragraph>
            )}
            <Image.PreviewGroup>
              <Space wrap>
                {e.photos.map((ph) => (
                  <Image key={ph.id} src={photoUrl(ph.id)} alt={ph.filename} width={96} height={72} style={{ objectFit: 'cover' }} />
                ))}
              </Space>
            </Image.PreviewGroup>
            {canRecord && (
              <div style={{ marginTop: 8 }}>
                <Upload
                  accept="image/*"
                  showUploadList={false}
                  customRequest={({ file, onSuccess, onError }) => {
                    setError(null);
                    uploadPhoto(e.id, file as File)
                      .then((r) => {
                        onSuccess?.(r);
                        void qc.invalidateQueries({ queryKey: ['network'] });
                      })
                      .catch((err: Error) => {
                        setError(err);
                        onError?.(err);
                      });
                  }}
                >
                  <Button size="small">{t('network.exchange.addPhoto')}</Button>
                </Upload>
                <ErrorAlert error={error} style={{ marginTop: 8 }} />
              </div>
            )}
          </>
        }
      />
    </List.Item>
  );
}

interface ExchangeValues {
  kind: (typeof EXCHANGE_KINDS)[number];
  title: string;
  startsOn: string;
  endsOn?: string;
  teachers?: number;
  students?: number;
  participants?: string;
  reflection?: string;
}

function AddExchangeModal({ pairId, onClose }: { pairId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useNetworkWrite<Record<string, unknown>>('POST', () => `/pairs/${pairId}/exchanges`);
  const [form] = Form.useForm<ExchangeValues>();
  const submit = async (v: ExchangeValues) => {
    await add.mutateAsync({ ...v, endsOn: v.endsOn || undefined, teachers: v.teachers ?? 0, students: v.students ?? 0 });
    onClose();
  };
  return (
    <Modal
      open
      title={t('network.pair.addExchange')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'visit' }} onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item name="kind" label={t('network.fields.kind')}>
          <Select options={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`network.exchangeKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('network.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t('network.fields.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('network.fields.endsOn')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="teachers" label={t('network.fields.teachers')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="students" label={t('network.fields.students')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="participants" label={t('network.fields.participants')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="reflection" label={t('network.fields.reflection')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
