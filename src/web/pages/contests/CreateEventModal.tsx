import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type CreateEventBody, type EventKind } from '../../../shared/api/contests.ts';
import { CONTENT_LANGUAGES, type ContentLanguage, defaultContentLanguage } from '../../../shared/languages.ts';
import { useCreateEvent } from '../../api/contests.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrganiserSelect, organiserFields, useOrganiserOptions } from './OrganiserSelect.tsx';

interface Values {
  title: string;
  code: string;
  kind: EventKind;
  language: ContentLanguage;
  organiser: string;
  location: string;
  time: [Dayjs, Dayjs];
  capacity: number;
  description?: string;
  feedbackQuestions?: string[];
}

/** A lecture, science day or visit: when, where, how many seats; sign-up and the waitlist follow from it. */
export function CreateEventModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent();
  const organisers = useOrganiserOptions();
  const submit = (v: Values) => {
    const body: CreateEventBody = {
      title: v.title,
      code: v.code,
      kind: v.kind,
      language: v.language,
      ...organiserFields(v.organiser),
      location: v.location,
      startsAt: v.time[0].toDate(),
      endsAt: v.time[1].toDate(),
      capacity: v.capacity,
      description: v.description ?? '',
      feedbackQuestions: v.feedbackQuestions ?? [],
    };
    create.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    });
  };
  const defaultLanguage: ContentLanguage = defaultContentLanguage(i18n.language);
  return (
    <Modal
      open={open}
      width={680}
      title={t('contests.createEvent.title')}
      okText={t('contests.createEvent.submit')}
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
        initialValues={{ kind: 'lecture', language: defaultLanguage, organiser: organisers[0]?.value, capacity: 100 }}
      >
        <Form.Item
          name="title"
          label={t('contests.createEvent.eventTitle')}
          rules={[{ required: true, whitespace: true, message: t('contests.create.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="kind" label={t('contests.createEvent.kind')}>
            <Select style={{ width: 180 }} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`contests.eventKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('contests.create.code')}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{2,60}$/, message: t('contests.create.codeInvalid') }]}
          >
            <Input style={{ width: 240 }} placeholder="ai-lecture-2027-03" />
          </Form.Item>
          <Form.Item name="language" label={t('contests.createEvent.language')}>
            <Select style={{ width: 180 }} options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="organiser"
          label={t('contests.fields.organiser')}
          rules={[{ required: true, message: t('contests.create.organiserRequired') }]}
        >
          <OrganiserSelect options={organisers} />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('contests.createEvent.location')}
          rules={[{ required: true, whitespace: true, message: t('contests.createEvent.locationRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="time"
            label={t('contests.createEvent.time')}
            rules={[{ required: true, message: t('contests.create.dateRequired') }]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="capacity" label={t('contests.createEvent.capacity')}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('contests.fields.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="feedbackQuestions"
          label={t('contests.createEvent.feedbackQuestions')}
          extra={t('contests.createEvent.feedbackHint')}
        >
          <Select mode="tags" open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
