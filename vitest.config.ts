import { defineConfig } from 'vitest/config';

// One runner for unit, integration and browser tests. Browser tests (e2e/) start the real server and
// drive Debian's Chromium; they skip loudly when Chromium is absent.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
