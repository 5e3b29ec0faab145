import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const HomePage = lazy(() => import('./HomePage.tsx'));
const DirectoryPage = lazy(() => import('./DirectoryPage.tsx'));
const SchoolPage = lazy(() => import('./SchoolPage.tsx'));
const PairsPage = lazy(() => import('./PairsPage.tsx'));
const PairPage = lazy(() => import('./PairPage.tsx'));
const ProjectsPage = lazy(() => import('./ProjectsPage.tsx'));
const ProjectPage = lazy(() => import('./ProjectPage.tsx'));
const ExpertsPage = lazy(() => import('./ExpertsPage.tsx'));

/** The network section (/network/*): home, schools, my pairs, projects and experts, switched by one row of buttons. */
export default function NetworkPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections = ['', 'schools', 'pairs', 'projects', 'experts'];
  const current = sections.find((s) => s && pathname.startsWith(`/network/${s}`)) ?? '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/network/${key}` : '/network')}
        options={sections.map((s) => ({ value: s, label: t(`network.sections.${s || 'home'}`) }))}
        data-testid="network-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="schools" element={<DirectoryPage />} />
          <Route path="schools/:id" element={<SchoolPage />} />
          <Route path="pairs" element={<PairsPage />} />
          <Route path="pairs/:id" element={<PairPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:id" element={<ProjectPage />} />
          <Route path="experts" element={<ExpertsPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
