import { App, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseView } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction, useForkDiff } from '../../api/courses.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useErrorText } from '../../components/useErrorText.ts';

/** A school's adopted copy: what changed upstream since the last pull, lesson by lesson, pulled one at a time. */
export function CourseFork({ course, canWrite }: { course: CourseView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const diff = useForkDiff(course.id, !!course.upstreamCourseId);
  const pull = useCoursesAction((lessonIds: string[]) => coursesApi.pull(course.id, lessonIds));
  const pending = (diff.data?.lessons ?? []).filter((l) => l.status !== 'unchanged');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={diff.error} />
      {diff.data && (
        <Typography.Text>
          {t('courses.fork.upstream')} <Link to={`/courses/${diff.data.upstreamCourseId}`}>{t('courses.fork.open')}</Link>
        </Typography.Text>
      )}
      {diff.data && pending.length === 0 && <Empty description={t('courses.fork.upToDate')} />}
      <List
        dataSource={pending}
        loading={diff.isLoading}
        renderItem={(l) => (
          <List.Item
            data-testid="fork-diff"
            actions={
              canWrite
                ? [
                    <Button
                      key="pull"
                      size="small"
                      type="primary"
                      loading={pull.isPending}
                      onClick={() =>
                        pull.mutate([l.upstreamLessonId], {
                          onSuccess: () => message.success(t('courses.fork.pulled')),
                          onError: (e) => message.error(errorText(e)),
                        })
                      }
                    >
                      {t('courses.fork.pull')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{l.title}</strong>
                <Tag>{t(`courses.fork.status.${l.status}`)}</Tag>
                {l.changedLocally && <Tag color="orange">{t('courses.fork.changedLocally')}</Tag>}
              </Space>
              {l.textDiff && (
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, maxHeight: 240, overflow: 'auto', margin: 0 }}>{l.textDiff}</pre>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
