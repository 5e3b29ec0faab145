import type { Role } from '../../../shared/roles.ts';

/** Who may read the audit log; each reads only what their place in the tree encloses. */
export const auditPolicy = {
  read: ['platform_admin', 'bureau_admin', 'data_steward', 'school_admin', 'principal'] as readonly Role[],
  verify: ['platform_admin'] as readonly Role[],
};
