import { readFileSync } from 'node:fs';
import { SCHEDULE_TYPES } from '@anneal/core/json';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('--help and --version', () => {
  it.each([['--version'], ['-v'], ['-V']])('%s prints the package version on stdout', async (flag) => {
    const run = await runCli([flag]);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([['--help'], ['-h'], ['help']])('%s lists every command and documents the SPEC forms', async (flag) => {
    const run = await runCli([flag]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('usage: anneal <command> [options]\n')).toBe(true);
    for (const command of ['plot', 'values', 'svg', 'describe', 'convert', 'replay', 'demo']) expect(run.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(run.stdout).toContain('cosine:tMax=20,etaMin=0');
    expect(run.stdout).toContain('warmup:steps=5,startFactor=0.1+cosine:tMax=95');
    expect(run.stdout).toContain('{"scheduler":"CosineAnnealingLR","kwargs":{"T_max":20}}');
    for (const type of SCHEDULE_TYPES) expect(run.stdout).toContain(type);
  });

  it.each([
    ['plot', '--help'],
    ['values', '-h'],
    ['help', 'svg'],
    ['describe', 'cosine:tMax=5', '--help'],
    ['convert', '--help'],
    ['replay', '--help'],
    ['demo', '--help'],
  ])('anneal %s %s prints that command’s usage', async (...args) => {
    const run = await runCli(args);
    const name = args[0] === 'help' ? args[1] : args[0];
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith(`usage: anneal ${name}`)).toBe(true);
  });

  it('fits every help text in 80 columns', async () => {
    for (const args of [['--help'], ...['plot', 'values', 'svg', 'describe', 'convert', 'replay', 'demo'].map((c) => [c, '--help'])]) {
      const { stdout } = await runCli(args);
      for (const line of stdout.split('\n')) expect([...line].length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('the help examples run', async () => {
    const help = (await runCli(['--help'])).stdout;
    const examples = help
      .split('\n')
      .filter((l) => /^ {2}anneal (plot|values|describe|convert) /.test(l))
      .map((l) => l.trim().split(' ').slice(1));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const args of examples) {
      const run = await runCli(args.map((a) => a.replace(/^'(.*)'$/, '$1')));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });
});
