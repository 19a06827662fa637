import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { demoRuns } from '../src/demo/schedules.js';
import { runCli } from './run-cli.js';

describe('anneal demo (reduced size)', () => {
  it('trains three runs, prints the rates the schedules give, charts them, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anneal-demo-'));
    const epochs = 3;
    const run = await runCli(['demo', '--epochs', String(epochs), '--samples', '20', '--out', 'out/../report.html'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;

    // Progress: every epoch of every run, with the rate that trained it (logs.lr from @anneal/tfjs).
    const runs = demoRuns(epochs);
    for (const { name, spec } of runs) {
      expect(out).toContain(`${name.padEnd(11)}  ${spec}\n`);
      const schedule = loadSpec(spec).schedule;
      const lines = out.split('\n').filter((l) => l.startsWith(`  ${name.padEnd(11)}  epoch`));
      expect(lines).toHaveLength(epochs);
      lines.forEach((line, e) => {
        const m = /epoch (\d+)\/(\d+) {2}loss (\S+) +lr (\S+)$/.exec(line)!;
        expect(m).not.toBeNull();
        expect(Number(m[1])).toBe(e + 1);
        expect(Number(m[3])).toBeGreaterThan(0);
        expect(Number(m[4])).toBe(schedule.lr(e, 0.5));
      });
    }
    // The SGDR run starts with its warmup: 0.1 × 0.5 at epoch 1.
    expect(out).toMatch(/ {2}sgdr\+warmup {2}epoch 1\/3 {2}loss \S+ +lr 0\.05\n/);

    // Both charts, each with a legend entry per run.
    expect(out).toContain('Learning rate per epoch\n');
    expect(out).toContain('Training loss per epoch (log scale)\n');
    for (const { name } of runs) expect(out.split('\n').filter((l) => new RegExp(`^ {2}\\S ${name.replace('+', '\\+')} +min `).test(l))).toHaveLength(2);

    // The report: where it was said to be, with both charts (three paths each) and the printed numbers.
    const path = join(dir, 'report.html');
    expect(out.trimEnd().split('\n').at(-1)).toBe(`report: ${path}`);
    expect(existsSync(path)).toBe(true);
    const html = readFileSync(path, 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(3); // rate and loss of the three runs, then the range test's curve
    svgs.forEach((svg, i) => {
      expect(XMLValidator.validate(svg)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'path' }).parse(svg) as { svg: { path: unknown[] } };
      expect(doc.svg.path).toHaveLength(i < 2 ? 3 : 1);
    });
    // The LR range test ran before training, printed its suggestion and charted its curve.
    const suggestion = /LR range test \(findLr\): rates 0\.0001 to 10 over 100 batches\n {2}suggested rate (\S+) \(valley/.exec(out);
    expect(suggestion).not.toBeNull();
    expect(Number(suggestion![1])).toBeGreaterThan(1e-4);
    expect(Number(suggestion![1])).toBeLessThan(10);
    expect(out).toContain('LR range test: smoothed loss per step');
    expect(html).toContain('<h2>Learning-rate range test</h2>');
    const finals = [...out.matchAll(/done: final loss (\S+), test accuracy (\S+)%/g)].map((m) => [m[1]!, m[2]!]);
    expect(finals).toHaveLength(3);
    for (const [loss, accuracy] of finals) {
      expect(html).toContain(`<td>${loss}</td>`);
      expect(html).toContain(`<td>${accuracy}%</td>`);
    }
  });
});
