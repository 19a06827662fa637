import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // The examples import the package by its published name, as a user's code would.
    alias: {
      '@anneal/onnxruntime-web/graphs': fileURLToPath(new URL('./src/graphs.ts', import.meta.url)),
      '@anneal/onnxruntime-web': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    name: 'onnxruntime-web',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Loading the wasm runtime takes a moment on a 2-core machine; the training runs take a few seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
