/**
 * Bundle sizes the way a user's bundler sees them: esbuild bundles an entry that imports from
 * `@anneal/core` or one of its subpaths (the built `dist/*.js`, resolved through the package's `exports`),
 * tree-shaken and minified; the output is gzipped (level 9) and brotli-compressed (for information).
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import type { SizeEntry } from './entries.js';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORE_DIR = resolve(PACKAGE_DIR, '../../packages/core');
const CORE_SRC = resolve(CORE_DIR, 'src/index.ts');

/** Core's subpath entries (`json`, `replay`, ...), read from its package.json `exports`. */
const CORE_SUBPATHS: readonly string[] = Object.keys(
  (JSON.parse(readFileSync(join(CORE_DIR, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports,
)
  .filter((key) => key.startsWith('./') && key !== './package.json')
  .map((key) => key.slice(2));

/**
 * esbuild aliases that make `@anneal/core` and its subpaths load `dir/<index|name><ext>` instead of the
 * built package: core's sources (`src/<name>.ts`, the convention of its tsup entries) or a candidate
 * build. A candidate without a file for a subpath leaves that subpath on the built package.
 */
function coreAliases(indexFile: string, ext: string): Record<string, string> {
  const aliases: Record<string, string> = { '@anneal/core': indexFile };
  for (const name of CORE_SUBPATHS) {
    const file = join(dirname(indexFile), `${name}${ext}`);
    if (existsSync(file)) aliases[`@anneal/core/${name}`] = file;
  }
  return aliases;
}

/** One source module's share of a bundle (minified, before compression). */
export interface ModuleShare {
  /** Path relative to `packages/core/src`. */
  module: string;
  bytes: number;
}

/** Sizes of one entry. */
export interface SizeResult {
  id: string;
  title: string;
  /** Minified bundle, bytes. */
  minified: number;
  /** Minified + gzip -9, bytes: the budgeted figure. */
  gzip: number;
  /** Minified + brotli (quality 11), bytes. */
  brotli: number;
  /** The issue's target, bytes (`null`: none). */
  targetBytes: number | null;
  /** `gzip <= targetBytes`; `null` without a target. */
  met: boolean | null;
  /** The CI limit, bytes (`null`: none). */
  limitBytes: number | null;
  /** `gzip <= limitBytes`; `null` without a limit. */
  withinLimit: boolean | null;
  /**
   * The same entry bundled from core's TypeScript sources, split by module: which files a tree-shaken
   * import pulls in. Largest first.
   */
  modules: ModuleShare[];
}

async function bundle(code: string, alias: Record<string, string> | undefined): Promise<{ text: string; metafile: Metafile }> {
  const result = await build({
    stdin: { contents: code, resolveDir: PACKAGE_DIR, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...(alias === undefined ? {} : { alias }),
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no output');
  return { text: file.text, metafile: result.metafile };
}

/**
 * Measures one entry against the built `@anneal/core`, or against `coreFile` (a candidate ESM build of the
 * root entry; its subpaths are taken from `json.js`, `replay.js`, ... beside it when present).
 * @throws when `@anneal/core` is not built (`pnpm --filter @anneal/core build`).
 */
export async function measureSize(entry: SizeEntry, coreFile?: string): Promise<SizeResult> {
  const { text } = await bundle(entry.code, coreFile === undefined ? undefined : coreAliases(coreFile, '.js'));
  const bytes = Buffer.from(text);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const { metafile } = await bundle(entry.code, coreAliases(CORE_SRC, '.ts'));
  const coreDir = dirname(CORE_SRC);
  const modules: ModuleShare[] = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      if (input.bytesInOutput === 0) continue;
      modules.push({ module: relative(coreDir, resolve(PACKAGE_DIR, path)), bytes: input.bytesInOutput });
    }
  }
  modules.sort((a, b) => b.bytes - a.bytes);
  const target = entry.targetBytes ?? null;
  const limit = entry.limitBytes ?? null;
  return {
    id: entry.id,
    title: entry.title,
    minified: bytes.length,
    gzip,
    brotli,
    targetBytes: target,
    met: target === null ? null : gzip <= target,
    limitBytes: limit,
    withinLimit: limit === null ? null : gzip <= limit,
    modules,
  };
}
