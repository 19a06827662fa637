import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    // Generous: CI runs several packages' suites at once on 2 cores; timings are never asserted.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
