import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/me.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { hasAnyRole, navEntry } from './navigation.tsx';

/**
 * Lets only signed-in users through. A user who must change their password (new account, reset) is held
 * on the profile page until they do: the server refuses other work with AUTH_PASSWORD_CHANGE_REQUIRED.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <ErrorAlert error={error} style={{ margin: 24 }} />;
  if (!me) {
    const from = location.pathname + location.search;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/profile') return <Navigate to="/profile" replace />;
  return children;
}

/**
 * Hides a page from users whose roles do not open it (the menu already hides the link). The server checks
 * again on every call; this only spares the user an empty page of errors.
 */
export function RequireNav({ navKey, children }: { navKey: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const entry = navEntry(navKey);
  if (entry.roles !== 'everyone' && !hasAnyRole(me, entry.roles)) {
    return <Result status="403" title={t('errors.FORBIDDEN')} subTitle={t('shell.noAccess')} />;
  }
  return children;
}
