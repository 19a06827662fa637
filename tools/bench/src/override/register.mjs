// Loaded with `node --import` by the workers when `pnpm bench -- --core <file>` is given: makes
// `import ... from '@anneal/core'` load <file> (an ESM build of a candidate core) instead.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const core = process.env.ANNEAL_BENCH_CORE;
if (core) register('./hooks.mjs', import.meta.url, { data: { url: pathToFileURL(core).href } });
