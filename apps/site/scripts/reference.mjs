#!/usr/bin/env node
// Generates the reference (docs/reference/, git-ignored) from @anneal/core's descriptor registry: one
// page per schedule kind and one per stateful scheduler class. Each page is a stub that renders
// <ScheduleReference> or <SchedulerReference> (src/components/reference/), plus what only the sources
// know: the TSDoc line of every option, read from the options interface in the schedule's own file, and
// the file's path for the "source" link. A schedule added to the registry gets its pages with no site change.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEDULE_DESCRIPTORS } from '@anneal/core/meta';
import * as schedulers from '@anneal/core/schedulers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = join(root, 'docs', 'reference');

/** `oneCycle` → `one-cycle`, `ReduceLROnPlateau` → `reduce-lr-on-plateau`. */
export function kebab(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** The repository path of a schedule kind's file (schedules/ for leaves, combinators/ for the rest). */
function scheduleFile(descriptor) {
  for (const dir of ['schedules', 'combinators']) {
    const path = `packages/core/src/${dir}/${kebab(descriptor.type)}.ts`;
    if (existsSync(join(root, path))) return path;
  }
  return null;
}

/** The repository path of a scheduler class's file, or null. */
function classFile(name) {
  const path = `packages/core/src/schedulers/${kebab(name)}.ts`;
  return existsSync(join(root, path)) ? path : null;
}

/** The TSDoc text and TypeScript type of each member of `interface NAME` in `file`. */
export function interfaceDocs(file, name) {
  if (file === null) return {};
  const text = readFileSync(join(root, file), 'utf8');
  const start = text.search(new RegExp(`export interface ${name}\\b[^{]*\\{`));
  if (start < 0) return {};
  const open = text.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const body = text.slice(open + 1, end);
  const docs = {};
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:readonly\s+)?(\w+)(\??):\s*([^;]+);/g)) {
    const doc = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean).join(' ');
    docs[m[2]] = { doc, type: m[4].trim().replace(/\s+/g, ' '), optional: m[3] === '?' };
  }
  return docs;
}

/**
 * The name of the options interface a file declares for a factory or class (`cosine` → `CosineOptions`), or
 * `${stem}BaseOptions` where the options are a type (`OneCycleLROptions`: the base and the ways to give the length).
 */
function optionsInterface(file, stem) {
  if (file === null) return null;
  const text = readFileSync(join(root, file), 'utf8');
  for (const name of [`${stem}Options`, `${stem}BaseOptions`]) if (text.includes(`export interface ${name}`)) return name;
  return null;
}

/**
 * The documented members of the alternatives in `export type NAME = Base & ({ ... } | { ... })` (the ways to
 * give a length); a member typed `undefined` only says which alternative it is not.
 */
function alternativeDocs(file, name) {
  if (file === null) return {};
  const text = readFileSync(join(root, file), 'utf8');
  const start = text.search(new RegExp(`export type ${name}\\b`));
  if (start < 0) return {};
  const end = text.indexOf('\n\n', start);
  const body = text.slice(start, end < 0 ? undefined : end);
  const docs = {};
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)(\??):\s*([^;]+);/g)) {
    if (m[4].trim() === 'undefined') continue;
    const doc = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean).join(' ');
    docs[m[2]] ??= { doc, type: m[4].trim(), optional: true };
  }
  return docs;
}

/** Stateful classes that no descriptor maps to PyTorch, with their PyTorch documentation. */
export const EXTRA_CLASSES = [
  { name: 'LambdaLR', torch: 'LambdaLR', summary: 'the rate is the base rate times a function of the epoch' },
  { name: 'MultiplicativeLR', torch: 'MultiplicativeLR', summary: 'each step multiplies the rate by a function of the epoch' },
  { name: 'ReduceLROnPlateau', torch: 'ReduceLROnPlateau', summary: 'lowers the rate when a watched metric stops improving' },
  { name: 'ScheduleLR', torch: null, summary: 'drives any anneal schedule on an optimizer, PyTorch-style (no PyTorch class)' },
];

/** A JSX attribute value `{…}` holding `value` as a JavaScript literal (JSON; < and > only occur inside its strings). */
const attr = (value) => `{${JSON.stringify(value ?? null).replace(/[<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}}`;

