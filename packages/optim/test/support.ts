// Shared by the tests: the example's data and model, and small numeric helpers.
import { expect } from 'vitest';
import { lossAndGrad, makeData } from '../examples/logistic-regression.js';
import type { Parameter } from '@anneal/optim';

export { lossAndGrad, makeData, mulberry32, type Dataset } from '../examples/logistic-regression.js';

/** A logistic-regression problem: data, weight and bias parameters, and a batch iterator. */
export function problem(size = 300, seed = 7) {
  const data = makeData(size, seed);
  return {
    data,
    /** Full-data loss at the given values. */
    loss: (w: Parameter, b: Parameter) => lossAndGrad(data, w.value as Float64Array, b.value as Float64Array),
    /** Writes the gradient of the mean loss over batch `k` (of `batchSize` points, cycling) into `w.grad`, `b.grad`. */
    grad(w: Parameter, b: Parameter, k: number, batchSize = 30): void {
      const batches = Math.ceil(size / batchSize);
      const from = (k % batches) * batchSize;
      lossAndGrad(data, w.value as Float64Array, b.value as Float64Array, from, Math.min(from + batchSize, size), w.grad as Float64Array, b.grad as Float64Array);
    },
  };
}

/** Asserts `actual` equals `expected` within `rel` relative error (exact when `rel` is 0). */
export function expectClose(actual: number, expected: number, rel: number, what = ''): void {
  if (actual === expected) return;
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(err, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rel);
}

/** Copies of the values of `params`. */
export function snapshot(params: readonly Parameter[]): Float64Array[] {
  return params.map((p) => Float64Array.from(p.value));
}

