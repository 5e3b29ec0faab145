import { EditOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, InputNumber, Modal, Select, Switch, Table, Tag, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EGRESS_RULES, type TPolicyBody } from '../../../shared/api/privacy.ts';
import { usePrivacyPolicies, useUpdatePrivacyPolicy, type PrivacyPolicy } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const EGRESS_COLOURS = { never: 'red', aggregate: 'gold', deidentified: 'green' } as const;

/** Each jurisdiction's rules per data category; a data steward edits their own jurisdiction's. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const policies = usePrivacyPolicies();
  const [editing, setEditing] = useState<PrivacyPolicy | null>(null);

  return (
    <>
      <PageHeader title={t('privacy.policies.title')}>{t('privacy.policies.intro')}</PageHeader>
      <ErrorAlert error={policies.error} />
      <Table<PrivacyPolicy>
        rowKey="id"
        size="small"
        loading={policies.isPending}
        dataSource={policies.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('privacy.policies.jurisdiction'),
            render: (_, p) => (
              <>
                <b>{p.jurisdiction.code}</b> <Typography.Text type="secondary">{p.jurisdiction.regime}</Typography.Text>
              </>
            ),
          },
          { title: t('privacy.policies.category'), render: (_, p) => t(`privacy.categories.${p.category}`) },
          {
            title: t('privacy.policies.egress'),
            render: (_, p) => <Tag color={EGRESS_COLOURS[p.egress]}>{t(`privacy.egress.${p.egress}`)}</Tag>,
          },
          { title: t('privacy.policies.minK'), render: (_, p) => `${p.minK} / ${p.childMinK}` },
          {
            title: t('privacy.policies.epsilon'),
            render: (_, p) =>
              t('privacy.policies.epsilonValue', { epsilon: p.epsilonPerPeriod, child: p.childEpsilonPerPeriod, days: p.periodDays }),
          },
          {
            title: t('privacy.policies.paperwork'),
            render: (_, p) => [p.requiresPia && 'PIA', p.requiresFiling && t('privacy.policies.filing')].filter(Boolean).join(' · ') || '—',
          },
          {
            title: t('common.actions'),
            render: (_, p) =>
              p.editable && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('privacy.policies.childNote')}
      </Typography.Paragraph>
      {editing && <PolicyModal policy={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PolicyModal({ policy, onClose }: { policy: PrivacyPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TPolicyBody>();
  const update = useUpdatePrivacyPolicy();
  const save = (body: TPolicyBody) =>
    update.mutate(
      { id: policy.id, version: policy.version, body },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={`${policy.jurisdiction.code} · ${t(`privacy.categories.${policy.category}`)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={policy} onFinish={save}>
        <Form.Item name="egress" label={t('privacy.policies.egress')} rules={[{ required: true }]}>
          <Select options={EGRESS_RULES.map((e) => ({ value: e, label: t(`privacy.egress.${e}`) }))} />
        </Form.Item>
        <Form.Item name="minK" label={t('privacy.policies.minKLabel')} rules={[{ required: true }]}>
          <InputNumber min={2} max={1000} />
        </Form.Item>
        <Form.Item name="childMinK" label={t('privacy.policies.childMinKLabel')} rules={[{ required: true }]}>
          <InputNumber min={2} max={1000} />
        </Form.Item>
        <Form.Item name="epsilonPerPeriod" label={t('privacy.policies.epsilonLabel')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} step={0.1} />
        </Form.Item>
        <Form.Item name="childEpsilonPerPeriod" label={t('privacy.policies.childEpsilonLabel')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={100} step={0.1} />
        </Form.Item>
        <Form.Item name="periodDays" label={t('privacy.policies.periodLabel')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
        <Form.Item name="requiresPia" label={t('privacy.policies.requiresPia')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="requiresFiling" label={t('privacy.policies.requiresFiling')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={t('privacy.policies.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      <ErrorAlert error={update.error} />
    </Modal>
  );
}
