/** Audit action names the server writes (docs/api.md, "Audit"); offered as filter suggestions. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.password_reset',
  'user.unlock',
  'membership.create',
  'membership.delete',
  'school.create',
  'school.update',
  'class.create',
  'roster.import_commit',
  'api_client.create',
] as const;
