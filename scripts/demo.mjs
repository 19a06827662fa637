#!/usr/bin/env node
// `npm run demo`, the README's first command: on a fresh clone with only Node and npm, it installs the
// workspace (the pinned pnpm, frozen lockfile, through scripts/bootstrap.mjs), builds the `anneal` CLI and
// what it needs (@anneal/core, @anneal/tfjs), then runs `anneal demo`: a small TensorFlow.js model trained
// three times (constant rate, cosine annealing, SGDR with warmup), charted in the terminal, with an HTML
// report written to the directory npm was run from.
//
// Arguments after `--` go to `anneal demo`: npm run demo -- --epochs 10 --out /tmp/report.html
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', npm_config_update_notifier: 'false' };

/** Runs a command, exits with its status when it fails. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.error) {
    console.error(`demo: could not start ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('demo: installing the workspace (pinned pnpm, frozen lockfile) and building the anneal CLI...');
run(process.execPath, [
  join(root, 'scripts/bootstrap.mjs'),
  'exec',
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=@anneal/cli',
  '--output-logs=errors-only',
], root);
console.log('');
// npm sets INIT_CWD to the directory `npm run demo` was typed in: the report lands there.
run(process.execPath, [join(root, 'packages/cli/dist/cli.js'), 'demo', ...process.argv.slice(2)], process.env.INIT_CWD ?? process.cwd());
