// Every ```ts block of the README runs as written, typechecks, and prints what its `// comment` says.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}.readme-blocks-${process.pid}/`;
const readme = readFileSync(`${root}README.md`, 'utf8');

/** Each block with the heading above it and the outputs its `console.log(...); // output` lines promise. */
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => {
  const code = match[1]!;
  const heading = [...readme.slice(0, match.index).matchAll(/^## (.+)$/gm)].at(-1)?.[1] ?? 'intro';
  const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.+)$/gm)].map((m) => m[1]!);
  return { code, heading, expected, file: `${dir}block-${i}.ts` };
});

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  for (const block of blocks) writeFileSync(block.file, block.code);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README', () => {
  it('has the examples it promises', () => {
    expect(blocks.length).toBe(10);
    for (const block of blocks) expect(block.code).toMatch(/from '@anneal\/(optim|core(\/schedulers)?)'/);
  });

  it('typechecks every block (strict, as this package)', () => {
    const configPath = `${root}tsconfig.json`;
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
    // The blocks need no Node types but `console`; declaring only that keeps this check fast.
    const globals = `${dir}globals.d.ts`;
    writeFileSync(globals, 'declare const console: { log(...data: unknown[]): void };\n');
    const program = ts.createProgram([globals, ...blocks.map((b) => b.file)], { ...config.options, types: [], noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName.includes('.readme-blocks-'))
      .map((d) => `${d.file?.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 60_000);

  blocks.forEach((block, i) => {
    it(`block ${i} (${block.heading}) runs and prints what it says`, async () => {
      const printed: string[] = [];
      const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
      try {
        await import(/* @vite-ignore */ pathToFileURL(block.file).href);
      } finally {
        spy.mockRestore();
      }
      expect(printed).toEqual(block.expected);
    });
  });
});
