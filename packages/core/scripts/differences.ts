/**
 * Renders the table of refusals and knowing differences (`scripts/pytorch-differences.ts`), and the table of
 * changes between PyTorch 1.13 and 2 (`src/replay/pytorch-changes.ts`), into the documents
 * that show it, between the markers `differences:start` and `differences:end` (HTML comments in Markdown,
 * JSX comments in MDX, which has no HTML comments).
 *
 *   pnpm --filter @anneal/core differences           # rewrite the documents
 *   pnpm --filter @anneal/core differences --check   # exit 1 if a document is out of date
 *
 * `test/differences.test.ts` runs the check, so the documents cannot drift from the table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTORCH_DIFFERENCES, type PytorchDifference } from './pytorch-differences.js';
import { pytorchChangesTable } from '../src/replay/pytorch-changes.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The documents that carry the table, relative to the repository root. */
export const DIFFERENCE_DOCUMENTS = ['README.md', 'packages/core/README.md', 'docs/guides/migrating-from-pytorch.mdx'] as const;

/** The comment syntax of a document: MDX has no HTML comments. */
const comment = (path: string, text: string) => (path.endsWith('.mdx') ? `{/* ${text} */}` : `<!-- ${text} -->`);

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(kind: PytorchDifference['kind']): string[] {
  return PYTORCH_DIFFERENCES.filter((d) => d.kind === kind).map(
    (d) => `| ${cell(d.where.join(', '))} | ${cell(d.input)} | ${cell(d.pytorch)} | ${cell(d.anneal)} |`,
  );
}

/** The Markdown block (markers included) generated from the table, for the document at `path`. */
export function renderDifferences(path: string): string {
  const head = ['| where | input | PyTorch | anneal |', '| --- | --- | --- | --- |'];
  return [
    comment(path, 'differences:start'),
    comment(path, 'generated from packages/core/scripts/pytorch-differences.ts by pnpm --filter @anneal/core differences; do not edit here'),
    '',
    '**Refused.** anneal refuses an input PyTorch accepts only where PyTorch\'s result is not a usable schedule, or where a length is negative or zero (then the row says what PyTorch runs instead).',
    '',
    ...head,
    ...rows('refusal'),
    '',
    '**Run differently.**',
    '',
    ...head,
    ...rows('difference'),
    '',
    'The table is generated from `packages/core/scripts/pytorch-differences.ts`; `packages/core/test/differences.test.ts` checks every row against the code, and every refused case recorded from PyTorch 1.13.1 and 2.13.0 against a row.',
    comment(path, 'differences:end'),
  ].join('\n');
}

/** The document's text with the block replaced. @throws when the markers are missing. */
export function withDifferences(text: string, path: string): string {
  const start = comment(path, 'differences:start');
  const end = comment(path, 'differences:end');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${path}: the markers ${start} … ${end} are missing`);
  return text.slice(0, a) + renderDifferences(path) + text.slice(b + end.length);
}

/** Paths (relative to the repository) of the documents whose block is out of date. */
export function staleDifferenceDocuments(): string[] {
  return DIFFERENCE_DOCUMENTS.filter((p) => {
    const text = readFileSync(join(repo, p), 'utf8');
    return withDifferences(text, p) !== text;
  });
}

/** The PyTorch 1.13 → 2 guide, whose table (between its pytorch-changes markers) comes from `PYTORCH_CHANGES`. */
const VERSIONS_GUIDE = 'docs/guides/pytorch-versions.mdx';

/** The versions guide with its table regenerated (checked by test/pytorch-changes.test.ts). */
export function withChangesTable(text: string): string {
  const a = text.indexOf('{/* pytorch-changes:start');
  const b = text.indexOf('{/* pytorch-changes:end */}');
  if (a < 0 || b < a) throw new Error(`${VERSIONS_GUIDE}: the pytorch-changes markers are missing`);
  const head = text.indexOf('\n', a) + 1;
  return `${text.slice(0, head)}\n${pytorchChangesTable()}\n\n${text.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = staleDifferenceDocuments();
    for (const p of stale) console.error(`${p}: the differences table is out of date; run pnpm --filter @anneal/core differences`);
    process.exit(stale.length === 0 ? 0 : 1);
  }
  for (const p of DIFFERENCE_DOCUMENTS) {
    const file = join(repo, p);
    writeFileSync(file, withDifferences(readFileSync(file, 'utf8'), p));
    console.log(`wrote ${p}`);
  }
  const guide = join(repo, VERSIONS_GUIDE);
  writeFileSync(guide, withChangesTable(readFileSync(guide, 'utf8')));
  console.log(`wrote ${VERSIONS_GUIDE}`);
}
