import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LessonView, UpdateLessonBody } from '../../../shared/api/courses.ts';
import { GRADE_BANDS, GRADES } from '../../../shared/library.ts';
import { coursesApi, useCoursesAction, useLesson } from '../../api/courses.ts';
import { useUiLanguage } from '../../app/language.ts';
import { CollabEditor } from '../../components/collab/CollabEditor.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { competencyOptions } from './labels.ts';
import { LessonFiles } from './LessonFiles.tsx';

/** A lesson plan: the text is co-edited live; the structured fields are saved with the version read (If-Match). */
export default function LessonPage() {
  const { id, lessonId } = useParams();
  const { t } = useTranslation();
  const lesson = useLesson(id, lessonId);
  if (lesson.isLoading) return <FullPageSpin />;
  if (!lesson.data) return <ErrorAlert error={lesson.error} />;
  const l = lesson.data;
  return (
    <>
      <PageHeader title={l.title}>
        <Link to={`/courses/${l.courseId}`}>{t('courses.lesson.back')}</Link>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <Card size="small" title={t('courses.lesson.text')} data-testid="lesson-text">
            <CollabEditor documentName={`lesson:${l.id}`} readOnly={!l.canWrite} />
          </Card>
        </Col>
        <Col xs={24} xxl={9}>
          <Card size="small" title={t('courses.lesson.fields')}>
            <LessonFields key={l.version} lesson={l} />
          </Card>
          <Card size="small" title={t('courses.files.title')} style={{ marginTop: 16 }} data-testid="lesson-files">
            <LessonFiles lesson={l} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

interface FieldsForm {
  title: string;
  objectives: { text: string; competencies: string[] }[];
  gradeBand: string | null;
  grades: number[];
  durationMinutes: number | null;
  assessment: string;
  differentiation: string;
  aiTools: string[];
}

function LessonFields({ lesson }: { lesson: LessonView }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { message } = App.useApp();
  const save = useCoursesAction((body: UpdateLessonBody) => coursesApi.updateLesson(lesson.courseId, lesson.id, lesson.version, body));
  const disabled = !lesson.canWrite;
  return (
    <Form<FieldsForm>
      layout="vertical"
      disabled={disabled}
      initialValues={{
        title: lesson.title,
        objectives: lesson.objectives,
        gradeBand: lesson.gradeBand,
        grades: lesson.grades,
        durationMinutes: lesson.durationMinutes,
        assessment: lesson.assessment,
        differentiation: lesson.differentiation,
        aiTools: lesson.aiTools,
      }}
      onFinish={(v) =>
        save.mutate(
          {
            ...v,
            objectives: (v.objectives ?? []).filter((o) => o?.text?.trim()),
          } as UpdateLessonBody,
          { onSuccess: () => message.success(t('courses.lesson.saved')) },
        )
      }
    >
      <ErrorAlert error={save.error} />
      <Form.Item name="title" label={t('courses.fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Typography.Text strong>{t('courses.lesson.objectives')}</Typography.Text>
      <Form.List name="objectives">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }} wrap>
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, whitespace: true, max: 1000 }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea autoSize placeholder={t('courses.lesson.objective')} style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'competencies']} style={{ marginBottom: 0 }}>
                  <Select
                    mode="multiple"
                    style={{ width: 220 }}
                    placeholder={t('courses.fields.competencies')}
                    options={competencyOptions(language)}
                  />
                </Form.Item>
                {!disabled && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('courses.lesson.removeObjective')} />}
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ text: '', competencies: [] })}
              style={{ margin: '8px 0 16px' }}
            >
              {t('courses.lesson.addObjective')}
            </Button>
          </>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item name="gradeBand" label={t('courses.fields.gradeBand')}>
          <Select allowClear style={{ width: 140 }} options={GRADE_BANDS.map((b) => ({ value: b, label: t(`courses.gradeBands.${b}`) }))} />
        </Form.Item>
        <Form.Item name="grades" label={t('courses.fields.grades')}>
          <Select
            mode="multiple"
            style={{ width: 200 }}
            options={GRADES.map((g) => ({ value: g, label: t('courses.fields.grade', { n: g }) }))}
          />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('courses.fields.duration')}>
          <InputNumber data-testid="lesson-duration" min={1} max={1440} addonAfter={t('courses.fields.minutesUnit')} />
        </Form.Item>
      </Space>
      <Form.Item name="assessment" label={t('courses.fields.assessment')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
      </Form.Item>
      <Form.Item name="differentiation" label={t('courses.fields.differentiation')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={20000} />
      </Form.Item>
      <Form.Item name="aiTools" label={t('courses.fields.aiTools')}>
        <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('courses.fields.aiToolsHint')} />
      </Form.Item>
      {!disabled && (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-lesson">
          {t('courses.lesson.save')}
        </Button>
      )}
    </Form>
  );
}
