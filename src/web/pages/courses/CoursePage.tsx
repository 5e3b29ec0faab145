import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { coursesApi, useCourse } from '../../api/courses.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CourseAdopt } from './CourseAdopt.tsx';
import { CourseEditions } from './CourseEditions.tsx';
import { CourseFork } from './CourseFork.tsx';
import { CourseOutline } from './CourseOutline.tsx';
import { CoursePrerequisites } from './CoursePrerequisites.tsx';
import { CoursePublish } from './CoursePublish.tsx';
import { CourseTeam } from './CourseTeam.tsx';
import { competencyLabel, STATUS_COLOURS } from './labels.ts';

const WRITERS = ['owner', 'co_author'];

/** One course: outline first (the teacher's daily work), then team, editions, fork and publishing. */
export default function CoursePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const course = useCourse(id);
  if (course.isLoading) return <FullPageSpin />;
  if (!course.data) return <ErrorAlert error={course.error} />;
  const c = course.data;
  const canWrite = !!c.myRole && WRITERS.includes(c.myRole);
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          <>
            <CourseAdopt course={c} />
            <Button icon={<DownloadOutlined />} href={coursesApi.exportUrl(c.id, '1.3')} data-testid="export-13">
              {t('courses.export.v13')}
            </Button>
            <Button icon={<DownloadOutlined />} href={coursesApi.exportUrl(c.id, '1.1')}>
              {t('courses.export.v11')}
            </Button>
          </>
        }
      >
        {c.summary}
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag color={STATUS_COLOURS[c.status]}>{t(`courses.status.${c.status}`)}</Tag>
        <Tag>{t(`courses.languages.${c.language}`)}</Tag>
        <Tag>{t(`courses.gradeBands.${c.gradeBand}`)}</Tag>
        {c.competencies.map((code) => (
          <Tag key={code} color="blue">
            {competencyLabel(code, language)}
          </Tag>
        ))}
      </Space>
      <div style={{ marginBottom: 16 }}>
        <CoursePrerequisites key={c.version} course={c} canWrite={canWrite} />
      </div>
      <Tabs
        items={[
          { key: 'outline', label: t('courses.tabs.outline'), children: <CourseOutline course={c} canWrite={canWrite} /> },
          { key: 'team', label: t('courses.tabs.team'), children: <CourseTeam course={c} /> },
          { key: 'editions', label: t('courses.tabs.editions'), children: <CourseEditions course={c} canWrite={canWrite} /> },
          ...(c.upstreamCourseId
            ? [{ key: 'fork', label: t('courses.tabs.fork'), children: <CourseFork course={c} canWrite={canWrite} /> }]
            : []),
          { key: 'publish', label: t('courses.tabs.publish'), children: <CoursePublish course={c} /> },
        ]}
      />
    </>
  );
}