function page(front, body) {
  return ['---', ...Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---', '', body, ''].join('\n');
}

/** The published packages, in the order the changelog lists them. */
const PACKAGES = ['core', 'optim', 'tfjs', 'onnxruntime-web', 'cli'];

/**
 * The changelog page: the changes not released yet (the pending changesets in .changeset/), then each
 * package's version and its CHANGELOG.md (written by `pnpm version-packages` at release).
 */
export function changelog() {
  const lines = ['---', 'title: Changelog', 'sidebar_position: 99', 'custom_edit_url: null', '---', '', '# Changelog', ''];
  const dir = join(root, '.changeset');
  const pending = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort() : [];
  lines.push('## Not released yet', '');
  if (pending.length === 0) lines.push('Nothing pending.', '');
  for (const f of pending) {
    const text = readFileSync(join(dir, f), 'utf8');
    const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
    if (!m) continue;
    const bumps = m[1].split('\n').map((l) => l.match(/^"?([^":]+)"?:\s*(\w+)/)).filter(Boolean).map((b) => `\`${b[1]}\` ${b[2]}`);
    lines.push(`### ${bumps.join(', ')}`, '', m[2].trim().replace(/^#+\s/gm, '#### '), '');
  }
  for (const name of PACKAGES) {
    const manifest = join(root, 'packages', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name: pkg, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    lines.push(`## ${pkg} ${version}`, '');
    const log = join(root, 'packages', name, 'CHANGELOG.md');
    if (existsSync(log)) lines.push(readFileSync(log, 'utf8').replace(/^# .*\n/, '').replace(/^(#+) /gm, '##$1 ').trim(), '');
    else lines.push('No release notes yet: the first release writes them from the changesets above.', '');
  }
  return lines.join('\n');
}

/** Writes docs/reference/; returns the number of pages. */
export function generateReference() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'schedules'), { recursive: true });
  mkdirSync(join(outDir, 'classes'), { recursive: true });
  let pages = 0;
  const classes = [];
  SCHEDULE_DESCRIPTORS.forEach((d, i) => {
    const file = scheduleFile(d);
    const stem = d.type[0].toUpperCase() + d.type.slice(1);
    const iface = optionsInterface(file, stem);
    const docs = iface ? interfaceDocs(file, iface) : {};
    writeFileSync(
      join(outDir, 'schedules', `${d.type}.mdx`),
      page(
        { title: `${d.type}: ${d.label}`, sidebar_label: d.type, sidebar_position: i + 1, description: `${d.label}: signature, options and defaults, formula, plot, example and equivalents of anneal's ${d.type} schedule.`, custom_edit_url: null },
        [
          // Imported by the page (not an MDX global), so only reference pages load it; the formula is
          // typeset at build time by rehype-katex, as on the hand-written pages.
          "import ScheduleReference from '@site/src/components/reference/ScheduleReference';",
          '',
          `<ScheduleReference type=${attr(d.type)} source=${attr(file)} optionDocs=${attr(docs)}>`,
          '',
          '$$',
          d.formula,
          '$$',
          '',
          '</ScheduleReference>',
        ].join('\n'),
      ),
    );
    pages++;
    const cls = d.torch?.class;
    if (cls && typeof schedulers[cls] === 'function' && !classes.some((c) => c.name === cls)) classes.push({ name: cls, type: d.type });
  });
  for (const extra of EXTRA_CLASSES) if (typeof schedulers[extra.name] === 'function') classes.push({ name: extra.name, type: null, extra });
  classes.forEach((c, i) => {
    const file = classFile(c.name);
    const iface = optionsInterface(file, c.name);
    const docs = iface ? { ...interfaceDocs(file, iface), ...alternativeDocs(file, `${c.name}Options`) } : {};
    // An options interface that extends the schedule's (`extends Omit<OneCycleOptions, 'maxLr' | ...>`) inherits its docs.
    const text = file ? readFileSync(join(root, file), 'utf8') : '';
    const inherited = iface ? text.match(new RegExp(`interface ${iface} extends (?:Omit<)?(\\w+)(?:,([^>]*)>)?`)) : null;
    if (inherited && c.type) {
      const omitted = (inherited[2] ?? '').match(/'(\w+)'/g)?.map((q) => q.slice(1, -1)) ?? [];
      const parent = interfaceDocs(scheduleFile(SCHEDULE_DESCRIPTORS.find((d) => d.type === c.type)), inherited[1]);
      for (const [key, value] of Object.entries(parent)) if (!omitted.includes(key) && !(key in docs)) docs[key] = value;
    }
    const ctor = text.match(/\n\s+constructor\(([^)]*)\)/);
    const signature = `new ${c.name}(${ctor ? ctor[1].replace(/\s+/g, ' ').trim() : ''})`;
    writeFileSync(
      join(outDir, 'classes', `${c.name}.mdx`),
      page(
        { title: c.name, sidebar_position: i + 1, description: `anneal's stateful ${c.name}: constructor, options, PyTorch keywords, stepping, example.`, custom_edit_url: null },
        "import SchedulerReference from '@site/src/components/reference/SchedulerReference';\n\n" +
        `<SchedulerReference name=${attr(c.name)} type=${attr(c.type)} source=${attr(file)} signature=${attr(signature)} optionDocs=${attr(docs)} summary=${attr(c.extra?.summary ?? null)} torchClass=${attr(c.extra ? c.extra.torch : c.name)} />`,
      ),
    );
    pages++;
  });
  writeFileSync(join(outDir, 'schedules', '_category_.json'), JSON.stringify({ label: 'Schedules (pure)', position: 2, collapsed: false }, null, 2) + '\n');
  writeFileSync(join(outDir, 'classes', '_category_.json'), JSON.stringify({ label: 'Scheduler classes (stateful)', position: 3, collapsed: false }, null, 2) + '\n');
  writeFileSync(
    join(outDir, 'index.mdx'),
    page(
      { title: 'Reference', sidebar_label: 'Overview', sidebar_position: 1, slug: '/reference', custom_edit_url: null },
      "import ReferenceIndex from '@site/src/components/reference/ReferenceIndex';\n\n<ReferenceIndex />",
    ),
  );
  pages++;
  writeFileSync(join(outDir, 'changelog.md'), changelog());
  pages++;
  console.log(`reference: ${SCHEDULE_DESCRIPTORS.length} schedules, ${classes.length} classes, changelog`);
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generateReference();
