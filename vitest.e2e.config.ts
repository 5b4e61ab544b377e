import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers one file at a time (never two browsers at once).
export default defineConfig({
  test: {
    environment: 'node',
    globals: true,
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // One process for every file, its modules loaded once (Playwright, puppeteer, the fixture
    // server): each file still launches its own browsers with fresh profiles, so no state is shared.
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    isolate: false,
    testTimeout: 60000,
    hookTimeout: 120000,
    // A fresh machine's first page loads are slow: give polled expectations time (no test waits
    // this long when things work).
    expect: { poll: { timeout: 10000 } },
  },
});
