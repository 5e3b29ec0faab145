import { App as AntApp, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES, type DataCategory } from '../../../shared/api/privacy.ts';
import { useCreateAgreement, useDatasets } from '../../api/privacy.ts';
import { useMe } from '../../api/me.ts';
import { useJurisdictions } from '../../api/tenancy.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { pickName } from '../../i18n/format.ts';

interface AgreementForm {
  partnerJurisdictionId: string;
  title: string;
  purpose: string;
  legalBasis: string;
  category: DataCategory;
  datasetIds: string[];
  fields: string[];
  expiresAt: string;
  epsilon?: number;
  piaRef: string;
  filingRef: string;
}

/** A data steward proposes an agreement: their jurisdiction shares the chosen datasets with the partner. */
export function CreateAgreementModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [language] = useUiLanguage();
  const [form] = Form.useForm<AgreementForm>();
  const category = Form.useWatch('category', form);
  const chosen = Form.useWatch('datasetIds', form) ?? [];
  const { data: me } = useMe();
  const jurisdictions = useJurisdictions();
  const datasets = useDatasets('raw');
  const create = useCreateAgreement();
  const mine = new Set((me?.memberships ?? []).filter((m) => m.role === 'data_steward').map((m) => m.jurisdiction.id));
  const ofCategory = (datasets.data?.items ?? []).filter((d) => d.category === category);
  const columns = [...new Set(ofCategory.filter((d) => chosen.includes(d.id)).flatMap((d) => d.columns))];
  const [inAYear] = useState(() => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));

  const submit = (v: AgreementForm) =>
    create.mutate(
      { ...v, expiresAt: new Date(`${v.expiresAt}T23:59:59+08:00`).toISOString(), fields: v.fields ?? [], datasetIds: v.datasetIds ?? [] },
      {
        onSuccess: () => {
          message.success(t('privacy.agreements.created'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      width={680}
      title={t('privacy.agreements.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('privacy.agreements.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: 'assessment_results', expiresAt: inAYear, piaRef: '', filingRef: '' }}
        onFinish={submit}
      >
        <Form.Item
          name="partnerJurisdictionId"
          label={t('privacy.agreements.partner')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={(jurisdictions.data ?? [])
              .filter((j) => !mine.has(j.id))
              .map((j) => ({ value: j.id, label: `${j.code} · ${pickName(j.names, language)}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('privacy.agreements.titleLabel')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="purpose" label={t('privacy.agreements.purpose')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('privacy.agreements.legalBasis')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('privacy.agreements.legalBasisHelp')}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="category" label={t('privacy.agreements.category')} rules={[{ required: true }]}>
          <Select
            options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`privacy.categories.${c}`) }))}
            onChange={() => form.setFieldsValue({ datasetIds: [], fields: [] })}
          />
        </Form.Item>
        <Form.Item name="datasetIds" label={t('privacy.agreements.datasets')}>
          <Select mode="multiple" options={ofCategory.map((d) => ({ value: d.id, label: `${d.name} (${d.rowCount})` }))} />
        </Form.Item>
        <Form.Item name="fields" label={t('privacy.agreements.fields')} extra={t('privacy.agreements.fieldsHelp')}>
          <Select mode="multiple" options={columns.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('privacy.agreements.expires')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="epsilon" label={t('privacy.agreements.epsilon')} extra={t('privacy.agreements.epsilonHelp')}>
          <InputNumber min={0.01} max={100} step={0.1} />
        </Form.Item>
        <Form.Item name="piaRef" label={t('privacy.agreements.piaRef')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="filingRef" label={t('privacy.agreements.filingRef')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <ErrorAlert error={create.error} />
    </Modal>
  );
}
