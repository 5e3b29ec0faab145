import { App, Button, Form, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseView, PublishBody } from '../../../shared/api/courses.ts';
import { PUBLISH_LEVELS } from '../../../shared/library.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Submit the course to the library; reviewers there decide, as for any resource. */
export function CoursePublish({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = useCoursesAction((body: PublishBody) => coursesApi.publish(course.id, body));
  if (course.myRole !== 'owner') return <Typography.Text type="secondary">{t('courses.publish.ownerOnly')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('courses.publish.intro')}</Typography.Paragraph>
      <ErrorAlert error={publish.error} />
      <Form<{ level: PublishBody['level'] }>
        layout="inline"
        initialValues={{ level: 'school' }}
        onFinish={(v) =>
          publish.mutate({ level: v.level, licence: 'CC-BY-4.0' }, { onSuccess: () => message.success(t('courses.publish.submitted')) })
        }
      >
        <Form.Item name="level" label={t('courses.publish.level')}>
          <Select
            style={{ width: 180 }}
            options={PUBLISH_LEVELS.filter((l) => l !== 'private').map((l) => ({ value: l, label: t(`courses.publish.levels.${l}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {t('courses.publish.submit')}
        </Button>
      </Form>
    </Space>
  );
}
