// findLr on a real problem: logistic regression (examples/logistic-regression.ts) trained with SGD + momentum.
// The suggestion must train well, rates far above it must not, and nothing may change in the optimizer.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '@anneal/core';
import { Adam, SGD, findLr, parameter, type Parameter } from '@anneal/optim';
import { lossAndGrad, makeData, type Dataset } from './support.js';

const train = makeData(400, 1);
const heldOut = makeData(400, 2);
const BATCH = 20;
const BATCHES = 20;

/** One SGD step on batch `k` (cycling), returning the batch loss before the update. */
function stepOn(data: Dataset, w: Parameter, b: Parameter, optimizer: { step(): void }, k: number): number {
  const from = (k % BATCHES) * BATCH;
  const loss = lossAndGrad(data, w.value as Float64Array, b.value as Float64Array, from, from + BATCH, w.grad as Float64Array, b.grad as Float64Array);
  optimizer.step();
  return loss;
}

function accuracy(data: Dataset, w: Parameter, b: Parameter): number {
  let correct = 0;
  for (let i = 0; i < data.size; i++) {
    const z = w.value[0]! * data.x[2 * i]! + w.value[1]! * data.x[2 * i + 1]! + b.value[0]!;
    if ((z > 0 ? 1 : 0) === data.y[i]) correct++;
  }
  return correct / data.size;
}

/** Trains a fresh model for `epochs` epochs at a constant `lr`; held-out loss and accuracy. */
function trainAt(lr: number, epochs = 10): { loss: number; accuracy: number } {
  const w = parameter([0, 0]);
  const b = parameter([0]);
  const optimizer = new SGD([w, b], { lr, momentum: 0.9 });
  for (let k = 0; k < epochs * BATCHES; k++) stepOn(train, w, b, optimizer, k);
  return { loss: lossAndGrad(heldOut, w.value as Float64Array, b.value as Float64Array), accuracy: accuracy(heldOut, w, b) };
}

function model() {
  const w = parameter([0.3, -0.2]);
  const b = parameter([0.1]);
  const optimizer = new SGD([w, b], { lr: 0.05, momentum: 0.9 });
  // Two real steps first, so there are momentum buffers to preserve.
  stepOn(train, w, b, optimizer, 0);
  stepOn(train, w, b, optimizer, 1);
  return { w, b, optimizer };
}

