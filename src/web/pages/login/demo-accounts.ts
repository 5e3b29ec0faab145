/**
 * The demo node's seeded accounts. The server deliberately exposes no list of accounts, so the hint box
 * shows this fixed list; a later release makes it configurable per node (and off in production).
 */
export const DEMO_PASSWORD = 'edubridge-demo';

export const DEMO_ACCOUNTS = [
  { username: 'demo-admin', labelKey: 'login.demo.accounts.demoAdmin' },
  { username: 'gd-bureau', labelKey: 'login.demo.accounts.gdBureau' },
  { username: 'hk-steward', labelKey: 'login.demo.accounts.hkSteward' },
  { username: 'gd-school-admin', labelKey: 'login.demo.accounts.gdSchoolAdmin' },
  { username: 'hk-school-admin', labelKey: 'login.demo.accounts.hkSchoolAdmin' },
  { username: 'gd-principal', labelKey: 'login.demo.accounts.gdPrincipal' },
  { username: 'hk-principal', labelKey: 'login.demo.accounts.hkPrincipal' },
  { username: 'gd-teacher', labelKey: 'login.demo.accounts.gdTeacher' },
  { username: 'hk-teacher', labelKey: 'login.demo.accounts.hkTeacher' },
  { username: 'mo-teacher', labelKey: 'login.demo.accounts.moTeacher' },
  { username: 'hb-teacher', labelKey: 'login.demo.accounts.hbTeacher' },
  { username: 'gd-student', labelKey: 'login.demo.accounts.gdStudent' },
  { username: 'hk-student', labelKey: 'login.demo.accounts.hkStudent' },
] as const;
