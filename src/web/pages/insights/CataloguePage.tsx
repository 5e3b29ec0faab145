import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_UNITS, type TIndicatorCreateBody } from '../../../shared/api/insights.ts';
import { UI_LANGUAGES } from '../../../shared/languages.ts';
import { ApiError } from '../../api/client.ts';
import { useCatalogue, useCreateIndicator, useUpdateIndicator, type CatalogueIndicator } from '../../api/insights.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** The indicators as data: name, definition, formula, unit, target, and where a local definition applies. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const catalogue = useCatalogue();
  const { data: me } = useMe();
  // Where the reader may add indicators: their bureau's jurisdictions; the shared catalogue for platform admins.
  const places = (me?.memberships ?? []).filter((m) => (m.role === 'bureau_admin' || m.role === 'platform_admin') && !m.school);
  const jurisdictions = [...new Set(places.map((m) => m.jurisdiction.code))].sort();
  const shared = places.some((m) => m.role === 'platform_admin');
  const [editing, setEditing] = useState<CatalogueIndicator | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('insights.catalogue.title')}
        extra={
          jurisdictions.length > 0 && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="insights-indicator-add">
              {t('insights.catalogue.add')}
            </Button>
          )
        }
      >
        {t('insights.catalogue.hint')}
      </PageHeader>
      <ErrorAlert error={catalogue.error} />
      <Table
        rowKey="id"
        loading={catalogue.isLoading}
        dataSource={catalogue.data ?? []}
        pagination={false}
        data-testid="insights-catalogue"
        columns={[
          {
            title: t('insights.catalogue.name'),
            key: 'name',
            render: (_, i) => (
              <Space size={4}>
                {pickName(i.names, language)}
                {!i.active && <Tag>{t('insights.catalogue.inactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('insights.catalogue.definition'), key: 'definition', render: (_, i) => pickName(i.definitions, language) },
          {
            title: t('insights.catalogue.formula'),
            key: 'formula',
            render: (_, i) => (
              <Typography.Text code>
                {i.formula.scale !== 1 ? `${i.formula.scale} × ` : ''}Σ({i.formula.numerator}) ÷ Σ({i.formula.denominator})
              </Typography.Text>
            ),
          },
          { title: t('insights.catalogue.unit'), key: 'unit', render: (_, i) => t(`insights.units.${i.unit}`) },
          { title: t('insights.catalogue.target'), dataIndex: 'target' },
          {
            title: t('insights.catalogue.jurisdiction'),
            key: 'jurisdiction',
            render: (_, i) => <Tag>{i.jurisdiction ?? t('insights.catalogue.shared')}</Tag>,
          },
          {
            key: 'edit',
            render: (_, i) =>
              i.canEdit && (
                <Button
                  size="small"
                  onClick={() => setEditing(i)}
                  data-testid={`insights-indicator-edit-${i.code}-${i.jurisdiction ?? 'shared'}`}
                >
                  {t('insights.catalogue.edit')}
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <IndicatorEditor
          indicator={editing === 'new' ? null : editing}
          jurisdictions={jurisdictions}
          shared={shared}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

type FormValues = Omit<TIndicatorCreateBody, 'jurisdiction'> & { jurisdiction: string };
const SHARED = '*';

/**
 * Adds or changes one indicator. The server checks the formulas with the same checker the recompute uses and
 * names the field and the reason; both are shown under the field, translated. Saving recomputes this term.
 */
function IndicatorEditor({
  indicator,
  jurisdictions,
  shared,
  onClose,
}: {
  indicator: CatalogueIndicator | null;
  jurisdictions: string[];
  shared: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const [error, setError] = useState<unknown>(null);
  const pending = create.isPending || update.isPending;

  const initial: Partial<FormValues> = indicator
    ? {
        code: indicator.code,
        jurisdiction: indicator.jurisdiction ?? SHARED,
        names: indicator.names,
        definitions: indicator.definitions,
        numerator: indicator.formula.numerator,
        denominator: indicator.formula.denominator,
        scale: indicator.formula.scale,
        unit: indicator.unit,
        target: indicator.target,
        active: indicator.active,
      }
    : { jurisdiction: jurisdictions[0], scale: 100, unit: 'percent', target: null, active: true };

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'INSIGHTS_FORMULA_INVALID') {
      form.setFields(
        e.fieldProblems.map((p) => ({
          name: p.path.replace(/^body\./, '') as 'numerator' | 'denominator',
          errors: [t(`insights.formulaErrors.${p.code}`, { defaultValue: p.message })],
        })),
      );
      setError(null);
    } else setError(e);
  };

  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      names: v.names,
      definitions: v.definitions,
      numerator: v.numerator,
      denominator: v.denominator,
      scale: v.scale,
      unit: v.unit,
      target: v.target ?? null,
      active: v.active,
    };
    const done = () => {
      void message.success(t('insights.catalogue.saved'));
      onClose();
    };
    if (indicator) update.mutate({ id: indicator.id, version: indicator.version, body: fields }, { onSuccess: done, onError });
    else
      create.mutate(
        { ...fields, code: v.code, jurisdiction: v.jurisdiction === SHARED ? null : v.jurisdiction },
        { onSuccess: done, onError },
      );
  };

  const required = [{ required: true, message: t('insights.catalogue.required') }];
  return (
    <Modal
      open
      width={760}
      title={t(indicator ? 'insights.catalogue.editTitle' : 'insights.catalogue.addTitle')}
      okText={t('insights.catalogue.save')}
      cancelText={t('insights.catalogue.cancel')}
      confirmLoading={pending}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'insights-indicator-save' } as React.ComponentProps<typeof Button>}
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} name="indicator" layout="vertical" initialValues={initial} onValuesChange={() => setError(null)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('insights.catalogue.code')}
              extra={t('insights.catalogue.codeHint')}
              rules={[...required, { pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('insights.catalogue.codeHint') }]}
            >
              <Input disabled={!!indicator} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="jurisdiction" label={t('insights.catalogue.jurisdiction')} rules={required}>
              <Select
                disabled={!!indicator}
                options={[
                  ...(shared || indicator?.jurisdiction === null ? [{ value: SHARED, label: t('insights.catalogue.shared') }] : []),
                  ...jurisdictions.map((j) => ({ value: j, label: j })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {UI_LANGUAGES.map((l) => (
            <Col span={8} key={l}>
              <Form.Item
                name={['names', l]}
                label={`${t('insights.catalogue.name')} (${t(`insights.catalogue.languages.${l}`)})`}
                rules={required}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={12}>
          {UI_LANGUAGES.map((l) => (
            <Col span={8} key={l}>
              <Form.Item
                name={['definitions', l]}
                label={`${t('insights.catalogue.definition')} (${t(`insights.catalogue.languages.${l}`)})`}
                rules={required}
              >
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Alert type="info" showIcon title={t('insights.catalogue.formulaHint')} style={{ marginBottom: 12 }} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="numerator" label={t('insights.catalogue.numerator')} rules={required}>
              <Input maxLength={300} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="denominator" label={t('insights.catalogue.denominator')} rules={required}>
              <Input maxLength={300} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="scale" label={t('insights.catalogue.scale')} rules={required}>
              <InputNumber min={0.000001} max={1_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="unit" label={t('insights.catalogue.unit')} rules={required}>
              <Select options={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`insights.catalogue.units.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="target" label={t('insights.catalogue.target')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="active" label={t('insights.catalogue.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
