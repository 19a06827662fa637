import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Bad input: exactly one line on stderr that names the problem, nothing on stdout, status 2.
const cases: Array<[string, string[], RegExp]> = [
  ['no command', [], /^anneal: missing command/],
  ['an unknown command', ['plto'], /unknown command "plto"/],
  ['an unknown flag', ['plot', 'cosine:tMax=5', '--stesp', '10'], /^anneal plot: unknown option --stesp/],
  ['a flag without its value', ['plot', 'cosine:tMax=5', '--steps'], /--steps needs a value/],
  ['a non-numeric value', ['values', 'cosine:tMax=5', '--steps', 'ten'], /--steps must be an integer between 1 and 10000000, got "ten"/],
  ['a value out of range', ['plot', 'cosine:tMax=5', '--width', '10'], /--width must be an integer between 30 and 1000, got "10"/],
  ['a bad choice', ['values', 'cosine:tMax=5', '--steps', '3', '--format', 'xml'], /--format must be one of csv, json, tsv, got "xml"/],
  ['a missing SPEC', ['plot'], /^anneal plot: missing SPEC/],
  ['a missing --steps for values', ['values', 'cosine:tMax=5'], /missing --steps/],
  ['two SPECs for describe', ['describe', 'cosine:tMax=5', 'constant'], /expected one SPEC, got 2/],
  ['an unknown schedule (from core)', ['plot', 'cosin:tMax=5'], /cosin:tMax=5: type names an unknown schedule "cosin"; known: constant, /],
  ['a bad parameter (from core)', ['plot', 'cosine:tMax=-5'], /cosine:tMax=-5: tMax must be a positive finite number, got -5/],
  ['an unknown option of a schedule (from core)', ['plot', 'sgdr:t0=5,tmult=2'], /tmult must be absent \(unknown option; known: type, t0, tMult/],
  ['a bad PyTorch kwarg (from core)', ['plot', '{"scheduler":"StepLR","kwargs":{"step_size":0}}'], /kwargs\.step_size must be/],
  ['an unknown PyTorch class (from core)', ['plot', '{"scheduler":"CosineLR"}'], /scheduler names an unknown schedule "CosineLR"/],
  ['malformed short form', ['plot', 'cosine:tMax'], /expected KEY=VALUE, got "tMax"/],
  ['a misplaced +', ['plot', 'cosine:tMax=5+constant'], /only warmup:\.\.\. can come before "\+"/],
  ['invalid inline JSON', ['plot', '{"type":"cosine",'], /inline JSON: not valid JSON/],
  ['an unreadable file', ['plot', '@does-not-exist.json'], /cannot read does-not-exist\.json: no such file or directory/],
  ['an unwritable output', ['svg', 'constant', '--out', '/nonexistent-dir/x.svg'], /cannot write \/nonexistent-dir\/x\.svg: no such file or directory/],
  ['a missing trace', ['replay', 'nope.json'], /^anneal replay: cannot read nope\.json/],
  ['no trace at all', ['replay'], /missing TRACE\.json/],
  ['a stray argument to demo', ['demo', 'now'], /^anneal demo: takes no arguments, got "now"/],
];

describe('bad input', () => {
  it.each(cases)('%s: one line on stderr, status 2', async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('reports a bad schedule file in one line, whatever its layout', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'anneal-err-'));
    writeFileSync(join(dir, 'bad.json'), '{\n  "type": "cosine",\n  "tMax": "twenty"\n}\n');
    const run = await runCli(['describe', '@bad.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('anneal describe: @bad.json: tMax must be a positive finite number, got "twenty"\n');
    writeFileSync(join(dir, 'broken.json'), '{\n  "type": "cosine",\n  "tMax": 20,\n');
    const broken = await runCli(['plot', '@broken.json'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^anneal plot: broken\.json: not valid JSON \([^\n]+\)\n$/);
  });
});
