// bindOptimizer: every core scheduler drives a tfjs optimizer through the binding, the rate reaches the
// optimizer's update through the right mechanism for each class, and the per-class momentum decisions
// (support / caveat / refusal) hold.
import {
  InvalidParameterError,
  oneCycle,
  warmup,
  cosine,
} from '@anneal/core';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiStepLR,
  MultiplicativeLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  ScheduleLR,
  SequentialLR,
  StepLR,
  type OptimizerLike,
} from '@anneal/core/schedulers';
import { schedulerFromJSON, type AnyScheduler } from '@anneal/core/json';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_OPTIMIZERS, UnsupportedOptimizerError, bindOptimizer } from '../src/index.js';
import { cpu, rel, tf } from './helpers.js';

const EPS = 1e-7;
beforeAll(cpu);

/**
 * Applies gradient `g` to every element of `w` and returns the change of element 0. The weight is reset
 * to 0 first (the update does not depend on it), so the change is read at full float32 precision.
 */
function step(opt: tf.Optimizer, w: tf.Variable, g: number): number {
  tf.tidy(() => w.assign(tf.zerosLike(w)));
  tf.tidy(() => opt.applyGradients({ [w.name]: tf.fill(w.shape, g) }));
  return w.dataSync()[0]!;
}

const variable = () => tf.variable(tf.tensor1d([0.5, -0.25]));

