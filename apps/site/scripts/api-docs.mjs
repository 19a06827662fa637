#!/usr/bin/env node
// Generates the API pages of the entry points and packages besides @anneal/core's root (whose schedules
// and classes have the generated reference, scripts/reference.mjs) from their TSDoc: one Markdown page
// per entry point in docs/api/ (git-ignored), with TypeDoc and typedoc-plugin-markdown. Packages that do
// not exist (yet) are skipped, so the site builds while adapters are still being written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel } from 'typedoc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = join(root, 'docs', 'api');

/** The packages documented, in sidebar order. */
export const API_PACKAGES = [
  { dir: 'packages/core', entry: 'json', slug: 'core-json', summary: 'schedules and schedulers from JSON (anneal and PyTorch spelling)' },
  { dir: 'packages/core', entry: 'replay', slug: 'core-replay', summary: 'replay of PyTorch traces' },
  { dir: 'packages/core', entry: 'meta', slug: 'core-meta', summary: 'the descriptor of every schedule kind' },
  { dir: 'packages/core', entry: 'adapter', slug: 'core-adapter', summary: 'the driver and checks framework adapters share' },
  { dir: 'packages/optim', slug: 'optim', summary: 'plain optimizers' },
  { dir: 'packages/tfjs', slug: 'tfjs', summary: 'TensorFlow.js' },
  { dir: 'packages/onnxruntime-web', slug: 'onnxruntime-web', summary: 'onnxruntime-web training' },
];

/** Runs TypeDoc on one package; returns the Markdown of its single page. */
async function renderPackage(pkgDir, entry) {
  const tmp = mkdtempSync(join(tmpdir(), 'anneal-typedoc-'));
  try {
    const app = await Application.bootstrapWithPlugins({
      entryPoints: [join(pkgDir, 'src', `${entry}.ts`)],
      tsconfig: join(pkgDir, 'tsconfig.json'),
      plugin: ['typedoc-plugin-markdown'],
      out: tmp,
      readme: 'none',
      router: 'module',
      entryFileName: 'index',
      hidePageHeader: true,
      hideBreadcrumbs: true,
      hidePageTitle: true,
      disableSources: true,
      excludePrivate: true,
      excludeProtected: true,
      excludeInternal: true,
      excludeExternals: true,
      skipErrorChecking: true,
      githubPages: false,
      useCodeBlocks: true,
      expandObjects: false,
      parametersFormat: 'table',
      interfacePropertiesFormat: 'table',
      classPropertiesFormat: 'table',
      typeDeclarationFormat: 'table',
      sanitizeComments: true,
      logLevel: LogLevel.Warn,
    });
    const project = await app.convert();
    if (!project) throw new Error(`TypeDoc could not convert ${pkgDir}`);
    await app.generateOutputs(project);
    const files = readdirSync(tmp, { recursive: true }).filter((f) => String(f).endsWith('.md'));
    if (files.length !== 1) throw new Error(`expected one page for ${pkgDir}, got ${files.join(', ')}`);
    return readFileSync(join(tmp, String(files[0])), 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Generates docs/api/*.md; returns the slugs written. */
export async function generateApiDocs() {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const [position, pkg] of API_PACKAGES.entries()) {
    const pkgDir = join(root, pkg.dir);
    const entry = pkg.entry ?? 'index';
    if (!existsSync(join(pkgDir, 'src', `${entry}.ts`)) || !existsSync(join(pkgDir, 'package.json'))) {
      console.log(`api-docs: ${pkg.dir} not found, skipped`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const name = entry === 'index' ? manifest.name : `${manifest.name}/${entry}`;
    const { version } = manifest;
    const description = entry === 'index' ? manifest.description : `${pkg.summary[0].toUpperCase()}${pkg.summary.slice(1)}.`;
    const body = await renderPackage(pkgDir, entry);
    const front = [
      '---',
      `title: ${JSON.stringify(name)}`,
      `sidebar_label: ${JSON.stringify(name)}`,
      `sidebar_position: ${position + 2}`,
      `slug: /api/${pkg.slug}`,
      `description: ${JSON.stringify(description ?? pkg.summary)}`,
      'custom_edit_url: null',
      '---',
      '',
      `# ${name}`,
      '',
      `Version ${version}. ${description ?? ''}`,
      '',
      ':::note',
      '',
      `Generated from the TSDoc comments of \`${pkg.dir}/src/${entry}.ts\` at build time. The comments are the contract.`,
      '',
      ':::',
      '',
    ].join('\n');
    writeFileSync(join(outDir, `${pkg.slug}.md`), front + body);
    written.push(pkg);
  }
  const index = [
    '---',
    'title: Other entry points and adapters',
    'sidebar_label: Overview',
    'sidebar_position: 1',
    'slug: /api',
    'custom_edit_url: null',
    '---',
    '',
    '# Other entry points and adapters',
    '',
    'The schedules and scheduler classes of `@anneal/core` have [an entry each](../reference/index.mdx). The other entry points and the adapter packages have one page each, generated from their TSDoc at build time:',
    '',
    ...written.map((p) => `- [\`${JSON.parse(readFileSync(join(root, p.dir, 'package.json'), 'utf8')).name}${p.entry ? `/${p.entry}` : ''}\`](./${p.slug}.md): ${p.summary}`),
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'index.md'), index);
  writeFileSync(join(outDir, '_category_.json'), JSON.stringify({ label: 'Other entry points and adapters', position: 100 }, null, 2) + '\n');
  console.log(`api-docs: ${written.map((p) => p.slug).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return written.map((p) => p.slug);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await generateApiDocs();
}
