import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONTEST_LEVELS, type ContestLevel, type CreateContestBody } from '../../../shared/api/contests.ts';
import { CONTENT_LANGUAGES, type ContentLanguage, defaultContentLanguage } from '../../../shared/languages.ts';
import { GRADE_BANDS, type GradeBand } from '../../../shared/library.ts';

/** Grades of each band (P1–P6, S1–S3, S4–S6 / 小学、初中、高中), as the API's grade ranges. */
const BAND_GRADES: Record<GradeBand, { min: number; max: number }> = {
  primary: { min: 1, max: 6 },
  junior: { min: 7, max: 9 },
  senior: { min: 10, max: 12 },
};
import { useCreateContest, type Contest } from '../../api/contests.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrganiserSelect, organiserFields, useOrganiserOptions } from './OrganiserSelect.tsx';

/** The six dates of a round, in the order the server requires them. */
const TIMELINE = [
  'registrationOpensAt',
  'registrationClosesAt',
  'submissionClosesAt',
  'judgingClosesAt',
  'resultsAt',
  'appealsClosesAt',
] as const;

interface Values {
  name: string;
  code: string;
  language: ContentLanguage;
  level: ContestLevel;
  organiser: string;
  whitelisted: boolean;
  description?: string;
  tracks: string[];
  gradeBands: GradeBand[];
  blind: boolean;
  crossSchoolTeams: boolean;
  excludeSameJurisdiction: boolean;
  judgesPerEntry: number;
  maxTeamSize: number;
  quotaPerUnit: number;
  parentContestId?: string;
  rubric: { label: string; weight: number; max: number }[];
  timeline: Record<(typeof TIMELINE)[number], Dayjs>;
}

/**
 * A new round, for a bureau or a school: what it is, who organises it, its rules, how it is judged and when
 * each step closes. The server checks the organiser's area and the order of the dates; its errors show here.
 */
