import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useLogoutEverywhere, useMe } from '../api/me.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/notifications/NotificationBell.tsx';
import { useErrorText } from '../components/useErrorText.ts';
import { visibleNav } from './navigation.tsx';

/** The frame around every signed-in page: product name, language, user menu, and the role-aware menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const logout = useLogout();
  const logoutAll = useLogoutEverywhere();
  const [collapsed, setCollapsed] = useState(false);

  const entries = visibleNav(me);
  const groups = (['main', 'admin'] as const)
    .map((group) => ({ group, items: entries.filter((e) => e.group === group) }))
    .filter((g) => g.items.length > 0);
  const menuItems: MenuProps['items'] = groups.map(({ group, items }) => ({
    type: 'group' as const,
    key: group,
    label: collapsed ? null : t(`nav.groups.${group}`),
    children: items.map((e) => ({ key: e.path, icon: e.icon, label: t(e.labelKey) })),
  }));
  const selected =
    entries
      .map((e) => e.path)
      .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  const signOut = (everywhere: boolean) => {
    const mutation = everywhere ? logoutAll : logout;
    mutation.mutate(undefined, {
      onSuccess: () => {
        void message.success(t(everywhere ? 'shell.loggedOutEverywhere' : 'shell.loggedOut'));
        void navigate('/login', { replace: true });
      },
      onError: (error) => void message.error(errorText(error)),
    });
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: t('shell.profile') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout') },
      { key: 'logout-all', icon: <PoweroffOutlined />, label: t('shell.logoutEverywhere'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'profile') void navigate('/profile');
      if (key === 'logout') signOut(false);
      if (key === 'logout-all') signOut(true);
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 20, background: '#0b3c5d' }}>
        <Typography.Link onClick={() => void navigate('/')} style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch size="small" />
        <NotificationBell />
        <Dropdown menu={userMenu} trigger={['click']}>
          <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
            <UserOutlined />
            <span>{me?.displayName}</span>
            <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" width={220} breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={menuItems}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
