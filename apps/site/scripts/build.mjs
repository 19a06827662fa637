#!/usr/bin/env node
// The site's build: the API reference from the packages' TSDoc, then `docusaurus build` into build/.
import { generateApiDocs } from './api-docs.mjs';
import { docusaurus } from './docusaurus.mjs';

const started = Date.now();
await generateApiDocs();
const code = docusaurus(['build', '--out-dir', 'build']);
console.log(`site build: ${code === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
