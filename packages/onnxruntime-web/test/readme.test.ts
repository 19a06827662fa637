// The README's quick start is examples/quick-start.ts verbatim, and it prints what the README says.
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../examples/quick-start.ts', import.meta.url), 'utf8');

function block(lang: string, after: string): string {
  const start = readme.indexOf(after);
  const open = readme.indexOf('```' + lang + '\n', start);
  const close = readme.indexOf('\n```', open);
  if (start < 0 || open < 0 || close < 0) throw new Error(`no ${lang} block after ${JSON.stringify(after)}`);
  return readme.slice(open + lang.length + 4, close + 1);
}

it('shows examples/quick-start.ts verbatim', () => {
  expect(block('ts', '## Quick start')).toBe(example);
});

it('runs and prints the output the README shows', async () => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.join(' '));
  });
  try {
    await import('../examples/quick-start.js');
  } finally {
    log.mockRestore();
  }
  expect(lines.join('\n') + '\n').toBe(block('text', 'It prints'));
});
