import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.ts';
import { NAV, visibleNav } from './navigation.tsx';

const as = (...roles: Role[]) => ({ memberships: roles.map((role) => ({ role }) as never) });
const keys = (...roles: Role[]) => visibleNav(as(...roles)).map((e) => e.key);

describe('the side menu follows the roles', () => {
  const PEOPLE_PAGES = ['schools', 'classes', 'users', 'roster'];

  it('everyone has home and profile', () => {
    for (const role of ['student', 'teacher', 'platform_admin'] as const) {
      expect(keys(role)).toEqual(expect.arrayContaining(['home', 'profile']));
    }
  });

  it('a teacher or a student sees no administration', () => {
    for (const role of ['student', 'teacher'] as const) {
      expect(keys(role).filter((k) => [...PEOPLE_PAGES, 'audit'].includes(k))).toEqual([]);
    }
  });

  it('a school admin sees the people pages and the audit log', () => {
    expect(keys('school_admin')).toEqual(expect.arrayContaining([...PEOPLE_PAGES, 'audit']));
  });

  it('a principal and a data steward read the audit log but do not manage people', () => {
    for (const role of ['principal', 'data_steward'] as const) {
      expect(keys(role)).toContain('audit');
      expect(keys(role).filter((k) => PEOPLE_PAGES.includes(k))).toEqual([]);
    }
  });

  it('a module that has not landed stays hidden rather than showing a dead link', () => {
    const notReady = NAV.filter((e) => !e.ready).map((e) => e.key);
    expect(keys('platform_admin', 'teacher', 'student').filter((k) => notReady.includes(k))).toEqual([]);
  });
});
