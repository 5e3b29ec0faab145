import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { DASHBOARD_ROLES, ORGANISER_ROLES } from './labels.ts';

const CataloguePage = lazy(() => import('./CataloguePage.tsx'));
const ProgrammePage = lazy(() => import('./ProgrammePage.tsx'));
const MyLearningPage = lazy(() => import('./MyLearningPage.tsx'));
const OrganiserPage = lazy(() => import('./OrganiserPage.tsx'));
const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const CheckInPage = lazy(() => import('./CheckInPage.tsx'));

/**
 * The training section (/training/*): catalogue, my learning, the organiser console and the dashboard,
 * switched by one row of buttons; a programme page and the QR check-in page open from them.
 */
export default function TrainingPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const sections = [
    { key: '', label: 'training.sections.catalogue', show: true },
    { key: 'me', label: 'training.sections.mine', show: true },
    { key: 'organise', label: 'training.sections.organise', show: hasAnyRole(me, ORGANISER_ROLES) },
    { key: 'dashboard', label: 'training.sections.dashboard', show: hasAnyRole(me, DASHBOARD_ROLES) },
  ].filter((s) => s.show);
  const current = sections.find((s) => s.key && pathname.startsWith(`/training/${s.key}`))?.key ?? '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/training/${key}` : '/training')}
        options={sections.map((s) => ({ value: s.key, label: t(s.label) }))}
        data-testid="training-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<CataloguePage />} />
          <Route path="programmes/:id" element={<ProgrammePage />} />
          <Route path="me" element={<MyLearningPage />} />
          <Route path="organise" element={<OrganiserPage />} />
          <Route path="organise/:id" element={<OrganiserPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="check-in" element={<CheckInPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
