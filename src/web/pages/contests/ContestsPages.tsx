import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const ContestListPage = lazy(() => import('./ContestListPage.tsx'));
const ContestPage = lazy(() => import('./ContestPage.tsx'));
const EntryPage = lazy(() => import('./EntryPage.tsx'));
const EventsPage = lazy(() => import('./EventsPage.tsx'));

/**
 * The contests section (/contests/*): competitions and events, switched by one row of buttons; a contest
 * page (with its judge and organiser consoles) and an entry (team) page open from the list.
 */
export default function ContestsPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/contests/events') ? 'events' : '';
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/contests/${key}` : '/contests')}
        options={[
          { value: '', label: t('contests.sections.contests') },
          { value: 'events', label: t('contests.sections.events') },
        ]}
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<ContestListPage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path=":id" element={<ContestPage />} />
          <Route path=":id/entries/:entryId" element={<EntryPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
