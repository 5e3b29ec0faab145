import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const MyCoursesPage = lazy(() => import('./MyCoursesPage.tsx'));
const CoursePage = lazy(() => import('./CoursePage.tsx'));
const LessonPage = lazy(() => import('./LessonPage.tsx'));
const ProgressionPage = lazy(() => import('./ProgressionPage.tsx'));

/** The courses section (/courses/*): my courses and the progression map; course and lesson pages open from them. */
export default function CoursesPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/courses/progression') ? 'progression' : '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/courses/${key}` : '/courses')}
        options={[
          { value: '', label: t('courses.sections.mine') },
          { value: 'progression', label: t('courses.sections.progression') },
        ]}
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<MyCoursesPage />} />
          <Route path="progression" element={<ProgressionPage />} />
          <Route path=":id" element={<CoursePage />} />
          <Route path=":id/lessons/:lessonId" element={<LessonPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
