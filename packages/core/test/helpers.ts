// Shared helpers of the core test suites (not a test file itself: vitest only collects *.test.ts).
import { expect } from 'vitest';
import type { OptimizerLike, ParamGroup } from '../src/schedulers.js';

/** An SGD-like optimizer: one group per rate, each with `momentum` (PyTorch's SGD default 0). */
export function sgd(lrs: readonly number[], momentum = 0): OptimizerLike {
  return { paramGroups: lrs.map((lr) => ({ lr, momentum })) };
}

/** An Adam-like optimizer: one group per rate, each with `betas`. */
export function adam(lrs: readonly number[], betas: readonly [number, number] = [0.9, 0.999]): OptimizerLike {
  return { paramGroups: lrs.map((lr) => ({ lr, betas: [...betas] })) };
}

/** The rates of every group. */
export function lrs(optimizer: OptimizerLike): number[] {
  return optimizer.paramGroups.map((g) => g.lr);
}

/** The momentum of every group (`momentum`, or `betas[0]` for Adam-like groups). */
export function momenta(optimizer: OptimizerLike): Array<number | undefined> {
  return optimizer.paramGroups.map((g) => (Array.isArray(g.betas) ? g.betas[0] : g.momentum));
}

/** A deep copy of the optimizer's groups (what PyTorch's optimizer.state_dict() keeps of them). */
export function snapshotGroups(optimizer: OptimizerLike): ParamGroup[] {
  return JSON.parse(JSON.stringify(optimizer.paramGroups)) as ParamGroup[];
}

/** Writes saved groups back (what PyTorch's optimizer.load_state_dict() does for the hyper-parameters). */
export function restoreGroups(optimizer: OptimizerLike, saved: readonly ParamGroup[]): void {
  optimizer.paramGroups.forEach((g, i) => {
    const s = saved[i]!;
    g.lr = s.lr;
    if (s.initialLr !== undefined) g.initialLr = s.initialLr;
    if (s.momentum !== undefined) g.momentum = s.momentum;
    if (s.betas !== undefined) g.betas = [...s.betas];
  });
}

/**
 * `|actual − expected| <= rel · max(|expected|, scale)`: the trace format's tolerance (scale = the
 * group's base rate), so values that decay to ~0 are compared relative to the rate they came from.
 */
export function expectClose(actual: number, expected: number, rel: number, scale = 0, message = ''): void {
  const bound = rel * Math.max(Math.abs(expected), Math.abs(scale));
  const diff = Math.abs(actual - expected);
  if (!(diff <= bound)) {
    expect.fail(`${message} expected ${expected}, got ${actual} (|diff| ${diff} > ${bound})`);
  }
}

/** Element-wise {@link expectClose}. */
export function expectAllClose(actual: readonly number[], expected: readonly number[], rel: number, scale = 0, message = ''): void {
  expect(actual.length, message).toBe(expected.length);
  actual.forEach((a, i) => expectClose(a, expected[i]!, rel, scale, `${message}[${i}]`));
}

/** Bit-identical (`Object.is`), without the cost of an `expect` per value in long loops. */
export function expectSame(actual: unknown, expected: unknown, message = ''): void {
  if (!Object.is(actual, expected)) expect.fail(`${message} expected ${String(expected)}, got ${String(actual)}`);
}

/** Element-wise {@link expectSame}. */
export function expectSameArray(actual: readonly unknown[], expected: readonly unknown[], message = ''): void {
  if (actual.length !== expected.length) expect.fail(`${message} expected ${expected.length} values, got ${actual.length}`);
  actual.forEach((a, i) => expectSame(a, expected[i], `${message}[${i}]`));
}

/** PyTorch's test tolerance (`atol=1e-5, rtol=0`), used where the numbers come from its test file. */
export const TORCH_ATOL = 1e-5;

/** Absolute comparison with PyTorch's test tolerance. */
export function expectTorch(actual: readonly number[], expected: readonly number[], message = ''): void {
  expect(actual.length, message).toBe(expected.length);
  actual.forEach((a, i) => {
    const diff = Math.abs(a - expected[i]!);
    if (!(diff <= TORCH_ATOL)) expect.fail(`${message}[${i}] expected ${expected[i]}, got ${a}`);
  });
}

/**
 * Whether `value` lies in [lo, hi] up to a few units in the last place of the larger bound: the
 * schedules keep PyTorch's operation order, so `etaMin + (base − etaMin)·1` may round one ulp past `base`.
 */
export function within(value: number, lo: number, hi: number, ulps = 4): boolean {
  // plus an absolute 1e-300: bounds that underflow to 0 while the value rounds to a subnormal
  const slack = ulps * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi)) + 1e-300;
  return value >= lo - slack && value <= hi + slack;
}

/** Asserts {@link within}, with a readable message. */
export function expectWithin(value: number, lo: number, hi: number, message = ''): void {
  if (!Number.isFinite(value) || !within(value, lo, hi)) expect.fail(`${message} ${value} not in [${lo}, ${hi}]`);
}

/** Catches what `fn` throws (fails the test when it does not throw). */
export function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return expect.fail('expected an error, but nothing was thrown');
}

/** PyTorch 1.13's `_annealing_cos`, written out for expected values. */
export function annealingCos(start: number, end: number, pct: number): number {
  return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
}

/** η_min + (base − η_min)·(1 + cos(π·t/T))/2, for expected values. */
export function cosineValue(t: number, period: number, base: number, etaMin: number): number {
  return etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * t) / period))) / 2;
}

/** 0, 1, …, n − 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
