#!/usr/bin/env node
// Consumer install test. For every published package of the workspace:
//   1. `pnpm pack` it (workspace:^ ranges become real versions, `files` decides what ships);
//   2. install the tarballs into a fresh temporary project OUTSIDE the workspace with npm (no links),
//      beside the framework version named in the package's peer dependency range;
//   3. there: `import` it from ESM, `require` it from CJS, type-check a TypeScript file against the shipped
//      .d.ts with moduleResolution node16 and bundler, and run a tiny schedule; for @anneal/core, through
//      every subpath entry (checks.mjs);
//   4. load every entry of its `exports` from ESM and from CJS and check that each exported error class
//      names itself (`new X(...).name === 'X'`): bundlers rename classes;
//   5. list the tarball: LICENSE, README.md and every entry of `files` are in it.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checks, errorNames } from './checks.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const keep = process.argv.includes('--keep');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
}

/** Published packages: packages/* that are not private. */
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private && (only.length === 0 || only.includes(manifest.name)));

const work = mkdtempSync(join(tmpdir(), 'anneal-consumer-'));
const pnpm = ['--yes', 'pnpm@12.4.2'];
const tarballs = new Map();
for (const { dir, manifest } of packages) {
  if (!existsSync(join(dir, 'dist'))) throw new Error(`${manifest.name}: no dist/ (build first)`);
  const out = run('npx', [...pnpm, 'pack', '--pack-destination', work], dir).trim().split('\n').pop();
  tarballs.set(manifest.name, resolve(dir, out.includes('/') ? out : join(work, out)));
}

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`);
  }
}

for (const { manifest } of packages) {
  const name = manifest.name;
  const project = join(work, name.replace('/', '__'));
  run('mkdir', ['-p', project], work);
  const deps = { [name]: `file:${tarballs.get(name)}`, typescript: '5.9.3', '@types/node': '20.19.43' };
  // Workspace siblings come from their tarballs too, never from the registry.
  const overrides = {};
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (tarballs.has(dep)) {
      deps[dep] = `file:${tarballs.get(dep)}`;
      overrides[dep] = `file:${tarballs.get(dep)}`;
    }
  }
  for (const [peer, range] of Object.entries(manifest.peerDependencies ?? {})) {
    deps[peer] = tarballs.has(peer) ? `file:${tarballs.get(peer)}` : range;
    if (tarballs.has(peer)) overrides[peer] = `file:${tarballs.get(peer)}`;
  }
  // A sibling installed from its tarball brings @anneal/core from its tarball as well.
  if (Object.keys(overrides).length > 0 && tarballs.has('@anneal/core')) {
    deps['@anneal/core'] = `file:${tarballs.get('@anneal/core')}`;
    overrides['@anneal/core'] = `file:${tarballs.get('@anneal/core')}`;
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0', dependencies: deps, overrides }, null, 2));
  console.log(`${name}`);
  check('npm install of the packed tarball (no workspace links)', () => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project));
  check(`the tarball holds LICENSE, README.md and every entry of files (${manifest.files.join(', ')})`, () => {
    const listed = run('tar', ['-tzf', tarballs.get(name)], work).split('\n').map((f) => f.replace(/^package\//, ''));
    const missing = [...new Set(['LICENSE', 'README.md', 'package.json', ...manifest.files])].filter((f) => !listed.some((l) => l === f || l.startsWith(`${f}/`)));
    if (missing.length > 0) throw new Error(`missing from the tarball: ${missing.join(', ')}`);
    const license = readFileSync(join(project, 'node_modules', ...name.split('/'), 'LICENSE'), 'utf8');
    if (!license.startsWith('MIT License')) throw new Error('LICENSE is not the MIT license');
  });
  const c = checks(name);
  for (const [file, text] of Object.entries(c.files ?? {})) writeFileSync(join(project, file), text);
  writeFileSync(join(project, 'esm.mjs'), c.esm);
  writeFileSync(join(project, 'cjs.cjs'), c.cjs);
  writeFileSync(join(project, 'types.ts'), c.ts);
  // types.ts is CommonJS to TypeScript under node16 (no "type" in the project's package.json); a package's
  // checks may add types.mts, which resolves the `import` condition there.
  const typeFiles = ['types.ts'];
  if (c.mts !== undefined) {
    writeFileSync(join(project, 'types.mts'), c.mts);
    typeFiles.push('types.mts');
  }
  check('import from ESM and run', () => run('node', ['esm.mjs'], project));
  check('require from CJS and run', () => run('node', ['cjs.cjs'], project));
  const entries = Object.keys(manifest.exports ?? { '.': null })
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
  const named = errorNames(entries, name === '@anneal/core' ? 8 : 0);
  writeFileSync(join(project, 'errors.mjs'), named.esm);
  writeFileSync(join(project, 'errors.cjs'), named.cjs);
  check(`error classes name themselves, ESM (${entries.join(', ')})`, () => run('node', ['errors.mjs'], project));
  check(`error classes name themselves, CJS (${entries.join(', ')})`, () => run('node', ['errors.cjs'], project));
  for (const resolution of ['node16', 'bundler']) {
    const module = resolution === 'node16' ? 'node16' : 'esnext';
    writeFileSync(
      join(project, `tsconfig.${resolution}.json`),
      // Our .d.ts are checked fully; a framework peer's own declarations (tfjs) do not pass a strict check
      // themselves, so packages with peers skip library checking (their usage in types.ts is still checked).
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module, moduleResolution: resolution, target: 'es2022', types: ['node'], skipLibCheck: Object.keys(manifest.peerDependencies ?? {}).length > 0 }, files: typeFiles }),
    );
    check(`type-check against the shipped .d.ts (moduleResolution ${resolution})`, () => run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', `tsconfig.${resolution}.json`], project));
  }
}

if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
console.log(`\nconsumer: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
