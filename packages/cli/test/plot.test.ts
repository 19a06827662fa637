import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ANSI = /\u001b\[[0-9;]*m/;
const BRAILLE = /[\u2801-\u28ff]/;
const width = (line: string) => [...line].length;
/** The plot rows: what follows the y axis (┤ or │), one entry per row. */
const plotRows = (out: string) =>
  out
    .split('\n')
    .filter((l) => /[┤│]/.test(l))
    .map((l) => [...l.slice(l.search(/[┤│]/) + 1)]);

async function plot(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(['plot', ...args], { env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('anneal plot', () => {
  it('draws one schedule in braille within 80 columns, with the extremes and a legend', async () => {
    const out = await plot(['cosine:tMax=50', '--steps', '100']);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(80);
    expect(out).toMatch(BRAILLE);
    expect(out).not.toMatch(ANSI);
    expect(plotRows(out)).toHaveLength(15);
    // Top and bottom labels are the maximum and minimum; the x axis is named and ticked.
    expect(lines.find((l) => l.includes('┤'))!.trim().startsWith('1 ┤')).toBe(true);
    expect(lines.filter((l) => l.includes('┤')).at(-1)!.trim().startsWith('0 ┤')).toBe(true);
    expect(lines.some((l) => l.includes('└') && l.includes('┬'))).toBe(true);
    expect(out).toMatch(/^\s+0\s+20\s+40\s+60\s+80\s+step$/m);
    expect(out).toContain('cosine:tMax=50   min 0 (step 50), max 1 (step 0)');
  });

  it('places the values where they are: a halving step schedule fills the top row, then the bottom row', async () => {
    const out = await plot(['step:stepSize=50,gamma=0.5', '--steps', '100', '--style', 'markers']);
    const rows = plotRows(out);
    const top = rows[0]!;
    const bottom = rows.at(-1)!;
    const axis = out.split('\n').find((l) => l.includes('└'))!;
    const cols = [...axis.slice(axis.indexOf('└') + 1)].length;
    const half = Math.floor(cols / 2);
    expect(bottom).toHaveLength(cols);
    // Held values: columns before the drop are at 1 (top row), after it at 0.5 (bottom row).
    expect(top.slice(0, half).every((c) => c === '•')).toBe(true);
    expect(bottom.slice(half + 1).every((c) => c === '•')).toBe(true);
    expect(bottom.slice(0, half).every((c) => c === ' ')).toBe(true);
    expect(rows.slice(1, -1).every((r) => r.filter((c) => c === '•').length === 1)).toBe(true); // the vertical drop
    expect(out).toMatch(/^\s*1 ┤/m);
    expect(out).toMatch(/^\s*0\.5 ┤/m);
  });

  it('overlays several schedules with distinct markers and no color when stdout is not a terminal', async () => {
    const out = await plot(['sgdr:t0=10,tMult=2', 'warmup:steps=5+cosine:tMax=70', 'constant', '--steps', '75']);
    expect(out).not.toMatch(ANSI);
    const legend = out.trimEnd().split('\n').slice(-3);
    expect(legend[0]).toMatch(/^ {2}• sgdr:t0=10,tMult=2 +min 0\.001541 \(step 69\), max 1 \(step 0\)$/);
    expect(legend[1]).toMatch(/^ {2}× warmup:steps=5\+cosine:tMax=70 +min 0 \(step 0\), max 1 \(step 5\)$/);
    expect(legend[2]).toMatch(/^ {2}\+ constant +min 1 \(step 0\), max 1 \(step 0\)$/);
    const cells = plotRows(out).flat();
    for (const marker of ['•', '×', '+']) expect(cells).toContain(marker);
  });

  it('colors only when asked or on a terminal, and never with NO_COLOR', async () => {
    const specs = ['cosine:tMax=10', 'sgdr:t0=5', '--steps', '20'];
    expect(await plot([...specs, '--color', 'always'])).toMatch(ANSI);
    expect(await plot(specs, { FORCE_COLOR: '1' })).toMatch(ANSI);
    const plain = await plot(specs, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain).not.toMatch(ANSI);
    expect(await plot([...specs, '--color', 'never'], { FORCE_COLOR: '1' })).not.toMatch(ANSI);
  });

  it('follows --width, --height and --base-lr', async () => {
    const out = await plot(['exponential:gamma=0.9', '--steps', '30', '--width', '50', '--height', '6', '--base-lr', '0.1']);
    for (const line of out.trimEnd().split('\n')) expect(width(line)).toBeLessThanOrEqual(50);
    expect(plotRows(out)).toHaveLength(6);
    // 0.1 · 0.9^29 = 0.004710128697246249 is the floor.
    expect(out).toMatch(/^\s*0\.1 ┤/m);
    expect(out).toMatch(/^0\.00471 ┤/m);
  });
});
