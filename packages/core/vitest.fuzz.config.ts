import { defineProject } from 'vitest/config';

// The fuzz suite: `pnpm --filter @anneal/core fuzz` (FUZZ_RUNS=100000 by default there); CI runs it
// with fewer inputs through the `test:fuzz` script.
export default defineProject({
  test: {
    name: 'core-fuzz',
    include: ['fuzz/**/*.fuzz.test.ts'],
    testTimeout: 30 * 60 * 1000,
  },
});
