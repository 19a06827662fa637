// The README's example, run as written: the first ```ts block of README.md must be the fixture file,
// which this test executes and whose printed results it checks.
import { readFileSync } from 'node:fs';
import { cosine, warmup } from '@anneal/core';
import { expect, it, vi } from 'vitest';

it('the README example is test/fixtures/readme-example.ts, runs, and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const fixture = readFileSync(new URL('./fixtures/readme-example.ts', import.meta.url), 'utf8');
  expect(block).toBe(fixture);

  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import('./fixtures/readme-example.js');
  const printed = log.mock.calls.map((c) => c as unknown[]);
  log.mockRestore();

  const schedule = warmup({ steps: 2, startFactor: 0.1 }, cosine({ tMax: 6 }));
  const lrs = printed[0]![0] as number[];
  expect(lrs).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((e) => schedule.lr(e, 0.1)));
  expect(lrs.map((v) => Number(v.toFixed(4)))).toEqual([0.01, 0.055, 0.1, 0.0933, 0.075, 0.05, 0.025, 0.0067]);
  const [w, b] = printed[1] as [number, number];
  expect(w).toBeCloseTo(2, 2);
  expect(b).toBeCloseTo(-1, 2);
});
