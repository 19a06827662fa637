import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // The tests spawn the built CLI (`node dist/cli.js`); the demo smoke test trains a tiny model.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
