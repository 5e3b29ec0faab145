import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCY_LEVELS,
  ORGANISER_KINDS,
  PROGRAMME_VISIBILITIES,
  TRAINING_CATEGORIES,
  TRAINING_TIERS,
} from '../../../shared/api/training.ts';
import { CONTENT_LANGUAGES, defaultContentLanguage } from '../../../shared/languages.ts';
import { trainingPaths, useFrameworks, useTrainingAction, type CreateProgrammeBody, type Programme } from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { useErrorText } from '../../components/useErrorText.ts';
import { pickName } from '../../i18n/format.ts';

type Values = Omit<CreateProgrammeBody, 'rules'> & {
  minAttendancePercent: number;
  minAssignmentsPassed: number;
  requireReflection: boolean;
};

/** A new programme: what it is, for whom, how many hours, how one completes it. Saved as a draft or published. */
export function CreateProgrammeModal({ open, onClose }: { open: boolean; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const frameworks = useFrameworks();
  const [form] = Form.useForm<Values>();
  const create = useTrainingAction<CreateProgrammeBody, Programme>(
    () => trainingPaths.programmes,
    (v) => v,
  );
  const competencyOptions = (frameworks.data?.items ?? []).flatMap((f) =>
    f.competencies.map((c) => ({
      value: c.id,
      label: `${pickName(f.aspects.find((a) => a.code === c.aspect)?.names, language)} · ${pickName(c.names, language)}`,
    })),
  );
  return (
    <Modal
      open={open}
      width={720}
      title={t('training.organise.new')}
      okText={t('training.actions.save')}
      confirmLoading={create.isPending}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          language: defaultContentLanguage(language),
          tier: 'teacher',
          category: 'ai_literacy',
          targetLevel: 'acquire',
          organiserKind: 'bureau',
          visibility: 'jurisdiction',
          creditHours: 8,
          minAttendancePercent: 80,
          minAssignmentsPassed: 0,
          requireReflection: false,
          requiresPrincipalApproval: false,
          publish: false,
          competencyIds: [],
          summary: '',
        }}
        onFinish={({ minAttendancePercent, minAssignmentsPassed, requireReflection, ...v }) =>
          create.mutate(
            { ...v, capacity: v.capacity ?? null, rules: { minAttendancePercent, minAssignmentsPassed, requireReflection } },
            { onSuccess: (p) => onClose(p.id), onError: (e) => message.error(errorText(e)) },
          )
        }
      >
        <Form.Item name="title" label={t('training.fields.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('training.fields.summary')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="tier" label={t('training.fields.tier')}>
            <Select style={{ width: 150 }} options={TRAINING_TIERS.map((v) => ({ value: v, label: t(`training.tiers.${v}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('training.fields.category')}>
            <Select style={{ width: 170 }} options={TRAINING_CATEGORIES.map((v) => ({ value: v, label: t(`training.categories.${v}`) }))} />
          </Form.Item>
          <Form.Item name="targetLevel" label={t('training.fields.targetLevel')}>
            <Select style={{ width: 120 }} options={COMPETENCY_LEVELS.map((v) => ({ value: v, label: t(`training.levels.${v}`) }))} />
          </Form.Item>
          <Form.Item name="language" label={t('training.fields.language')}>
            <Select
              style={{ width: 130 }}
              options={CONTENT_LANGUAGES.map((v) => ({ value: v, label: t(`contentLanguages.${v}`, { defaultValue: v }) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="competencyIds" label={t('training.fields.competencies')}>
          <Select mode="multiple" optionFilterProp="label" options={competencyOptions} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="organiserKind" label={t('training.fields.organiserKind')}>
            <Select style={{ width: 150 }} options={ORGANISER_KINDS.map((v) => ({ value: v, label: t(`training.organiserKinds.${v}`) }))} />
          </Form.Item>
          <Form.Item name="organiserName" label={t('training.fields.organiser')} rules={[{ required: true }]}>
            <Input style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="visibility" label={t('training.fields.visibility')}>
            <Select
              style={{ width: 200 }}
              options={PROGRAMME_VISIBILITIES.map((v) => ({ value: v, label: t(`training.visibility.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="creditHours" label={t('training.fields.creditHours')} rules={[{ required: true }]}>
            <InputNumber min={0} max={500} step={0.5} />
          </Form.Item>
          <Form.Item name="capacity" label={t('training.fields.capacity')}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="minAttendancePercent" label={t('training.fields.minAttendance')}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
          <Form.Item name="minAssignmentsPassed" label={t('training.fields.minAssignments')}>
            <InputNumber min={0} max={50} />
          </Form.Item>
          <Form.Item name="requireReflection" valuePropName="checked" label=" ">
            <Checkbox>{t('training.fields.requireReflection')}</Checkbox>
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="requiresPrincipalApproval" valuePropName="checked">
            <Checkbox>{t('training.programme.principalApprovalNeeded')}</Checkbox>
          </Form.Item>
          <Form.Item name="publish" valuePropName="checked">
            <Checkbox>{t('training.organise.publishNow')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
