import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CourseView } from '../../../shared/api/courses.ts';
import { EDITION_LANGUAGES, type EditionLanguage } from '../../../shared/courses.ts';
import { coursesApi, useCoursesAction } from '../../api/courses.ts';
import { useErrorText } from '../../components/useErrorText.ts';

/** Linked editions in 简体 / 繁體 / English: a new edition starts as a converted copy the team then revises. */
export function CourseEditions({ course, canWrite }: { course: CourseView; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const create = useCoursesAction((language: EditionLanguage) => coursesApi.createEdition(course.id, language));
  const taken = new Set([course.language, ...course.editions.map((e) => e.language)]);
  const missing = EDITION_LANGUAGES.filter((l) => !taken.has(l));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <List
        dataSource={course.editions.filter((e) => e.id !== course.id)}
        locale={{ emptyText: t('courses.editions.empty') }}
        renderItem={(e) => (
          <List.Item>
            <Link to={`/courses/${e.id}`}>{e.title}</Link>
            <Tag>{t(`courses.languages.${e.language}`)}</Tag>
          </List.Item>
        )}
      />
      {canWrite && missing.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('courses.editions.hint')}</Typography.Text>
          <Space wrap>
            {missing.map((language) => (
              <Button
                key={language}
                loading={create.isPending && create.variables === language}
                onClick={() =>
                  create.mutate(language, {
                    onSuccess: (edition) => navigate(`/courses/${edition.id}`),
                    onError: (e) => message.error(errorText(e)),
                  })
                }
              >
                {t('courses.editions.create', { language: t(`courses.languages.${language}`) })}
              </Button>
            ))}
          </Space>
        </>
      )}
    </Space>
  );
}
