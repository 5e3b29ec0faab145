import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BulbOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  GlobalOutlined,
  HomeOutlined,
  ReadOutlined,
  RobotOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../shared/roles.ts';
import type { Me } from '../api/types.ts';

/**
 * The one list of places in the app. The side menu, the home page's "what you can do" and the route guard
 * all read it, so a module lands by adding its entry here (and its route in router.tsx) and flipping
 * `ready`. Entries that are not ready stay hidden: no dead links for busy teachers.
 */
export interface NavEntry {
  key: string;
  path: string;
  /** i18n key of the menu label; `nav.<key>.hint` describes it on the home page. */
  labelKey: string;
  icon: ReactNode;
  /** Who sees it; `'everyone'` is every signed-in user. */
  roles: readonly Role[] | 'everyone';
  /** Menu group: `main` for daily work, `admin` for administration. */
  group: 'main' | 'admin';
  ready: boolean;
}

const SCHOOL_ADMINS: readonly Role[] = ['school_admin', 'bureau_admin', 'platform_admin'];
const AUDIT_READERS: readonly Role[] = ['platform_admin', 'bureau_admin', 'data_steward', 'school_admin', 'principal'];

export const NAV: readonly NavEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, roles: 'everyone', group: 'main', ready: true },
  { key: 'library', path: '/library', labelKey: 'nav.library', icon: <BookOutlined />, roles: 'everyone', group: 'main', ready: true },
  { key: 'courses', path: '/courses', labelKey: 'nav.courses', icon: <ReadOutlined />, roles: 'everyone', group: 'main', ready: true },
  {
    key: 'training',
    path: '/training',
    labelKey: 'nav.training',
    icon: <SolutionOutlined />,
    roles: ['teacher', 'researcher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'],
    group: 'main',
    ready: true,
  },
  {
    key: 'network',
    path: '/network',
    labelKey: 'nav.network',
    icon: <ShareAltOutlined />,
    roles: ['teacher', 'researcher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'],
    group: 'main',
    ready: true,
  },
  {
    key: 'federation',
    path: '/federation',
    labelKey: 'nav.federation',
    icon: <GlobalOutlined />,
    roles: 'everyone',
    group: 'main',
    ready: true,
  },
  {
    key: 'contests',
    path: '/contests',
    labelKey: 'nav.contests',
    icon: <TrophyOutlined />,
    roles: 'everyone',
    group: 'main',
    ready: true,
  },
  {
    key: 'growth',
    path: '/growth',
    labelKey: 'nav.growth',
    icon: <BulbOutlined />,
    roles: ['student', 'teacher', 'principal', 'bureau_admin', 'platform_admin'],
    group: 'main',
    ready: true,
  },
  {
    key: 'assistant',
    path: '/assistant',
    labelKey: 'nav.assistant',
    icon: <RobotOutlined />,
    roles: ['student', 'teacher', 'researcher', 'principal', 'school_admin', 'bureau_admin', 'platform_admin'],
    group: 'main',
    ready: true,
  },
  {
    key: 'insights',
    path: '/insights',
    labelKey: 'nav.insights',
    icon: <DashboardOutlined />,
    roles: ['principal', 'school_admin', 'bureau_admin', 'platform_admin', 'data_steward'],
    group: 'main',
    ready: true,
  },
  {
    key: 'sharing',
    path: '/data-sharing',
    labelKey: 'nav.sharing',
    icon: <ApartmentOutlined />,
    roles: ['data_steward', 'bureau_admin', 'platform_admin', 'researcher'],
    group: 'admin',
    ready: true,
  },
  { key: 'schools', path: '/schools', labelKey: 'nav.schools', icon: <BankOutlined />, roles: SCHOOL_ADMINS, group: 'admin', ready: true },
  { key: 'classes', path: '/classes', labelKey: 'nav.classes', icon: <TeamOutlined />, roles: SCHOOL_ADMINS, group: 'admin', ready: true },
  {
    key: 'users',
    path: '/users',
    labelKey: 'nav.users',
    icon: <UsergroupAddOutlined />,
    roles: SCHOOL_ADMINS,
    group: 'admin',
    ready: true,
  },
  {
    key: 'roster',
    path: '/roster-import',
    labelKey: 'nav.roster',
    icon: <CloudUploadOutlined />,
    roles: SCHOOL_ADMINS,
    group: 'admin',
    ready: true,
  },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, roles: AUDIT_READERS, group: 'admin', ready: true },
  { key: 'profile', path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined />, roles: 'everyone', group: 'main', ready: true },
];

export function rolesOf(me: Pick<Me, 'memberships'> | null | undefined): Set<Role> {
  return new Set((me?.memberships ?? []).map((m) => m.role));
}

export function hasAnyRole(me: Pick<Me, 'memberships'> | null | undefined, roles: readonly Role[]): boolean {
  const held = rolesOf(me);
  return roles.some((role) => held.has(role));
}

/** The entries this user may open, in menu order. */
export function visibleNav(me: Pick<Me, 'memberships'> | null | undefined): NavEntry[] {
  return NAV.filter((entry) => entry.ready && (entry.roles === 'everyone' || hasAnyRole(me, entry.roles)));
}

export function navEntry(key: string): NavEntry {
  const entry = NAV.find((e) => e.key === key);
  if (!entry) throw new Error(`unknown nav entry ${key}`);
  return entry;
}
