import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests, the example and the README blocks import the package by its name, as users do;
  // here that name means the sources, so the tests need no build of this package.
  resolve: {
    alias: { '@anneal/optim': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'optim',
    include: ['test/**/*.test.ts'],
    // Generous: CI runs several packages' suites at once on 2 cores; timings are never asserted.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
