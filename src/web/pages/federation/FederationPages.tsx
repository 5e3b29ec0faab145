import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';

const ItemsPage = lazy(() => import('./ItemsPage.tsx'));
const ItemPage = lazy(() => import('./ItemPage.tsx'));
const PeersPage = lazy(() => import('./PeersPage.tsx'));
const HeldCard = lazy(() => import('./HeldCard.tsx').then((m) => ({ default: m.HeldCard })));

/** The federation section (/federation/*): items shared by partner nodes; peers and feed health for node admins. */
export default function FederationPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const sections = [
    '',
    ...(hasAnyRole(me, ['platform_admin']) ? ['peers'] : []),
    ...(hasAnyRole(me, ['platform_admin', 'data_steward']) ? ['held'] : []),
  ];
  const current = sections.find((s) => s && pathname.startsWith(`/federation/${s}`)) ?? '';
  return (
    <>
      {sections.length > 1 && (
        <Segmented
          style={{ marginBottom: 16 }}
          value={current}
          onChange={(key) => navigate(key ? `/federation/${key}` : '/federation')}
          options={sections.map((s) => ({ value: s, label: t(`federation.sections.${s || 'items'}`) }))}
        />
      )}
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={<ItemsPage />} />
          <Route path="items/:id" element={<ItemPage />} />
          <Route path="peers" element={<PeersPage />} />
          <Route path="held" element={<HeldCard />} />
        </Routes>
      </Suspense>
    </>
  );
}
