/**
 * The Keras writer: anneal's spec → a serialised `LearningRateSchedule`
 * (`{ module, class_name, config, registered_name }`), the inverse of the entries of `KERAS_SCHEDULES`.
 * Keras schedules carry their rates: the written config holds them at the given base rate.
 *
 * @packageDocumentation
 */
import type { KerasScheduleName } from '../ecosystems/keras.js';
import { at, refuser, type Fields } from './common.js';
import { labelOf, num, splitWarmup } from './shapes.js';

const refuse: (path: string, reason: string) => never = refuser('keras');

/** A serialised Keras schedule. */
export interface KerasConfig {
  module: 'keras.optimizers.schedules';
  class_name: KerasScheduleName;
  config: Record<string, unknown>;
  registered_name: null;
}

const serialised = (class_name: KerasScheduleName, config: Record<string, unknown>): KerasConfig => ({ module: 'keras.optimizers.schedules', class_name, config, registered_name: null });

/** Writes `spec` (canonical) as a serialised Keras schedule at base rate `baseLr`. */
export function writeKeras(spec: Fields, baseLr: number): KerasConfig {
  const { warmup, child, path } = splitWarmup(spec);
  const p = (key: string) => at(path, key);
  if (warmup !== undefined && child.type !== 'cosine') refuse('', `Keras has a warmup only in CosineDecay (not in front of ${labelOf(child)})`);
  switch (child.type) {
    case 'cosine': {
      if (child.clamp !== true) refuse(p('clamp'), "Keras's CosineDecay stays at its floor after decay_steps (clamp true)");
      if (child.exponent !== undefined && child.exponent !== 1) refuse(p('exponent'), "Keras's CosineDecay has no exponent");
      const alpha = ((num(child, 'etaMin') ?? 0) + (num(child, 'minFactor') ?? 0) * baseLr) / baseLr;
      const config: Record<string, unknown> = { initial_learning_rate: baseLr, decay_steps: child.tMax, alpha };
      if (warmup === undefined) return serialised('CosineDecay', config);
      if (warmup.prefix === false) refuse('prefix', "Keras's warmup comes before the decay (prefix)");
      if (warmup.warmTo !== undefined && warmup.warmTo !== 'start') refuse('warmTo', "Keras's warmup rises to warmup_target, the decay's start");
      return serialised('CosineDecay', { ...config, initial_learning_rate: (warmup.startFactor as number) * baseLr, warmup_target: baseLr, warmup_steps: warmup.steps });
    }
    case 'sgdr': {
      for (const key of ['kDecay', 'power']) if (child[key] !== undefined) refuse(p(key), `Keras's CosineDecayRestarts has no ${key}`);
      if (child.shape !== undefined && child.shape !== 'cosine') refuse(p('shape'), "Keras's CosineDecayRestarts has cosine cycles only");
      if (child.warmupSteps !== 0) refuse(p('warmupSteps'), "Keras's CosineDecayRestarts has no warmup");
      if (child.cycleLimit !== undefined) refuse(p('cycleLimit'), "Keras's CosineDecayRestarts restarts forever (no cycle limit)");
      const alpha = ((num(child, 'etaMin') ?? 0) + (num(child, 'minFactor') ?? 0) * baseLr) / baseLr;
      return serialised('CosineDecayRestarts', { initial_learning_rate: baseLr, first_decay_steps: child.t0, t_mul: child.tMult, m_mul: child.cycleDecay, alpha });
    }
    case 'exponential':
      if (child.endLr !== undefined) refuse(p('endLr'), "Keras's ExponentialDecay has no floor");
      return serialised('ExponentialDecay', { initial_learning_rate: baseLr, decay_steps: child.period ?? 1, decay_rate: child.gamma, staircase: false });
    case 'step':
      if (child.endLr !== undefined) refuse(p('endLr'), "Keras's ExponentialDecay has no floor");
      return serialised('ExponentialDecay', { initial_learning_rate: baseLr, decay_steps: child.stepSize, decay_rate: child.gamma, staircase: true });
    case 'piecewiseConstant':
      if (child.atBoundary !== 'previous') refuse(p('atBoundary'), "Keras's PiecewiseConstantDecay keeps the earlier value at a boundary (atBoundary 'previous')");
      return serialised('PiecewiseConstantDecay', { boundaries: child.boundaries, values: (child.values as number[]).map((v) => v * baseLr) });
    case 'linear':
      // A straight line from the base rate: PolynomialDecay with power 1 down to endFactor times it.
      if (child.startFactor !== 1) refuse(p('startFactor'), "Keras's PolynomialDecay starts at initial_learning_rate (startFactor 1)");
      return serialised('PolynomialDecay', { initial_learning_rate: baseLr, decay_steps: child.totalIters, end_learning_rate: (child.endFactor as number) * baseLr, power: 1, cycle: false });
    case 'polynomial':
      return serialised('PolynomialDecay', { initial_learning_rate: baseLr, decay_steps: child.totalIters, end_learning_rate: num(child, 'endLr') ?? 0, power: child.power, cycle: child.cycle === true });
    case 'inverseSqrt': {
      if (child.power !== 1) refuse(p('power'), "Keras's InverseTimeDecay is 1/(1 + t/timescale) (power 1)");
      if (child.warmupSteps !== 0) refuse(p('warmupSteps'), "Keras's InverseTimeDecay has no warmup");
      const stepSize = num(child, 'stepSize');
      const decaySteps = stepSize ?? (child.timescale as number);
      return serialised('InverseTimeDecay', { initial_learning_rate: baseLr, decay_steps: decaySteps, decay_rate: decaySteps / (child.timescale as number), staircase: stepSize !== undefined });
    }
    default:
      return refuse(path, `Keras has no schedule class for ${labelOf(child)}`);
  }
}
