import { DatePicker, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateContest, type Contest } from '../../api/contests.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

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
  description: string;
  whitelisted: boolean;
  quotaPerUnit: number;
  timeline: Record<(typeof TIMELINE)[number], Dayjs>;
}

/**
 * Editing a round before results: name, description, whitelist flag, quota and dates. Once submissions have
 * closed (judging started) the submission deadline is shown but not sent — the server refuses to move it, as
 * it refuses rubric and rule changes. If someone else saved meanwhile, the server answers 412 and the reader
 * reloads.
 */
export function EditContestModal({ contest, onClose }: { contest: Contest; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateContest(contest.id);
  const [judgingStarted] = useState(() => Date.now() >= Date.parse(contest.timeline.submissionClosesAt));
  const submit = async (v: Values) => {
    const dates = Object.fromEntries(
      TIMELINE.filter((k) => !(judgingStarted && k === 'submissionClosesAt')).map((k) => [k, v.timeline[k].toISOString()]),
    );
    await update.mutateAsync({
      version: contest.version,
      body: { name: v.name, description: v.description, whitelisted: v.whitelisted, quotaPerUnit: v.quotaPerUnit, ...dates },
    });
    onClose();
  };
  return (
    <Modal
      open
      width={640}
      title={t('contests.edit.title')}
      okText={t('contests.edit.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={update.error} style={{ marginBottom: 12 }} />
      {judgingStarted && <Typography.Paragraph type="secondary">{t('contests.edit.judgingStarted')}</Typography.Paragraph>}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: contest.name,
          description: contest.description,
          whitelisted: contest.whitelisted,
          quotaPerUnit: contest.quotaPerUnit,
          timeline: Object.fromEntries(TIMELINE.map((k) => [k, dayjs(contest.timeline[k])])) as Values['timeline'],
        }}
      >
        <Form.Item name="name" label={t('contests.fields.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="edit-contest-name" />
        </Form.Item>
        <Form.Item name="description" label={t('contests.fields.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="whitelisted" label={t('contests.fields.whitelisted')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="quotaPerUnit" label={t('contests.create.quotaPerUnit')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        {TIMELINE.map((k) => (
          <Form.Item key={k} name={['timeline', k]} label={t(`contests.timeline.${k}`)} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabled={judgingStarted && k === 'submissionClosesAt'} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
