import { defineConfig } from 'vitest/config';

// Browser end-to-end tests of the built site: one file, one browser, run serially.
export default defineConfig({
  test: {
    name: 'site',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
