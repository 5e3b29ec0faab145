import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { NotFoundPage } from '../pages/not-found/NotFoundPage.tsx';
import { RequireAuth, RequireNav } from './guards.tsx';
import { AppLayout } from './layout.tsx';

// Pages load on first visit, so the login page stays small on a slow school network.
const HomePage = lazy(() => import('../pages/home/HomePage.tsx'));
const ProfilePage = lazy(() => import('../pages/profile/ProfilePage.tsx'));
const SchoolsPage = lazy(() => import('../pages/schools/SchoolsPage.tsx'));
const ClassesPage = lazy(() => import('../pages/classes/ClassesPage.tsx'));
const UsersPage = lazy(() => import('../pages/users/UsersPage.tsx'));
const RosterImportPage = lazy(() => import('../pages/roster/RosterImportPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const GrowthPage = lazy(() => import('../pages/growth/GrowthPage.tsx'));
const PrivacyPages = lazy(() => import('../pages/privacy/PrivacyPages.tsx'));
const TrainingPages = lazy(() => import('../pages/training/TrainingPages.tsx'));
const NetworkPages = lazy(() => import('../pages/network/NetworkPages.tsx'));
const FederationPages = lazy(() => import('../pages/federation/FederationPages.tsx'));
const InsightsPages = lazy(() => import('../pages/insights/InsightsPages.tsx'));
const VerifyPage = lazy(() => import('../pages/training/VerifyPage.tsx'));
const LibraryPages = lazy(() => import('../pages/library/LibraryPages.tsx'));
const ContestsPages = lazy(() => import('../pages/contests/ContestsPages.tsx'));
const CoursesPages = lazy(() => import('../pages/courses/CoursesPages.tsx'));
const AssistantPages = lazy(() => import('../pages/assistant/AssistantPages.tsx'));
const NotificationsPage = lazy(() => import('../components/notifications/NotificationsPage.tsx'));

function page(navKey: string, element: ReactNode) {
  return (
    <RequireNav navKey={navKey}>
      <Suspense fallback={<FullPageSpin />}>{element}</Suspense>
    </RequireNav>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Certificate verification is public: whoever scans the QR code needs no account.
  {
    path: '/verify/:credentialId',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <VerifyPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page('home', <HomePage />) },
      { path: 'profile', element: page('profile', <ProfilePage />) },
      { path: 'schools', element: page('schools', <SchoolsPage />) },
      { path: 'classes', element: page('classes', <ClassesPage />) },
      { path: 'users', element: page('users', <UsersPage />) },
      { path: 'roster-import', element: page('roster', <RosterImportPage />) },
      { path: 'audit', element: page('audit', <AuditPage />) },
      { path: 'growth', element: page('growth', <GrowthPage />) },
      { path: 'data-sharing/*', element: page('sharing', <PrivacyPages />) },
      { path: 'training/*', element: page('training', <TrainingPages />) },
      { path: 'network/*', element: page('network', <NetworkPages />) },
      { path: 'federation/*', element: page('federation', <FederationPages />) },
      { path: 'insights/*', element: page('insights', <InsightsPages />) },
      { path: 'library/*', element: page('library', <LibraryPages />) },
      { path: 'contests/*', element: page('contests', <ContestsPages />) },
      { path: 'courses/*', element: page('courses', <CoursesPages />) },
      { path: 'assistant/*', element: page('assistant', <AssistantPages />) },
      // Everyone's own notifications: no menu entry (the header bell links here), so no nav guard.
      {
        path: 'notifications',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <NotificationsPage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
