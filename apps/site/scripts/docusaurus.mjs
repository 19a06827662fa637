#!/usr/bin/env node
// Runs the Docusaurus CLI with everything that could reach the network switched off
// (its update check), so `build`, `start` and `serve` work offline.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(site, 'package.json'));
const bin = join(dirname(require.resolve('@docusaurus/core/package.json')), 'bin', 'docusaurus.mjs');

/** Runs `docusaurus <args>` in the site folder; returns the exit code. */
export function docusaurus(args) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: site,
    stdio: 'inherit',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', DOCUSAURUS_NO_UPDATE_NOTIFIER: '1', BROWSERSLIST_IGNORE_OLD_DATA: '1' },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(docusaurus(process.argv.slice(2)));
}
