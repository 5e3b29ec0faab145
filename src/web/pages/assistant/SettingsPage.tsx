import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSONAL_DATA_CATEGORIES, type TProviderBody, type TSchoolSettingsBody } from '../../../shared/api/assistant.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';
import { useProvider, useSaveProvider, useSaveSchoolSettings, useSchoolSettings, useUsage } from './assistant.api.ts';
import { PROVIDER_ADMIN_ROLES } from './labels.ts';

/** Admin settings: the jurisdiction's model provider, a school's quotas and tutor transparency, and usage. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const jurisdictions = [
    ...new Map(
      (me?.memberships ?? []).filter((m) => PROVIDER_ADMIN_ROLES.includes(m.role)).map((m) => [m.jurisdiction.id, m.jurisdiction]),
    ).values(),
  ];
  const schoolList = [...new Map((me?.memberships ?? []).filter((m) => m.school).map((m) => [m.school!.id, m.school!])).values()];
  const [chosenJurisdiction, setJurisdictionId] = useState<string | undefined>();
  const [chosenSchool, setSchoolId] = useState<string | undefined>();
  const jurisdictionId = chosenJurisdiction ?? jurisdictions[0]?.id;
  const schoolId = chosenSchool ?? schoolList[0]?.id;

  return (
    <>
      <PageHeader title={t('assistant.settings.title')}>{t('assistant.settings.intro')}</PageHeader>
      {jurisdictions.length > 0 && (
        <Card
          title={t('assistant.settings.provider')}
          style={{ marginBottom: 16 }}
          extra={
            <Select
              style={{ minWidth: 160 }}
              value={jurisdictionId}
              onChange={setJurisdictionId}
              options={jurisdictions.map((j) => ({ value: j.id, label: pickName(j.names, language) }))}
            />
          }
        >
          <ProviderForm jurisdictionId={jurisdictionId} />
        </Card>
      )}
      {schoolList.length > 0 && (
        <Card
          title={t('assistant.settings.school')}
          extra={
            <Select
              style={{ minWidth: 200 }}
              value={schoolId}
              onChange={setSchoolId}
              options={schoolList.map((s) => ({ value: s.id, label: pickName(s.names, language) }))}
            />
          }
        >
          <SchoolForm schoolId={schoolId} />
          <UsageTable schoolId={schoolId} />
        </Card>
      )}
    </>
  );
}

function ProviderForm({ jurisdictionId }: { jurisdictionId: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const provider = useProvider(jurisdictionId);
  const save = useSaveProvider(jurisdictionId);
  useEffect(() => {
    const p = provider.data;
    form.resetFields();
    if (p?.configured) form.setFieldsValue({ ...p, apiKey: undefined });
  }, [provider.data, form]);
  if (provider.error) return <ErrorAlert error={provider.error} />;
  const key = provider.data?.configured ? provider.data.apiKey : null;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ allowedCategories: [], retentionDays: 30, enabled: true, moderation: false }}
      onFinish={(values: TProviderBody) =>
        save.mutate({
          ...values,
          apiKey: values.apiKey || undefined,
          embeddingModel: values.embeddingModel || null,
          moderationModel: values.moderationModel || null,
        })
      }
    >
      {!provider.data?.configured && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('assistant.settings.noProvider')} />}
      <Form.Item
        name="baseUrl"
        label={t('assistant.settings.baseUrl')}
        rules={[{ required: true, type: 'url', message: t('assistant.form.required') }]}
        extra={t('assistant.settings.baseUrlHint')}
      >
        <Input placeholder="https://…/v1" />
      </Form.Item>
      <Form.Item
        name="chatModel"
        label={t('assistant.settings.chatModel')}
        rules={[{ required: true, message: t('assistant.form.required') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="embeddingModel" label={t('assistant.settings.embeddingModel')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="moderation"
        label={t('assistant.settings.moderation')}
        valuePropName="checked"
        extra={t('assistant.settings.moderationHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="moderationModel" label={t('assistant.settings.moderationModel')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="apiKey"
        label={t('assistant.settings.apiKey')}
        extra={key?.set ? t('assistant.settings.apiKeySet', { last4: key.last4 }) : t('assistant.settings.apiKeyNotSet')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="allowedCategories"
        label={t('assistant.settings.allowedCategories')}
        extra={t('assistant.settings.allowedCategoriesHint')}
      >
        <Checkbox.Group options={PERSONAL_DATA_CATEGORIES.map((c) => ({ value: c, label: t(`assistant.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="retentionDays" label={t('assistant.settings.retentionDays')}>
        <InputNumber min={1} max={3650} />
      </Form.Item>
      <Form.Item name="enabled" label={t('assistant.settings.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      {save.isSuccess && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('assistant.settings.saved')} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('assistant.settings.save')}
      </Button>
    </Form>
  );
}

function SchoolForm({ schoolId }: { schoolId: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const settings = useSchoolSettings(schoolId);
  const save = useSaveSchoolSettings(schoolId);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  return (
    <Form form={form} layout="vertical" onFinish={(values: TSchoolSettingsBody) => save.mutate(values)}>
      <Form.Item
        name="teachersReadTutor"
        label={t('assistant.settings.teachersReadTutor')}
        valuePropName="checked"
        extra={t('assistant.settings.teachersReadTutorHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="schoolDailyQuota" label={t('assistant.settings.schoolDailyQuota')}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="userDailyQuota" label={t('assistant.settings.userDailyQuota')}>
        <InputNumber min={0} />
      </Form.Item>
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      {save.isSuccess && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('assistant.settings.saved')} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('assistant.settings.save')}
      </Button>
    </Form>
  );
}

function UsageTable({ schoolId }: { schoolId: string | undefined }) {
  const { t } = useTranslation();
  const usage = useUsage(schoolId);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('assistant.settings.usage', { total: usage.data?.total ?? 0 })}
      </Typography.Title>
      <ErrorAlert error={usage.error} />
      <Table
        size="small"
        loading={usage.isLoading}
        rowKey={(r) => `${r.day}-${r.tool}-${r.offline}`}
        dataSource={usage.data?.rows ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('assistant.settings.day'), dataIndex: 'day' },
          {
            title: t('assistant.settings.tool'),
            dataIndex: 'tool',
            render: (tool: string) =>
              ['chat', 'tutor'].includes(tool) ? t(`assistant.sections.${tool}`) : t(`assistant.tools.${tool}.title`),
          },
          {
            title: t('assistant.settings.mode'),
            dataIndex: 'offline',
            render: (offline: boolean) => (offline ? t('assistant.offline.tag') : t('assistant.settings.online')),
          },
          { title: t('assistant.settings.count'), dataIndex: 'count' },
        ]}
      />
    </>
  );
}
