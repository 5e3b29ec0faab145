import { Segmented } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { ADMIN_ROLES, STAFF_ROLES } from './labels.ts';

const HomePage = lazy(() => import('./HomePage.tsx'));
const ChatPage = lazy(() => import('./ChatPage.tsx'));
const ToolPage = lazy(() => import('./ToolPage.tsx'));
const HistoryPage = lazy(() => import('./HistoryPage.tsx'));
const SettingsPage = lazy(() => import('./SettingsPage.tsx'));
const AssessedPage = lazy(() => import('./AssessedPage.tsx'));

/** The assistant (/assistant/*): tools and chat for staff, the tutor for students, settings for admins. */
export default function AssistantPages() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const sections = [
    ...(hasAnyRole(me, STAFF_ROLES) ? ['', 'chat'] : []),
    ...(hasAnyRole(me, ['student']) ? ['tutor'] : []),
    'history',
    ...(hasAnyRole(me, ['teacher']) ? ['assessed'] : []),
    ...(hasAnyRole(me, ADMIN_ROLES) ? ['settings'] : []),
  ];
  const current = sections.find((s) => s && pathname.startsWith(`/assistant/${s}`)) ?? (pathname.startsWith('/assistant/tools') ? '' : '');
  return (
    <>
      <Segmented
        style={{ marginBottom: 16 }}
        value={current}
        onChange={(key) => navigate(key ? `/assistant/${key}` : '/assistant')}
        options={sections.map((s) => ({ value: s, label: t(`assistant.sections.${s || 'home'}`) }))}
        data-testid="assistant-sections"
      />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route index element={hasAnyRole(me, STAFF_ROLES) ? <HomePage /> : <ChatPage mode="tutor" />} />
          <Route path="chat" element={<ChatPage mode="chat" />} />
          <Route path="tutor" element={<ChatPage mode="tutor" />} />
          <Route path="tools/:tool" element={<ToolPage />} />
          <Route path="history" element={<HistoryPage />} />
          <Route path="history/:id" element={<HistoryPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="assessed" element={<AssessedPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
