// Scheduling tfjs knobs: every update of a one-weight problem must be the optimizer's rule with the
// scheduled beta2 / momentum of that step.
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidParameterError, cosine, linear, step } from '@anneal/core';
import { UnsupportedOptimizerError, scheduleHyperparameter } from '../src/index.js';
import { cpu, tf } from './helpers.js';

beforeAll(cpu);

/** One step of minimising (w − 3)² with `optimizer`; returns the gradient used and the new w. */
function minimize(optimizer: tf.Optimizer, w: tf.Variable): { grad: number; value: number } {
  const grad = 2 * (w.dataSync()[0]! - 3);
  optimizer.minimize(() => tf.square(tf.sub(w, 3)).sum() as tf.Scalar, false, [w]);
  return { grad, value: w.dataSync()[0]! };
}

describe('scheduleHyperparameter (tfjs)', () => {
  it("Adam's beta2 on a ramp: each update uses that step's beta2 in the moment and the bias correction", () => {
    const w = tf.variable(tf.scalar(0));
    const adam = tf.train.adam(0.05, 0.9, 0.999, 1e-7);
    const ramp = linear({ startFactor: 0.9 / 0.999, endFactor: 1, totalIters: 10 });
    const b2 = scheduleHyperparameter(tf, adam, 'beta2', ramp);
    let x = 0;
    let m = 0;
    let v = 0;
    for (let k = 1; k <= 15; k++) {
      const beta = ramp.lr(k - 1, 0.999);
      expect(b2.value).toBeCloseTo(beta, 15);
      const { grad, value } = minimize(adam, w);
      m = 0.9 * m + 0.1 * grad;
      v = beta * v + (1 - beta) * grad * grad;
      x = x - (0.05 * (m / (1 - 0.9 ** k))) / (Math.sqrt(v / (1 - beta ** k)) + 1e-7);
      expect(value).toBeCloseTo(x, 5);
      b2.step();
    }
    w.dispose();
  });

  it('momentum on a step decay: each update accumulates with that step\'s momentum', () => {
    const w = tf.variable(tf.scalar(0));
    const opt = tf.train.momentum(0.05, 0.9);
    const decay = step({ stepSize: 4, gamma: 0.5 });
    const mom = scheduleHyperparameter(tf, opt, 'momentum', decay);
    let x = 0;
    let acc = 0;
    for (let t = 0; t < 12; t++) {
      const mu = decay.lr(t, 0.9);
      expect(mom.value).toBe(mu);
      const { grad, value } = minimize(opt, w);
      acc = mu * acc + grad;
      x = x - 0.05 * acc;
      expect(value).toBeCloseTo(x, 5);
      mom.step();
    }
    mom.stepTo(0);
    expect(mom.value).toBe(0.9);
    w.dispose();
  });

  it('refuses a knob the optimizer does not have, and other names', () => {
    expect(() => scheduleHyperparameter(tf, tf.train.sgd(0.1), 'momentum', cosine({ tMax: 3 }))).toThrow(UnsupportedOptimizerError);
    expect(() => scheduleHyperparameter(tf, tf.train.momentum(0.1, 0.9), 'beta2', cosine({ tMax: 3 }))).toThrow(UnsupportedOptimizerError);
    expect(() => scheduleHyperparameter(tf, tf.train.adam(), 'weightDecay' as never, cosine({ tMax: 3 }))).toThrow(InvalidParameterError);
  });
});
