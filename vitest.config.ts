import { defineConfig } from 'vitest/config';

// One runner for unit, integration and browser tests. Browser tests (e2e/) start the real server and
// drive Debian's Chromium; they skip loudly when Chromium is absent.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // Timeouts catch hangs, not slowness: CI boxes are shared and two cores run a database, a browser and
    // the server at once. Speed is measured in bench/, never here.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // expect.poll waits for the UI or a job to catch up; its 1 s default fails a browser step on a loaded box.
    expect: { poll: { timeout: 60_000 } },
    pool: 'forks',
    reporters: ['default'],
  },
});
