#!/usr/bin/env node
// Runs a workspace script with the pnpm version pinned in package.json#packageManager,
// on a machine that has only Node and npm. It installs dependencies from the frozen
// lockfile first, so `npm test` on a fresh clone does everything.
//
// Usage: node scripts/bootstrap.mjs run <script> [args...]
//        node scripts/bootstrap.mjs exec <pnpm args...>
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(manifest.packageManager ?? '');
if (!match) {
  console.error(`bootstrap: package.json#packageManager must be "pnpm@x.y.z", got ${JSON.stringify(manifest.packageManager)}`);
  process.exit(2);
}
const pnpmVersion = match[1];

/** Runs pnpm (through npx, so no global install is needed) and exits on failure. */
function pnpm(args) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['--yes', `pnpm@${pnpmVersion}`, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.error) {
    console.error(`bootstrap: could not start pnpm@${pnpmVersion}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode !== 'run' && mode !== 'exec') {
  console.error('usage: node scripts/bootstrap.mjs run <script> [args...] | exec <pnpm args...>');
  process.exit(2);
}
pnpm(['install', '--frozen-lockfile']);
pnpm(mode === 'run' ? ['run', ...rest] : rest);
