import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The operator's command, run as an operator would: a child process on a data dir. */
function edubridge(dataDir: string, args: string[], input?: string) {
  return spawnSync(process.execPath, ['bin/edubridge.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, EDUBRIDGE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    input,
    encoding: 'utf8',
    // A fresh Node compiling the server and migrating PGlite: seconds idle, minutes on a loaded CI box.
    timeout: 400_000,
  });
}

describe('the edubridge command', () => {
  it('creates the first admin, and audit verify catches an altered entry', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'eb-cli-'));
    const created = edubridge(
      dataDir,
      ['admin', 'create', '--username', 'first-admin', '--jurisdiction', 'HK,MO', '--password-stdin'],
      'a-long-enough-secret\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created first-admin');
    expect(edubridge(dataDir, ['admin', 'create', '--username', 'first-admin']).status).toBe(1);

    const ok = edubridge(dataDir, ['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries/);

    const db = await PGlite.create(path.join(dataDir, 'pglite'));
    await db.query(`update audit_entries set details = '{"username":"someone-else"}' where action = 'user.create_admin'`);
    await db.close();
    const broken = edubridge(dataDir, ['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BROKEN');
  }, 1_500_000);

  it('refuses a bad environment with a clear message', () => {
    const r = spawnSync(process.execPath, ['bin/edubridge.js', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 400_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
  }, 450_000);
});
