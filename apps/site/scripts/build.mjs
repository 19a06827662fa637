#!/usr/bin/env node
// The site's build: the reference from the descriptors (docs/reference/), the API pages of the other
// entry points from their TSDoc (docs/api/), then `docusaurus build` into build/.
import { generateApiDocs } from './api-docs.mjs';
import { generateReference } from './reference.mjs';
import { docusaurus } from './docusaurus.mjs';

const started = Date.now();
generateReference();
await generateApiDocs();
const code = docusaurus(['build', '--out-dir', 'build']);
console.log(`site build: ${code === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
