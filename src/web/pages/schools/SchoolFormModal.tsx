import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_LANGUAGES } from '../../../shared/languages.ts';
import { SCHOOL_STAGES } from '../../../shared/tenancy.ts';
import { api, ApiError } from '../../api/client.ts';
import { useCreateSchool, useUpdateSchool } from '../../api/tenancy.ts';
import type { School, SchoolInput } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTenancyOptions } from '../../components/useTenancyOptions.ts';

/** The form carries the version it was filled from, so a save can say which version it changes. */
type FormValues = SchoolInput & { version?: number };

function toForm(school: School): FormValues {
  return {
    version: school.version,
    code: school.code,
    names: school.names,
    jurisdictionId: school.jurisdiction.id,
    authorityUnitId: school.authorityUnit.id,
    stage: school.stage,
    languages: school.languages,
  };
}

/**
 * Creates a school, or edits one. Editing sends the version the form was filled from; when someone else
 * saved in between (412), the form reloads their version and says so, and the user re-applies the change.
 */
export function SchoolFormModal({ school, open, onClose }: { school: School | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateSchool();
  const update = useUpdateSchool();
  const jurisdictionId = Form.useWatch('jurisdictionId', form);
  const { jurisdictionOptions, unitOptions } = useTenancyOptions(jurisdictionId);
  const editing = school !== null;
  const mutation = editing ? update : create;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (school) form.setFieldsValue(toForm(school));
  }, [open, school]); // eslint-disable-line react-hooks/exhaustive-deps

  const reloadAfterConflict = async (id: string) => {
    const fresh = await api<School>(`/api/v1/schools/${id}`);
    form.setFieldsValue(toForm(fresh));
    update.reset();
    modal.warning({ title: t('errors.VERSION_CONFLICT'), content: t('schools.conflictReloaded') });
  };

  const onFinish = ({ version, ...values }: FormValues) => {
    if (school && version !== undefined) {
      // Only what changed (and only what may change: names, stage, languages), so a concurrent edit of
      // another field is not overwritten.
      const changes: Partial<SchoolInput> = {};
      const before = toForm(school);
      for (const key of ['names', 'stage', 'languages'] as const) {
        if (JSON.stringify(values[key]) !== JSON.stringify(before[key])) Object.assign(changes, { [key]: values[key] });
      }
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      update.mutate(
        { id: school.id, version, changes },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            onClose();
          },
          onError: (error) => {
            if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') void reloadAfterConflict(school.id);
          },
        },
      );
    } else {
      create.mutate(values, {
        onSuccess: () => {
          void message.success(t('schools.created'));
          onClose();
        },
      });
    }
  };

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('schools.editTitle') : t('schools.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="version" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('schools.code')}
          extra={t('schools.codeHint')}
          rules={[required, { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: t('schools.codeHint') }]}
        >
          <Input disabled={editing} />
        </Form.Item>
        <Form.Item name={['names', 'zh-Hans']} label={t('schools.nameZhHans')} rules={[required]}>
          <Input lang="zh-CN" />
        </Form.Item>
        <Form.Item name={['names', 'zh-Hant']} label={t('schools.nameZhHant')} rules={[required]}>
          <Input lang="zh-HK" />
        </Form.Item>
        <Form.Item name={['names', 'en']} label={t('schools.nameEn')} rules={[required]}>
          <Input lang="en" />
        </Form.Item>
        <Form.Item name="jurisdictionId" label={t('schools.jurisdiction')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={jurisdictionOptions} disabled={editing} onChange={() => form.setFieldValue('authorityUnitId', undefined)} />
        </Form.Item>
        <Form.Item name="authorityUnitId" label={t('schools.authorityUnit')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={unitOptions} showSearch={{ optionFilterProp: 'label' }} disabled={editing || !jurisdictionId} />
        </Form.Item>
        <Form.Item name="stage" label={t('schools.stage')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="languages"
          label={t('schools.languages')}
          rules={[{ required: true, type: 'array', min: 1, message: t('schools.languagesRequired') }]}
        >
          <Select mode="multiple" options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`contentLanguages.${l}`) }))} />
        </Form.Item>
      </Form>
      {mutation.error && !(mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT') && (
        <ErrorAlert error={mutation.error} />
      )}
    </Modal>
  );
}
