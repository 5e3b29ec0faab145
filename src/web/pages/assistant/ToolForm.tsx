import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssistantTool } from '../../../shared/api/assistant.ts';
import { CONTENT_LANGUAGES } from '../../../shared/languages.ts';
import { AI_COMPETENCIES, GRADE_BANDS, SUBJECTS } from '../../../shared/library.ts';

/** The typed input fields of one teacher tool (the server validates the same shape with zod). */
export function ToolFields({ tool }: { tool: AssistantTool }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('assistant.form.required') }];
  const gradeBand = (
    <Form.Item name="gradeBand" label={t('assistant.form.gradeBand')} rules={required} initialValue="junior">
      <Select options={GRADE_BANDS.map((g) => ({ value: g, label: t(`library.gradeBands.${g}`) }))} />
    </Form.Item>
  );
  const subject = (
    <Form.Item name="subject" label={t('assistant.form.subject')} rules={required} initialValue="ai">
      <Select options={SUBJECTS.map((s) => ({ value: s, label: t(`library.subjects.${s}`) }))} />
    </Form.Item>
  );
  const topic = (
    <Form.Item name="topic" label={t('assistant.form.topic')} rules={required}>
      <Input maxLength={200} />
    </Form.Item>
  );
  switch (tool) {
    case 'lesson-plan':
      return (
        <>
          {topic}
          {gradeBand}
          {subject}
          <Form.Item name="competencies" label={t('assistant.form.competencies')} initialValue={[]}>
            <Select mode="multiple" options={AI_COMPETENCIES.map((c) => ({ value: c, label: t(`library.competencies.${c}`) }))} />
          </Form.Item>
          <Form.Item name="minutes" label={t('assistant.form.minutes')} initialValue={40}>
            <InputNumber min={10} max={240} />
          </Form.Item>
        </>
      );
    case 'quiz':
      return (
        <>
          {topic}
          {gradeBand}
          {subject}
          <Form.Item name="count" label={t('assistant.form.count')} initialValue={5}>
            <InputNumber min={1} max={20} />
          </Form.Item>
        </>
      );
    case 'rubric':
      return (
        <>
          <Form.Item name="task" label={t('assistant.form.task')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
          </Form.Item>
          {gradeBand}
          <Form.Item name="levels" label={t('assistant.form.levels')} initialValue={4}>
            <InputNumber min={2} max={6} />
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          <Form.Item name="task" label={t('assistant.form.task')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
          <Form.Item name="work" label={t('assistant.form.work')} rules={required} extra={t('assistant.privacyNote')}>
            <Input.TextArea autoSize={{ minRows: 5 }} maxLength={8000} />
          </Form.Item>
          {gradeBand}
        </>
      );
    case 'adapt':
      return (
        <>
          <Form.Item name="text" label={t('assistant.form.text')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 5 }} maxLength={8000} />
          </Form.Item>
          <Form.Item name="target" label={t('assistant.form.target')} rules={required} initialValue="zh-Hant-HK">
            <Select options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
          </Form.Item>
          <Form.Item name="readingLevel" label={t('assistant.form.readingLevel')}>
            <Select allowClear options={GRADE_BANDS.map((g) => ({ value: g, label: t(`library.gradeBands.${g}`) }))} />
          </Form.Item>
        </>
      );
    case 'parent-notice':
      return (
        <>
          <Form.Item name="purpose" label={t('assistant.form.purpose')} rules={required}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="details" label={t('assistant.form.details')} initialValue="">
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="language" label={t('assistant.form.language')} rules={required} initialValue="zh-Hans">
            <Select options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`library.languageTags.${l}`) }))} />
          </Form.Item>
        </>
      );
  }
}
