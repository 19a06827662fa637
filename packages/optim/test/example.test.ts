// The worked example: logistic regression with SGD and SGDR, imported and run as a script.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sgdr } from '@anneal/core';
import { fitLogisticRegression } from '../examples/logistic-regression.js';

describe('examples/logistic-regression.ts', () => {
  const result = fitLogisticRegression();

  it('fits: the loss falls by half, the weights approach the generating ones, accuracy is high', () => {
    expect(result.losses[0]).toBeCloseTo(Math.LN2, 12);
    expect(result.losses.at(-1)!).toBeLessThan(0.5 * result.losses[0]!);
    expect(result.accuracy).toBeGreaterThan(0.8);
    expect(result.w[0]).toBeGreaterThan(2);
    expect(result.w[1]).toBeLessThan(-1.5);
  });

  it('every batch used the SGDR rate of its fractional epoch (cycles of 10 and 20 epochs)', () => {
    const schedule = sgdr({ t0: 10, tMult: 2, etaMin: 0.001 });
    const batches = 20;
    expect(result.lrs).toHaveLength(30 * batches);
    result.lrs.forEach((lr, i) => {
      const t = i / batches;
      expect(Math.abs(lr - schedule.lr(t, 0.5))).toBeLessThanOrEqual(1e-15);
    });
    expect(result.lrs[10 * batches]).toBe(0.5); // the warm restart
    expect(result.lrs[10 * batches - 1]!).toBeLessThan(0.01);
  });

  it('runs with npx tsx and prints the fit', () => {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/logistic-regression.ts'], { cwd, encoding: 'utf8' });
    expect(out).toContain('after  0 epochs  loss 0.6931  next lr 0.5000');
    expect(out).toContain('after 10 epochs  loss 0.3365  next lr 0.5000');
    expect(out).toMatch(/accuracy 84\.3%/);
  }, 30_000);
});
