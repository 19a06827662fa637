import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['path', 'line', 'text'].includes(name) }).parse(svg) as {
    svg: { xmlns: string; width: string; height: string; path: Array<{ d: string; stroke: string; title: string }>; text: unknown[] };
  };
  return doc.svg;
}

describe('anneal svg', () => {
  it('writes a well-formed standalone SVG with one path per schedule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anneal-svg-'));
    const specs = ['cosine:tMax=50', 'sgdr:t0=10,tMult=2', 'warmup:steps=5+cosine:tMax=45', '{"scheduler":"OneCycleLR","kwargs":{"max_lr":1,"total_steps":60}}'];
    const run = await runCli(['svg', ...specs, '--steps', '60', '--out', 'chart.svg', '--title', 'Four <schedules> & more'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('wrote chart.svg (4 schedules, 60 steps)\n');
    const text = readFileSync(join(dir, 'chart.svg'), 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const svg = parse(text);
    expect(svg.path).toHaveLength(4);
    expect(svg.path.map((p) => p.title)).toEqual(['cosine:tMax=50', 'sgdr:t0=10,tMult=2', 'warmup:steps=5+cosine:tMax=45', 'OneCycleLR']);
    expect(new Set(svg.path.map((p) => p.stroke)).size).toBe(4);
    expect(text).toContain('Four &lt;schedules&gt; &amp; more');
  });

  it('draws each step as a held value: a step schedule is two flat runs and one vertical drop', async () => {
    const run = await runCli(['svg', 'step:stepSize=5,gamma=0.5', '--steps', '10']);
    expect(run.status).toBe(0);
    const [path] = parse(run.stdout).path;
    // M at (x0, top), flat to step 5, down to the bottom (0.5 is the minimum), flat to the end.
    const commands = path!.d.match(/[MHV][^MHV]*/g)!;
    expect(commands.map((c) => c[0]).join('')).toBe('MHVH');
    const [x0, top] = commands[0]!.slice(1).split(' ').map(Number);
    const drop = Number(commands[1]!.slice(1));
    const bottom = Number(commands[2]!.slice(1));
    const end = Number(commands[3]!.slice(1));
    expect(top).toBeLessThan(bottom);
    // Step 5 of 10 starts halfway across the plot.
    expect(drop - x0!).toBeCloseTo((end - x0!) / 2, 1);
  });

  it('writes the SVG to standard output without --out', async () => {
    const run = await runCli(['svg', 'constant', 'linear:startFactor=0.1,totalIters=10', '--steps', '20', '--width', '400', '--height', '300']);
    expect(run.status).toBe(0);
    const svg = parse(run.stdout);
    expect(svg.path).toHaveLength(2);
    expect([svg.width, svg.height]).toEqual(['400', '300']);
  });
});
