import { defineConfig } from 'vitest/config';

// One config for the whole workspace: `npx vitest` at the root runs every package's tests;
// each package also runs its own with `pnpm --filter <name> test`.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