describe('findLr (@anneal/optim) on logistic regression', () => {
  it('sweeps, suggests a rate that trains well, and rates far above it train badly', async () => {
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const optimizer = new SGD([w, b], { lr: 0.1, momentum: 0.9 });
    const result = await findLr(optimizer, ({ step }) => stepOn(train, w, b, optimizer, step), { startLr: 1e-5, endLr: 100, steps: 100 });
    expect(result.stop).toBe('completed');
    expect(result.points).toHaveLength(100);
    expect(result.points[0]!.lr).toBe(1e-5);
    expect(result.points[99]!.lr).toBeCloseTo(100, 9);
    // The smoothed curve: flat for tiny rates, lowest near 1, rising at the top of the sweep.
    const at = (lr: number) => result.points.find((p) => p.lr >= lr)!.smoothedLoss;
    expect(at(1e-4)).toBeCloseTo(Math.LN2, 3); // the untrained model's loss

    expect(result.suggestions.minimum!).toBeGreaterThan(0.3);
    expect(result.suggestions.minimum!).toBeLessThan(3);
    expect(result.points.at(-1)!.smoothedLoss).toBeGreaterThan(at(1) + 0.2);
    const { steepest, valley, minimumOver10 } = result.suggestions;
    expect(result.suggestion).toBe(valley);
    for (const s of [steepest!, valley!, minimumOver10!]) {
      expect(s).toBeGreaterThan(0.02);
      expect(s).toBeLessThan(0.5);
    }
    const good = trainAt(result.suggestion!);
    if (process.env.ANNEAL_REPORT) console.log(`optim findLr: suggestion ${result.suggestion}, held-out accuracy ${good.accuracy}, loss ${good.loss}`);
    expect(good.accuracy).toBeGreaterThanOrEqual(0.84); // the labels are noisy: the generating rule itself scores about 0.85
    expect(good.loss).toBeLessThan(0.35);
    for (const factor of [100, 1000]) {
      const bad = trainAt(factor * result.suggestion!);
      expect(bad.loss).toBeGreaterThan(Math.LN2); // worse than the untrained model
      expect(bad.loss).toBeGreaterThan(3 * good.loss);
    }
  });

  it('changes nothing: weights, gradients, momentum buffers, rates; training afterwards is bit-identical', async () => {
    const a = model();
    const twin = model();
    const before = { w: Float64Array.from(a.w.value), b: Float64Array.from(a.b.value), state: a.optimizer.stateDict() };
    await findLr(a.optimizer, ({ step }) => stepOn(train, a.w, a.b, a.optimizer, step), { startLr: 1e-4, endLr: 1e4, steps: 60 });
    expect(Array.from(a.w.value)).toEqual(Array.from(before.w));
    expect(Array.from(a.b.value)).toEqual(Array.from(before.b));
    expect(a.optimizer.stateDict()).toEqual(before.state);
    expect(a.optimizer.paramGroups[0]!.lr).toBe(0.05);
    expect('initialLr' in a.optimizer.paramGroups[0]!).toBe(false);
    for (let k = 2; k < 40; k++) {
      expect(stepOn(train, a.w, a.b, a.optimizer, k)).toBe(stepOn(train, twin.w, twin.b, twin.optimizer, k));
    }
    expect(Array.from(a.w.value)).toEqual(Array.from(twin.w.value));
  });

  it('stops at divergence and restores Adam too, also when a step throws', async () => {
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const adam = new Adam([w, b], { lr: 0.01 });
    const r = await findLr(adam, ({ step }) => stepOn(train, w, b, adam, step) * (1 + step ** 3), { steps: 100, divergeFactor: 3 });
    expect(r.stop).toBe('diverged');
    expect(r.points.length).toBeLessThan(100);
    expect(Array.from(w.value)).toEqual([0, 0]);
    expect(adam.stateDict().state).toEqual([null, null]);
    await expect(
      findLr(adam, ({ step }) => {
        if (step === 5) throw new Error('boom');
        return stepOn(train, w, b, adam, step);
      }),
    ).rejects.toThrow('boom');
    expect(Array.from(w.value)).toEqual([0, 0]);
    expect(adam.paramGroups[0]!.lr).toBe(0.01);
  });

  it('drives any target with a checkpoint, and refuses one without', async () => {
    const trainOpts = { learningRate: 0.3 };
    let weight = 5;
    const seen: number[] = [];
    const r = await findLr(
      trainOpts,
      async ({ lr }) => {
        seen.push(trainOpts.learningRate);
        expect(lr).toBe(trainOpts.learningRate);
        weight -= lr * 2 * weight; // gradient descent on weight²
        return weight * weight;
      },
      { startLr: 1e-3, endLr: 2, steps: 30, checkpoint: { save: () => weight, restore: (w: number) => void (weight = w) } as never },
    );
    expect(seen[0]).toBe(1e-3);
    expect(r.points.map((p) => p.lr)).toEqual(seen);
    expect(weight).toBe(5);
    expect(trainOpts.learningRate).toBe(0.3);
    await expect(findLr(trainOpts, () => 1)).rejects.toThrow(InvalidParameterError);
    await expect(findLr(trainOpts, () => 1)).rejects.toThrow(/options\.checkpoint/);
    await expect(findLr(trainOpts, () => 1, { checkpoint: false, steps: 1 })).rejects.toThrow(/options\.steps must be an integer >= 2, got 1/);
    await expect(findLr(trainOpts, (() => 'x') as never, { checkpoint: false })).rejects.toThrow(/trainStep\(step 0\) result must be a number/);
    expect(trainOpts.learningRate).toBe(0.3);
  });
});
