import type { Role } from '../../../shared/roles.ts';

/** Who sees which part of the assistant pages (the server's assistant.policy.ts decides; this only hides). */
export const STAFF_ROLES: readonly Role[] = ['teacher', 'principal', 'school_admin', 'researcher'];
export const ADMIN_ROLES: readonly Role[] = ['principal', 'school_admin', 'bureau_admin', 'platform_admin'];
export const PROVIDER_ADMIN_ROLES: readonly Role[] = ['bureau_admin', 'platform_admin'];
