import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/graphs.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2020',
});
