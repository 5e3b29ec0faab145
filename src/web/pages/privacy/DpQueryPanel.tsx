import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDpQueryBody } from '../../../shared/api/privacy.ts';
import { useDpQuery, type Agreement, type DpAnswer } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface QueryForm {
  datasetId: string;
  kind: TDpQueryBody['kind'];
  column?: string;
  lower?: number;
  upper?: number;
  bins?: string;
  epsilon: number;
}

/** Count / sum / mean / histogram with noise, charged to the agreement's ε; a repeated query is free. */
export function DpQueryPanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QueryForm>();
  const kind = Form.useWatch('kind', form);
  const query = useDpQuery(agreement.id);
  const [answer, setAnswer] = useState<DpAnswer | null>(null);
  const submit = (v: QueryForm) => {
    const base = { datasetId: v.datasetId, epsilon: v.epsilon };
    const body: TDpQueryBody =
      v.kind === 'count'
        ? { ...base, kind: 'count' }
        : v.kind === 'histogram'
          ? {
              ...base,
              kind: 'histogram',
              column: v.column ?? '',
              bins: (v.bins ?? '')
                .split(/[,，、]/)
                .map((b) => b.trim())
                .filter(Boolean),
            }
          : { ...base, kind: v.kind, column: v.column ?? '', lower: v.lower ?? 0, upper: v.upper ?? 100 };
    query.mutate(body, { onSuccess: setAnswer });
  };
  return (
    <Card size="small" type="inner" title={t('privacy.dp.title')} style={{ marginTop: 8 }}>
      <Typography.Paragraph type="secondary">{t('privacy.dp.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ datasetId: agreement.datasetIds[0], kind: 'count', epsilon: 0.1 }}
        onFinish={submit}
      >
        <Form.Item name="datasetId" label={t('privacy.dp.dataset')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={agreement.datasetIds.map((id, i) => ({ value: id, label: `#${i + 1} · ${id.slice(-6)}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('privacy.dp.kind')}>
          <Select
            style={{ width: 120 }}
            options={(['count', 'sum', 'mean', 'histogram'] as const).map((k) => ({ value: k, label: t(`privacy.dp.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind && kind !== 'count' && (
          <Form.Item name="column" label={t('privacy.dp.column')} rules={[{ required: true }]}>
            {agreement.fields.length ? (
              <Select style={{ width: 140 }} options={agreement.fields.map((f) => ({ value: f, label: f }))} />
            ) : (
              <Input style={{ width: 140 }} />
            )}
          </Form.Item>
        )}
        {(kind === 'sum' || kind === 'mean') && (
          <>
            <Form.Item name="lower" label={t('privacy.dp.lower')} rules={[{ required: true }]}>
              <InputNumber style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="upper" label={t('privacy.dp.upper')} rules={[{ required: true }]}>
              <InputNumber style={{ width: 90 }} />
            </Form.Item>
          </>
        )}
        {kind === 'histogram' && (
          <Form.Item name="bins" label={t('privacy.dp.bins')} rules={[{ required: true }]} tooltip={t('privacy.dp.binsHelp')}>
            <Input style={{ width: 200 }} placeholder="男, 女" />
          </Form.Item>
        )}
        <Form.Item name="epsilon" label="ε" rules={[{ required: true }]}>
          <InputNumber min={0.001} max={10} step={0.05} style={{ width: 90 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={query.isPending} data-testid="dp-run">
          {t('privacy.dp.run')}
        </Button>
      </Form>
      <ErrorAlert error={query.error} style={{ marginTop: 12 }} />
      {answer && !query.error && (
        <Alert
          style={{ marginTop: 12 }}
          type={answer.cached ? 'info' : 'success'}
          showIcon
          data-testid="dp-answer"
          title={
            <Flex gap="small" wrap align="center">
              <b>
                {typeof answer.value === 'number'
                  ? round(answer.value)
                  : Object.entries(answer.value)
                      .map(([b, n]) => `${b}: ${n}`)
                      .join(' · ')}
              </b>
              <Typography.Text type="secondary">± {round(answer.noiseStdDev)}</Typography.Text>
              {answer.cached && <Tag color="blue">{t('privacy.dp.cached')}</Tag>}
            </Flex>
          }
          description={t('privacy.dp.cost', { charged: round(answer.epsilonCharged), remaining: round(answer.epsilonRemaining) })}
        />
      )}
    </Card>
  );
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
