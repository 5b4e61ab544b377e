import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers one file at a time (never two browsers at once).
export default defineConfig({
  test: {
    environment: 'node',
    globals: true,
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 120000,
    // A fresh machine's first page loads are slow: give polled expectations time (no test waits
    // this long when things work).
    expect: { poll: { timeout: 10000 } },
  },
});
