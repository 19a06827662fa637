import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // The README example imports the package by name; tests run it against the sources.
    alias: { '@anneal/tfjs': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'tfjs',
    include: ['test/**/*.test.ts'],
    // TensorFlow.js's CPU backend is plain JavaScript: training tests take a few seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
