// Module resolution hook for register.mjs: makes `@anneal/core` and its subpaths load a candidate build.
// `data.url` is a directory (a candidate `dist/`: `@anneal/core` is its index.js, `@anneal/core/<name>` its
// <name>.js) or one ESM file (then only `@anneal/core` is redirected, and importing a subpath fails
// instead of silently timing the installed build).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

let target;
/** The URL of the candidate's directory (of a one-file candidate: the directory it is in), with a trailing slash. */
let directory;

export function initialize(data) {
  target = data.url;
  if (target !== undefined) {
    const path = fileURLToPath(target);
    directory = pathToFileURL(join(statSync(path).isDirectory() ? path : dirname(path), '/')).href;
  }
}

export async function resolve(specifier, context, nextResolve) {
  // The candidate's own modules (its chunks) are ES modules, whatever package.json is (or is not) beside
  // them: without this, Node loads them through its CommonJS format detection, and stateful rows measured
  // 5-9x slower than the same build installed.
  if (target !== undefined && context.parentURL?.startsWith(directory)) {
    return { ...(await nextResolve(specifier, context)), format: 'module' };
  }
  if (target === undefined || (specifier !== '@anneal/core' && !specifier.startsWith('@anneal/core/'))) {
    return nextResolve(specifier, context);
  }
  const path = fileURLToPath(target);
  const name = specifier === '@anneal/core' ? 'index' : specifier.slice('@anneal/core/'.length);
  if (statSync(path).isDirectory()) {
    const file = join(path, `${name}.js`);
    if (!existsSync(file)) throw new Error(`--core ${path}: no ${name}.js for ${specifier}`);
    return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
  }
  if (name === 'index') return { url: target, format: 'module', shortCircuit: true };
  throw new Error(`--core ${path} is one file, which stands for '@anneal/core' only; ${specifier} needs a candidate directory (a built dist/)`);
}

