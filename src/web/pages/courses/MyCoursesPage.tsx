import { defaultContentLanguage } from '../../../shared/languages.ts';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CreateCourseBody } from '../../../shared/api/courses.ts';
import { EDITION_LANGUAGES } from '../../../shared/courses.ts';
import { GRADE_BANDS } from '../../../shared/library.ts';
import { coursesApi, useCoursesAction, useMyCourses, useMyInvitations, type ImportResult } from '../../api/courses.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { competencyOptions, STATUS_COLOURS } from './labels.ts';

/** My courses: the courses I am on the team of, invitations waiting for me, create and import. */
export default function MyCoursesPage() {
  const { t } = useTranslation();
  const courses = useMyCourses();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('courses.mine.title')}
        extra={
          <>
            <ImportButton />
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-course">
              {t('courses.mine.create')}
            </Button>
          </>
        }
      >
        {t('courses.mine.intro')}
      </PageHeader>
      <MyInvitations />
      <ErrorAlert error={courses.error} />
      <List
        loading={courses.isLoading}
        dataSource={courses.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('courses.mine.empty')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="course-row">
            <List.Item.Meta
              title={<Link to={`/courses/${c.id}`}>{c.title}</Link>}
              description={
                <Space wrap>
                  <Tag color={STATUS_COLOURS[c.status]}>{t(`courses.status.${c.status}`)}</Tag>
                  <Tag>{t(`courses.languages.${c.language}`)}</Tag>
                  <Tag>{t(`courses.gradeBands.${c.gradeBand}`)}</Tag>
                  {c.myRole && <Tag>{t(`courses.roles.${c.myRole}`)}</Tag>}
                  {c.upstreamCourseId && <Tag color="purple">{t('courses.mine.fork')}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <CreateCourseModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function MyInvitations() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const invitations = useMyInvitations();
  const decide = useCoursesAction((a: { id: string; accept: boolean }) => coursesApi.decide(a.id, a.accept));
  const pending = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <Card title={t('courses.invitations.title')} style={{ marginBottom: 16 }} size="small">
      <List
        dataSource={pending}
        renderItem={(inv) => (
          <List.Item
            actions={[
              <Button
                key="accept"
                type="primary"
                size="small"
                loading={decide.isPending}
                onClick={() => decide.mutate({ id: inv.id, accept: true }, { onError: (e) => message.error(errorText(e)) })}
              >
                {t('courses.invitations.accept')}
              </Button>,
              <Button
                key="decline"
                size="small"
                onClick={() => decide.mutate({ id: inv.id, accept: false }, { onError: (e) => message.error(errorText(e)) })}
              >
                {t('courses.invitations.decline')}
              </Button>,
            ]}
          >
            {t('courses.invitations.line', { who: inv.invitedBy, course: inv.courseTitle, role: t(`courses.roles.${inv.role}`) })}
          </List.Item>
        )}
      />
    </Card>
  );
}

function ImportButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { modal } = App.useApp();
  const importing = useCoursesAction((file: File) => coursesApi.importCartridge(file));
  const done = (result: ImportResult) => {
    if (result.warnings.length === 0) {
      navigate(`/courses/${result.course.id}`);
      return;
    }
    modal.info({
      title: t('courses.import.warnings'),
      content: (
        <ul data-testid="import-warnings">
          {result.warnings.map((w, i) => (
            <li key={i}>
              {t(`courses.import.warning.${w.code}`, { defaultValue: w.code })}
              {w.subject ? `: ${w.subject}` : ''}
            </li>
          ))}
        </ul>
      ),
      onOk: () => navigate(`/courses/${result.course.id}`),
    });
  };
  return (
    <Upload
      accept=".imscc,.zip"
      showUploadList={false}
      beforeUpload={(file) => {
        importing.mutate(file, {
          onSuccess: done,
          onError: (e) => modal.error({ title: t('courses.import.failed'), content: errorText(e) }),
        });
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={importing.isPending}>
        {t('courses.import.button')}
      </Button>
    </Upload>
  );
}

function CreateCourseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateCourseBody>();
  const create = useCoursesAction((body: CreateCourseBody) => coursesApi.create(body));
  const defaultLanguage = defaultContentLanguage(language);
  return (
    <Modal
      open={open}
      title={t('courses.mine.create')}
      onCancel={onClose}
      okText={t('courses.mine.createOk')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ language: defaultLanguage, gradeBand: 'primary', competencies: [] }}
        onFinish={(values) => create.mutate(values, { onSuccess: (c) => navigate(`/courses/${c.id}`) })}
      >
        <Form.Item name="title" label={t('courses.fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="course-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('courses.fields.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="language" label={t('courses.fields.language')}>
            <Select style={{ width: 160 }} options={EDITION_LANGUAGES.map((l) => ({ value: l, label: t(`courses.languages.${l}`) }))} />
          </Form.Item>
          <Form.Item name="gradeBand" label={t('courses.fields.gradeBand')}>
            <Select style={{ width: 160 }} options={GRADE_BANDS.map((b) => ({ value: b, label: t(`courses.gradeBands.${b}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="competencies" label={t('courses.fields.competencies')}>
          <Select mode="multiple" options={competencyOptions(language)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
