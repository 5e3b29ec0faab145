import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'eb-config-'));

  it('defaults to the embedded database with the demo on, port 3000', () => {
    const c = loadConfig({ EDUBRIDGE_DATA_DIR: dir() });
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, demo: true, secureCookies: false });
  });

  it('keeps the demo off on PostgreSQL unless asked for', () => {
    expect(loadConfig({ EDUBRIDGE_DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false);
    expect(loadConfig({ EDUBRIDGE_DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h/db', EDUBRIDGE_DEMO: '1' }).demo).toBe(true);
  });

  it('generates a session secret once and keeps it in the data dir', () => {
    const d = dir();
    const a = loadConfig({ EDUBRIDGE_DATA_DIR: d }).sessionSecret;
    expect(loadConfig({ EDUBRIDGE_DATA_DIR: d }).sessionSecret).toBe(a);
    expect(readFileSync(path.join(d, 'session-secret'), 'utf8').trim()).toBe(a);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('marks cookies Secure when served over https', () => {
    expect(loadConfig({ EDUBRIDGE_DATA_DIR: dir(), PUBLIC_URL: 'https://edubridge.example.org' }).secureCookies).toBe(true);
  });
});
