import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { AUTHOR_ROLES, REVIEWER_ROLES } from './labels.ts';

const LibraryHome = lazy(() => import('./LibraryHome.tsx'));
const SearchPage = lazy(() => import('./SearchPage.tsx'));
const ResourcePage = lazy(() => import('./ResourcePage.tsx'));
const ResourceFormPage = lazy(() => import('./ResourceFormPage.tsx'));
const MyResourcesPage = lazy(() => import('./MyResourcesPage.tsx'));
const ReviewQueuePage = lazy(() => import('./ReviewQueuePage.tsx'));
const CollectionsPage = lazy(() => import('./CollectionsPage.tsx'));

/**
 * The library section (/library/*): home, search, my resources, the review queue (reviewers) and
 * collections, switched by one row of buttons; resource pages and the form open from them.
 */
export default function LibraryPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const sections = [
    { key: '', show: true, label: 'home' },
    { key: 'search', show: true, label: 'search' },
    { key: 'mine', show: hasAnyRole(me, AUTHOR_ROLES), label: 'mine' },
    { key: 'reviews', show: hasAnyRole(me, REVIEWER_ROLES), label: 'reviews' },
    { key: 'collections', show: true, label: 'collections' },
    { key: 'new', show: hasAnyRole(me, AUTHOR_ROLES), label: 'new' },
  ].filter((s) => s.show);
  // On a resource page no section is current: the row then only offers ways out.
  const current =
    sections.find((s) => s.key && pathname.startsWith(`/library/${s.key}`))?.key ??
    (pathname.replace(/\/$/, '') === '/library' ? '' : 'none');
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => void navigate(key ? `/library/${key}` : '/library')}
        options={sections.map((s) => ({ value: s.key, label: t(`library.sections.${s.label}`) }))}
        data-testid="library-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<LibraryHome />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="mine" element={<MyResourcesPage />} />
          <Route path="reviews" element={<ReviewQueuePage />} />
          <Route path="collections" element={<CollectionsPage />} />
          <Route path="new" element={<ResourceFormPage />} />
          <Route path="resources/:id" element={<ResourcePage />} />
          <Route path="resources/:id/edit" element={<ResourceFormPage key="edit" />} />
        </Routes>
      </Suspense>
    </>
  );
}
