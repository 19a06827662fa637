import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { DemoModules } from './train.js';

const PEERS = '@tensorflow/tfjs @anneal/tfjs';

/**
 * The install command that makes the demo's peers importable for the `anneal` being run, from where it is
 * installed: `script` is the executed file (`process.argv[1]`), `cwd` the working directory.
 *
 * - run by `npx` (a path under `_npx`): `npx -p @anneal/cli -p @anneal/tfjs -p @tensorflow/tfjs anneal demo`;
 * - installed in the project of `cwd` (under its `node_modules`): `npm install @tensorflow/tfjs @anneal/tfjs`;
 * - anywhere else, a global install: `npm install -g @tensorflow/tfjs @anneal/tfjs` (global packages are
 *   siblings of the CLI, so it finds them), or the peers installed in a project and `anneal demo` run there.
 */
export function installAdvice(script: string | undefined, cwd: string): string {
  let real = script ?? '';
  try {
    real = realpathSync(real);
  } catch {
    // not a file: keep the path as given
  }
  if (real.includes(`${sep}_npx${sep}`)) return `npx -p @anneal/cli -p @anneal/tfjs -p @tensorflow/tfjs anneal demo`;
  if (real.startsWith(join(cwd, 'node_modules') + sep)) return `npm install ${PEERS}`;
  return `npm install -g ${PEERS} (this anneal is installed globally, so are its peers), or npm install ${PEERS} in a project and run anneal demo from its folder`;
}

/** A module's namespace, or the CommonJS exports under `default` when the namespace only has that. */
function namespaceOf<T>(m: T & { default?: T }, probe: string): T {
  return (m as Record<string, unknown>)[probe] === undefined && m.default !== undefined ? m.default : m;
}

/** Imports both peers as this module resolves them, or else from the project in `cwd`. */
async function importPeers(cwd: string): Promise<[typeof import('@tensorflow/tfjs'), typeof import('@anneal/tfjs')]> {
  try {
    return [await import('@tensorflow/tfjs'), await import('@anneal/tfjs')];
  } catch (error) {
    if (!isNotFound(error)) throw error;
    // A global `anneal` run in a project that has the peers: use the project's.
    const fromCwd = createRequire(join(cwd, 'package.json'));
    const tfPath = fromCwd.resolve('@tensorflow/tfjs');
    const adapterPath = fromCwd.resolve('@anneal/tfjs');
    const tf = namespaceOf(await import(pathToFileURL(tfPath).href), 'tensor');
    const adapter = namespaceOf(await import(pathToFileURL(adapterPath).href), 'annealCallback');
    return [tf, adapter];
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * Loads `@tensorflow/tfjs` (pure JavaScript CPU backend, production mode so tfjs prints no banner) and
 * `@anneal/tfjs`. They are optional peer dependencies of the CLI: only the demo needs them. They are found
 * where the CLI is installed (its project, or the global folder beside a global install), else in the
 * project of the working directory.
 *
 * @throws {@link UsageError} with the install command that works for this `anneal` when either is missing.
 */
export async function loadDemoModules(script: string | undefined = process.argv[1], cwd: string = process.cwd()): Promise<DemoModules> {
  try {
    const [tf, annealTfjs] = await importPeers(cwd);
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    return { tf, annealTfjs };
  } catch (error) {
    if (isNotFound(error)) {
      throw new UsageError(`the demo needs @tensorflow/tfjs (4.x) and @anneal/tfjs: ${installAdvice(script, cwd)}`);
    }
    throw error;
  }
}
