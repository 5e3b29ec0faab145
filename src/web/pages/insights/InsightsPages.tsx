import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const SchoolDataPage = lazy(() => import('./SchoolDataPage.tsx'));
const CataloguePage = lazy(() => import('./CataloguePage.tsx'));
const ComparePage = lazy(() => import('./ComparePage.tsx'));

/** The insights section (/insights/*): bureau dashboard, school data entry, indicator catalogue, comparisons. */
export default function InsightsPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const sections = ['', 'school', 'catalogue', ...(hasAnyRole(me, ['bureau_admin', 'platform_admin', 'data_steward']) ? ['compare'] : [])];
  const current = sections.find((s) => s && pathname.startsWith(`/insights/${s}`)) ?? '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/insights/${key}` : '/insights')}
        options={sections.map((s) => ({ value: s, label: t(`insights.sections.${s || 'dashboard'}`) }))}
        data-testid="insights-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="school" element={<SchoolDataPage />} />
          <Route path="catalogue" element={<CataloguePage />} />
          <Route path="compare" element={<ComparePage />} />
        </Routes>
      </Suspense>
    </>
  );
}
