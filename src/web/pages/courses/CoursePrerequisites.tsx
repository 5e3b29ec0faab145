import { EditOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseView } from '../../../shared/api/courses.ts';
import { coursesApi, useCoursesAction, useVisibleCourses } from '../../api/courses.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/**
 * The courses learners should take first (小初高一体化: the progression map draws these links). Shown as
 * links; the team picks them among the courses they can see. The server refuses a loop or a course the
 * writer cannot see, with a translated message, and keeps the previous list.
 */
export function CoursePrerequisites({ course, canWrite }: { course: CourseView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const choices = useVisibleCourses(editing);
  const save = useCoursesAction((ids: string[]) => coursesApi.updateCourse(course.id, course.version, { prerequisiteIds: ids }));
  const start = () => {
    setChosen(course.prerequisites.map((p) => p.id));
    setEditing(true);
  };
  if (editing)
    return (
      <Space wrap data-testid="prerequisites-editor">
        <Typography.Text strong>{t('courses.prerequisites.title')}</Typography.Text>
        <Select
          mode="multiple"
          aria-label={t('courses.prerequisites.title')}
          style={{ minWidth: 360 }}
          placeholder={t('courses.prerequisites.placeholder')}
          loading={choices.isLoading}
          value={chosen}
          onChange={setChosen}
          optionFilterProp="label"
          options={[
            // Chosen courses first, so they keep their titles while the list loads.
            ...course.prerequisites.map((p) => ({ value: p.id, label: p.title })),
            ...(choices.data?.items ?? [])
              .filter((c) => c.id !== course.id && !course.prerequisites.some((p) => p.id === c.id))
              .map((c) => ({ value: c.id, label: c.title })),
          ]}
        />
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(chosen, {
              onSuccess: () => {
                message.success(t('courses.prerequisites.saved'));
                setEditing(false);
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          {t('courses.prerequisites.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('courses.prerequisites.cancel')}</Button>
      </Space>
    );
  return (
    <Space wrap data-testid="prerequisites">
      <Typography.Text strong>{t('courses.prerequisites.title')}:</Typography.Text>
      {course.prerequisites.length === 0 && <Typography.Text type="secondary">{t('courses.prerequisites.none')}</Typography.Text>}
      {course.prerequisites.map((p) => (
        <Link key={p.id} to={`/courses/${p.id}`}>
          {p.title}
        </Link>
      ))}
      {canWrite && (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={start}>
          {t('courses.prerequisites.edit')}
        </Button>
      )}
    </Space>
  );
}