describe('every core scheduler drives a bound optimizer exactly as it drives a plain object', () => {
  type Build = (o: OptimizerLike) => AnyScheduler;
  const cases: [string, Build][] = [
    ['StepLR', (o) => new StepLR(o, { stepSize: 3, gamma: 0.5 })],
    ['MultiStepLR', (o) => new MultiStepLR(o, { milestones: [2, 5], gamma: 0.3 })],
    ['ConstantLR', (o) => new ConstantLR(o, { factor: 0.25, totalIters: 4 })],
    ['LinearLR', (o) => new LinearLR(o, { startFactor: 0.1, totalIters: 6 })],
    ['ExponentialLR', (o) => new ExponentialLR(o, { gamma: 0.9 })],
    ['PolynomialLR', (o) => new PolynomialLR(o, { totalIters: 8, power: 2 })],
    ['CosineAnnealingLR', (o) => new CosineAnnealingLR(o, { tMax: 7, etaMin: 0.001 })],
    ['CosineAnnealingWarmRestarts', (o) => new CosineAnnealingWarmRestarts(o, { t0: 3, tMult: 2 })],
    ['OneCycleLR', (o) => new OneCycleLR(o, { maxLr: 0.4, totalSteps: 20 })],
    ['CyclicLR', (o) => new CyclicLR(o, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4 })],
    ['LambdaLR', (o) => new LambdaLR(o, { lrLambda: (e) => 1 / (1 + e) })],
    ['MultiplicativeLR', (o) => new MultiplicativeLR(o, { lrLambda: () => 0.95 })],
    ['ScheduleLR', (o) => new ScheduleLR(o, warmup({ steps: 3, startFactor: 0.1 }, cosine({ tMax: 10 })))],
    ['SequentialLR', (o) => new SequentialLR(o, { schedulers: [new LinearLR(o, { startFactor: 0.2, totalIters: 3 }), new ExponentialLR(o, { gamma: 0.8 })], milestones: [3] })],
    ['ChainedScheduler', (o) => new ChainedScheduler([new ConstantLR(o, { factor: 0.5, totalIters: 2 }), new ExponentialLR(o, { gamma: 0.9 })])],
    ['ReduceLROnPlateau', (o) => new ReduceLROnPlateau(o, { patience: 1, factor: 0.5 })],
    ['schedulerFromJSON (PyTorch spelling)', (o) => schedulerFromJSON(o, { scheduler: 'CosineAnnealingLR', kwargs: { T_max: 5 } })],
  ];

  it.each(cases)('%s', (_name, build) => {
    const optimizer = tf.train.momentum(0.2, 0.9);
    const bound = build(bindOptimizer(tf, optimizer));
    const plain = { paramGroups: [{ lr: 0.2, momentum: 0.9 }] };
    const reference = build(plain);
    const internals = optimizer as unknown as { learningRate: number; momentum: number };
    const metrics = [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2];
    const seen = new Set<number>();
    for (let i = 0; i < 18; i++) {
      seen.add(internals.learningRate);
      expect(internals.learningRate).toBe(plain.paramGroups[0]!.lr);
      expect(internals.momentum).toBe(plain.paramGroups[0]!.momentum);
      expect(bound.getLastLr()).toEqual(reference.getLastLr());
      if (bound.kind === 'ReduceLROnPlateau') {
        (bound as ReduceLROnPlateau).step(metrics[i % metrics.length]!);
        (reference as ReduceLROnPlateau).step(metrics[i % metrics.length]!);
      } else {
        (bound as { step(): void }).step();
        (reference as { step(): void }).step();
      }
    }
    expect(bound.stateDict()).toEqual(reference.stateDict());
    // The rate moved (a scheduler that never changed it would pass the loop trivially).
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('the scheduled rate reaches each class’s update', () => {
  // With a constant gradient of 1, step k of each class moves a weight by -lr_k · unit(k).
  const classes: [string, () => tf.Optimizer, (k: number) => number][] = [
    ['SGD', () => tf.train.sgd(0.1), () => 1],
    ['Momentum (momentum 0)', () => tf.train.momentum(0.1, 0), () => 1],
    ['Adam', () => tf.train.adam(0.1), () => 1 / (1 + EPS)],
    ['Adamax (decay 0)', () => tf.train.adamax(0.1), () => 1 / (1 + EPS)],
    ['Adagrad', () => tf.train.adagrad(0.1, 0.1), (k) => 1 / Math.sqrt(0.1 + k + EPS)],
    ['Adadelta', () => tf.train.adadelta(0.1, 0.95), () => 1],
    ['RMSProp (momentum 0)', () => tf.train.rmsprop(0.1, 0.9), (k) => 1 / Math.sqrt(1 - 0.9 ** k + EPS)],
  ];
  it.each(classes)('%s', (_name, make, unit) => {
    const optimizer = make();
    const scheduler = new ExponentialLR(bindOptimizer(tf, optimizer), { gamma: 0.5 });
    const w = variable();
    for (let k = 1; k <= 5; k++) {
      const lr = scheduler.getLastLr()[0]!;
      expect(lr).toBe(0.1 * 0.5 ** (k - 1));
      expect(rel(step(optimizer, w, 1), -lr * unit(k))).toBeLessThan(2e-4);
      scheduler.step();
    }
  });

  it('covers every supported class', () => {
    expect([...SUPPORTED_OPTIMIZERS]).toEqual(['SGD', 'Momentum', 'Adam', 'Adamax', 'Adagrad', 'Adadelta', 'RMSProp']);
  });
});

describe('momentum decisions per class', () => {
  it.each([
    ['SGD', () => tf.train.sgd(0.1)],
    ['Adagrad', () => tf.train.adagrad(0.1)],
    ['Adadelta', () => tf.train.adadelta(0.1)],
  ] as const)('%s has no momentum: cycling it is refused with a typed error at construction', (name, make) => {
    const binding = bindOptimizer(tf, make());
    expect(binding.momentumSlot).toBe('none');
    expect(() => new OneCycleLR(binding, { maxLr: 0.1, totalSteps: 10 })).toThrow(UnsupportedOptimizerError);
    expect(() => new CyclicLR(binding, { baseLr: 0.01, maxLr: 0.1 })).toThrow(/cycleMomentum: false/);
    expect(() => new ScheduleLR(binding, oneCycle({ maxLr: 0.1, totalSteps: 10 }))).toThrow(UnsupportedOptimizerError);
    try {
      new OneCycleLR(binding, { maxLr: 0.1, totalSteps: 10 });
    } catch (e) {
      expect((e as UnsupportedOptimizerError).code).toBe('unsupported-optimizer');
      expect((e as UnsupportedOptimizerError).optimizerClass).toBe(name);
    }
    // Without momentum cycling the same schedulers work.
    const s = new OneCycleLR(binding, { maxLr: 0.1, totalSteps: 10, cycleMomentum: false });
    s.step();
    expect(binding.paramGroups[0]!.lr).toBe(s.getLastLr()[0]);
  });

  it.each([false, true])('Momentum (nesterov %s): one-cycle momentum reaches the update (the cached scalar is replaced)', (nesterov) => {
    const optimizer = tf.train.momentum(0.1, 0.9, nesterov);
    const scheduler = new OneCycleLR(bindOptimizer(tf, optimizer), { maxLr: 0.5, totalSteps: 12 });
    const plain = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
    const reference = new OneCycleLR(plain, { maxLr: 0.5, totalSteps: 12 });
    const w = variable();
    let acc = 0;
    const momenta = new Set<number>();
    for (let k = 1; k <= 12; k++) {
      const { lr, momentum } = plain.paramGroups[0]!;
      momenta.add(momentum);
      expect(optimizer.getConfig().momentum).toBe(momentum);
      const g = 1 + 0.5 * Math.sin(k);
      acc = momentum * acc + g;
      const expected = nesterov ? -lr * (g + momentum * acc) : -lr * acc;
      expect(rel(step(optimizer, w, g), expected)).toBeLessThan(1e-4);
      scheduler.step();
      reference.step();
    }
    expect(momenta.size).toBeGreaterThan(5);
  });

  it("Adam: one-cycle beta1 reaches the update with PyTorch's bias correction 1 − beta1^step", () => {
    const optimizer = tf.train.adam(0.1, 0.9, 0.999);
    const binding = bindOptimizer(tf, optimizer);
    expect(binding.momentumSlot).toBe('betas');
    const scheduler = new OneCycleLR(binding, { maxLr: 0.05, totalSteps: 15 });
    const plain = { paramGroups: [{ lr: 0.1, betas: [0.9, 0.999] as readonly number[] }] };
    const reference = new OneCycleLR(plain, { maxLr: 0.05, totalSteps: 15 });
    const w = variable();
    let m = 0;
    let v = 0;
    for (let k = 1; k <= 15; k++) {
      const { lr, betas } = plain.paramGroups[0]!;
      const [b1, b2] = betas as [number, number];
      expect(binding.paramGroups[0]!.betas).toEqual([b1, b2]);
      const g = 1 + 0.8 * Math.sin(k);
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      const expected = (-lr * (m / (1 - b1 ** k))) / (Math.sqrt(v / (1 - b2 ** k)) + EPS);
      expect(rel(step(optimizer, w, g), expected)).toBeLessThan(1e-3);
      scheduler.step();
      reference.step();
    }
  });

  it('Adamax: decay ≠ 0 is refused; with decay 0, one-cycle beta1 gets the bias correction 1 − beta1^step', () => {
    const decayed = tf.train.adamax(0.002, 0.9, 0.999, undefined, 0.01);
    expect(() => bindOptimizer(tf, decayed)).toThrow(InvalidParameterError);
    expect(() => bindOptimizer(tf, decayed)).toThrow(/optimizer\.decay must be 0 .*got 0\.01/);

    const optimizer = tf.train.adamax(0.002, 0.9, 0.999);
    const scheduler = new OneCycleLR(bindOptimizer(tf, optimizer), { maxLr: 0.05, totalSteps: 10 });
    const plain = { paramGroups: [{ lr: 0.002, betas: [0.9, 0.999] as readonly number[] }] };
    const reference = new OneCycleLR(plain, { maxLr: 0.05, totalSteps: 10 });
    const w = variable();
    let m = 0;
    let u = 0;
    for (let k = 1; k <= 10; k++) {
      const { lr, betas } = plain.paramGroups[0]!;
      const [b1, b2] = betas as [number, number];
      const g = 1 + 0.8 * Math.sin(k);
      m = b1 * m + (1 - b1) * g;
      u = Math.max(b2 * u, Math.abs(g));
      const expected = (-lr / (1 - b1 ** k)) * (m / (u + EPS));
      expect(rel(step(optimizer, w, g), expected)).toBeLessThan(1e-3);
      scheduler.step();
      reference.step();
    }
  });

  it('RMSProp with momentum (caveat): the new rate scales only the new gradient term; the buffer keeps earlier rates', () => {
    const optimizer = tf.train.rmsprop(0.1, 0.9, 0.5);
    const scheduler = new StepLR(bindOptimizer(tf, optimizer), { stepSize: 1, gamma: 0.5 });
    const w = variable();
    const t1 = 1 / Math.sqrt(0.1 + EPS);
    const t2 = 1 / Math.sqrt(0.19 + EPS);
    expect(rel(step(optimizer, w, 1), -0.1 * t1)).toBeLessThan(1e-4);
    scheduler.step();
    expect(rel(step(optimizer, w, 1), -(0.5 * 0.1 * t1 + 0.05 * t2))).toBeLessThan(1e-4);
  });

  it('RMSProp: one-cycle cycles its momentum field', () => {
    const optimizer = tf.train.rmsprop(0.01, 0.9, 0.9);
    const scheduler = new OneCycleLR(bindOptimizer(tf, optimizer), { maxLr: 0.1, totalSteps: 10 });
    const plain = { paramGroups: [{ lr: 0.01, momentum: 0.9 }] };
    const reference = new OneCycleLR(plain, { maxLr: 0.1, totalSteps: 10 });
    for (let k = 0; k < 6; k++) {
      scheduler.step();
      reference.step();
      expect(optimizer.getConfig().momentum).toBe(plain.paramGroups[0]!.momentum);
      expect(optimizer.getConfig().learningRate).toBe(plain.paramGroups[0]!.lr);
    }
  });
});

describe('the binding', () => {
  it('is one per optimizer, so initialLr persists across schedulers', () => {
    const optimizer = tf.train.sgd(0.3);
    const a = bindOptimizer(tf, optimizer);
    expect(bindOptimizer(tf, optimizer)).toBe(a);
    new CosineAnnealingLR(a, { tMax: 4 }).step();
    expect(a.paramGroups[0]!.lr).toBeLessThan(0.3);
    const again = new CosineAnnealingLR(bindOptimizer(tf, optimizer), { tMax: 4 });
    expect(again.baseLrs).toEqual([0.3]);
    expect(a.className).toBe('SGD');
    expect(a.paramGroups).toHaveLength(1);
    expect(() => (a.paramGroups as unknown[]).push({ lr: 1 })).toThrow(TypeError);
  });

  it('reports the optimizer iterations as the global step', () => {
    const optimizer = tf.train.sgd(0.1);
    const binding = bindOptimizer(tf, optimizer);
    const w = variable();
    step(optimizer, w, 1);
    step(optimizer, w, 1);
    step(optimizer, w, 1);
    expect(binding.iterations).toBe(3);
  });

  it('refuses what it cannot drive, naming the parameter and the value', () => {
    expect(() => bindOptimizer({} as typeof tf, tf.train.sgd(0.1))).toThrow(/^tf must be the TensorFlow\.js namespace/);
    expect(() => bindOptimizer(tf, { learningRate: 0.1 } as unknown as tf.Optimizer)).toThrow(/optimizer must be a TensorFlow\.js optimizer/);
    class Lion extends tf.Optimizer {
      static get className() {
        return 'Lion';
      }
      applyGradients(): void {}
      getConfig() {
        return {};
      }
    }
    expect(() => bindOptimizer(tf, new Lion())).toThrow(UnsupportedOptimizerError);
    expect(() => bindOptimizer(tf, new Lion())).toThrow(/Lion optimizer: .*supported: SGD, Momentum, Adam, Adamax, Adagrad, Adadelta, RMSProp/);
    expect(() => bindOptimizer(tf, tf.train.sgd(Number.NaN))).toThrow(/optimizer\.learningRate must be a non-negative finite number, got NaN/);
  });

  it('refuses to cycle a momentum whose tfjs internals are not where tfjs 4.x keeps them, instead of doing nothing', () => {
    const momentum = tf.train.momentum(0.1, 0.9) as unknown as tf.Optimizer & { m?: tf.Scalar };
    momentum.m!.dispose();
    delete momentum.m;
    expect(() => new OneCycleLR(bindOptimizer(tf, momentum), { maxLr: 0.1, totalSteps: 10 })).toThrow(/^TensorFlow\.js Momentum optimizer: cannot cycle momentum/);
    const adam = tf.train.adam() as unknown as tf.Optimizer & { accBeta1?: tf.Variable };
    adam.accBeta1!.dispose();
    delete adam.accBeta1;
    expect(() => new OneCycleLR(bindOptimizer(tf, adam), { maxLr: 0.1, totalSteps: 10 })).toThrow(UnsupportedOptimizerError);
    expect(() => new OneCycleLR(bindOptimizer(tf, adam), { maxLr: 0.1, totalSteps: 10 })).toThrow(/cannot cycle beta1: .*accBeta1/);
  });

  it('refuses a non-finite or negative rate or momentum instead of training with it', () => {
    const binding = bindOptimizer(tf, tf.train.momentum(0.1, 0.9));
    const group = binding.paramGroups[0]!;
    expect(() => (group.lr = Number.NaN)).toThrow(InvalidParameterError);
    expect(() => (group.lr = -0.1)).toThrow(/lr must be a non-negative finite number, got -0\.1/);
    expect(() => new LambdaLR(binding, { lrLambda: () => -2 })).toThrow(/^lr must be a non-negative finite number, got -0\.2/);
    expect(() => (group.momentum = -1)).toThrow(/momentum must be a non-negative finite number/);
    const adam = bindOptimizer(tf, tf.train.adam()).paramGroups[0]!;
    expect(() => (adam.betas = [1.2, 0.999])).toThrow(/betas must be an array of two numbers in \[0, 1\)/);
    expect(group.lr).toBe(0.1);
  });
});

describe('no tensor leaks', () => {
  const runs: [string, () => tf.Optimizer, (b: OptimizerLike) => { step(): void }][] = [
    ['SGD + CosineAnnealingLR', () => tf.train.sgd(0.1), (b) => new CosineAnnealingLR(b, { tMax: 10_000 })],
    ['Momentum + OneCycleLR (rate and momentum)', () => tf.train.momentum(0.1, 0.9), (b) => new OneCycleLR(b, { maxLr: 0.1, totalSteps: 10_001 })],
    ['Adam + OneCycleLR (rate and beta1)', () => tf.train.adam(0.001), (b) => new OneCycleLR(b, { maxLr: 0.01, totalSteps: 10_001 })],
  ];
  it.each(runs)('%s: tf.memory().numTensors is unchanged by 10,000 scheduled steps', (_name, make, build) => {
    const optimizer = make();
    const scheduler = build(bindOptimizer(tf, optimizer));
    const w = variable();
    const loss = () => w.square().sum() as tf.Scalar;
    optimizer.minimize(loss); // creates the optimizer's own slots
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let i = 0; i < 10_000; i++) {
      scheduler.step();
      optimizer.minimize(loss);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytes);
    expect(optimizer.iterations).toBe(10_001);
  });
});