export function CreateContestModal({ open, onClose, contests }: { open: boolean; onClose: () => void; contests: Contest[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateContest();
  const organisers = useOrganiserOptions();

  const submit = (v: Values) => {
    const body: CreateContestBody = {
      name: v.name,
      code: v.code,
      language: v.language,
      description: v.description ?? '',
      ...organiserFields(v.organiser),
      level: v.level,
      whitelisted: v.whitelisted,
      tracks: v.tracks,
      gradeBands: v.gradeBands.map((b) => BAND_GRADES[b]),
      rules: {
        blind: v.blind,
        crossSchoolTeams: v.crossSchoolTeams,
        excludeSameJurisdiction: v.excludeSameJurisdiction,
        judgesPerEntry: v.judgesPerEntry,
        maxTeamSize: v.maxTeamSize,
      },
      // Criterion keys are internal; the order of the list names them.
      rubric: v.rubric.map((c, i) => ({ key: `c${i + 1}`, label: c.label, weight: c.weight, max: c.max })),
      ...(Object.fromEntries(TIMELINE.map((k) => [k, v.timeline[k].toDate()])) as Pick<CreateContestBody, (typeof TIMELINE)[number]>),
      quotaPerUnit: v.quotaPerUnit,
      ...(v.parentContestId ? { parentContestId: v.parentContestId } : {}),
    };
    create.mutate(body, {
      onSuccess: (c) => {
        form.resetFields();
        onClose();
        navigate(`/contests/${c.id}`);
      },
    });
  };

  const defaultLanguage: ContentLanguage = defaultContentLanguage(i18n.language);
  return (
    <Modal
      open={open}
      width={760}
      title={t('contests.create.title')}
      okText={t('contests.create.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          const level = organisers.find((o) => o.value === changed.organiser)?.level;
          if (level) form.setFieldValue('level', level);
        }}
        initialValues={{
          language: defaultLanguage,
          level: organisers[0]?.level ?? 'school',
          organiser: organisers[0]?.value,
          whitelisted: false,
          gradeBands: ['junior'],
          blind: true,
          crossSchoolTeams: false,
          excludeSameJurisdiction: false,
          judgesPerEntry: 3,
          maxTeamSize: 5,
          quotaPerUnit: 2,
          rubric: [
            { label: t('contests.create.defaultCriterion1'), weight: 40, max: 100 },
            { label: t('contests.create.defaultCriterion2'), weight: 30, max: 100 },
            { label: t('contests.create.defaultCriterion3'), weight: 30, max: 100 },
          ],
        }}
      >
        <Form.Item
          name="name"
          label={t('contests.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('contests.create.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="code"
            label={t('contests.create.code')}
            extra={t('contests.create.codeHint')}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{2,60}$/, message: t('contests.create.codeInvalid') }]}
          >
            <Input style={{ width: 260 }} placeholder="nansha-ai-challenge-2027" />
          </Form.Item>
          <Form.Item name="language" label={t('contests.create.language')}>
            <Select style={{ width: 180 }} options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('contests.fields.level')} extra={t('contests.create.levelHint')}>
            <Select disabled style={{ width: 140 }} options={CONTEST_LEVELS.map((l) => ({ value: l, label: t(`contests.levels.${l}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="organiser"
          label={t('contests.fields.organiser')}
          rules={[{ required: true, message: t('contests.create.organiserRequired') }]}
        >
          <OrganiserSelect options={organisers} />
        </Form.Item>
        <Form.Item name="whitelisted" valuePropName="checked">
          <Checkbox>{t('contests.fields.whitelisted')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('contests.fields.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="tracks"
          label={t('contests.fields.tracks')}
          rules={[{ required: true, message: t('contests.create.tracksRequired') }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('contests.create.tracksHint')} />
        </Form.Item>
        <Form.Item
          name="gradeBands"
          label={t('contests.fields.gradeBands')}
          rules={[{ required: true, message: t('contests.create.gradeBandsRequired') }]}
        >
          <Checkbox.Group options={GRADE_BANDS.map((b) => ({ value: b, label: t(`library.gradeBands.${b}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="blind" valuePropName="checked" label={t('contests.rules.blind')}>
            <Switch />
          </Form.Item>
          <Form.Item name="crossSchoolTeams" valuePropName="checked" label={t('contests.rules.crossSchoolYes')}>
            <Switch />
          </Form.Item>
          <Form.Item name="excludeSameJurisdiction" valuePropName="checked" label={t('contests.rules.excludeSameUnit')}>
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="judgesPerEntry" label={t('contests.create.judgesPerEntry')}>
            <InputNumber min={1} max={9} />
          </Form.Item>
          <Form.Item name="maxTeamSize" label={t('contests.create.maxTeamSize')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="quotaPerUnit" label={t('contests.create.quotaPerUnit')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="parentContestId" label={t('contests.create.parent')}>
            <Select
              allowClear
              style={{ width: 260 }}
              options={contests.map((c) => ({ value: c.id, label: `${c.name} · ${t(`contests.levels.${c.level}`)}` }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('contests.create.rubric')} extra={t('contests.create.rubricHint')}>
          <Form.List name="rubric">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: t('contests.create.criterionRequired') }]}
                    >
                      <Input placeholder={t('contests.create.criterion')} style={{ width: 280 }} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} addonAfter={t('contests.create.weight')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'max']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} addonAfter={t('contests.create.maxPoints')} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('contests.create.removeCriterion')}</Button>}
                  </Space>
                ))}
                {fields.length < 12 && (
                  <Button onClick={() => add({ label: '', weight: 10, max: 100 })}>{t('contests.create.addCriterion')}</Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Space wrap>
          {TIMELINE.map((k) => (
            <Form.Item
              key={k}
              name={['timeline', k]}
              label={t(`contests.timeline.${k}`)}
              rules={[{ required: true, message: t('contests.create.dateRequired') }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
