import { defineConfig } from 'tsup';

export default defineConfig({
  // One line per public entry: `dist/<key>.js`, `.cjs`, `.d.ts` and `.d.cts` are built from it (code shared
  // by several entries goes into chunks, so the error classes have one identity per format). Adding an entry
  // (e.g. `meta: 'src/meta.ts'`) is this line plus, in package.json, its `./<key>` block in `exports` and its
  // `<key>` line in `typesVersions` (TypeScript's node10 resolution ignores `exports`).
  entry: {
    index: 'src/index.ts',
    schedulers: 'src/schedulers.ts',
    json: 'src/json.ts',
    replay: 'src/replay.ts',
    meta: 'src/meta.ts',
    adapter: 'src/adapter.ts',
  },
  format: ['esm', 'cjs'],
  // Shared code in chunks for CJS as well as ESM: without it each CJS entry would carry its own copy of
  // the error classes, and `instanceof` across `@anneal/core` and `@anneal/core/json` would fail.
  splitting: true,
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2020',
});
