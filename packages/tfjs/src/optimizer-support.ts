/**
 * How each TensorFlow.js optimizer class takes a new learning rate and momentum. One entry per class;
 * every fact here was read from `@tensorflow/tfjs-core@4.22.0/dist/optimizers/*.js` and is pinned by a
 * test in `test/optimizer-facts.test.ts`.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { UnsupportedOptimizerError } from './errors.js';
import type { OptimizerInternals, TfCore } from './tf-types.js';

/** The tfjs optimizer classes anneal drives, by `getClassName()`. */
export const SUPPORTED_OPTIMIZERS = ['SGD', 'Momentum', 'Adam', 'Adamax', 'Adagrad', 'Adadelta', 'RMSProp'] as const;

/** One of {@link SUPPORTED_OPTIMIZERS}. */
export type OptimizerClassName = (typeof SUPPORTED_OPTIMIZERS)[number];

/**
 * Where a class keeps its momentum: `'momentum'` (SGD with momentum, RMSProp), `'betas'` (Adam's and
 * Adamax's `beta1`, which one-cycle and cyclic schedules cycle as PyTorch cycles `betas[0]`), or `'none'`.
 */
export type MomentumSlot = 'momentum' | 'betas' | 'none';

/** @internal */
export interface OptimizerSupport {
  readonly momentum: MomentumSlot;
  /** Refuses, at bind time, a configuration a schedule cannot drive. */
  check(opt: OptimizerInternals): void;
  writeLr(opt: OptimizerInternals, lr: number): void;
  readMomentum(opt: OptimizerInternals): number | readonly number[] | undefined;
  writeMomentum(tf: TfCore, opt: OptimizerInternals, value: number | readonly number[]): void;
}

const noCheck = (): void => {};

/** SGD and Momentum keep `-learningRate` in a kept scalar: only `setLearningRate` refreshes it. */
const viaSetter = (opt: OptimizerInternals, lr: number): void => opt.setLearningRate!(lr);
/** The other classes read the plain `learningRate` number on every step. */
const viaField = (opt: OptimizerInternals, lr: number): void => {
  opt.learningRate = lr;
};

function noMomentum(name: OptimizerClassName): Pick<OptimizerSupport, 'momentum' | 'readMomentum' | 'writeMomentum'> {
  return {
    momentum: 'none',
    readMomentum: () => undefined,
    writeMomentum() {
      throw new UnsupportedOptimizerError(
        name,
        'it has no momentum to cycle; pass cycleMomentum: false to OneCycleLR / CyclicLR / oneCycle / cyclic, or use tf.train.momentum, tf.train.adam or tf.train.rmsprop',
      );
    },
  };
}

function isScalarTensor(x: unknown): boolean {
  const t = x as { shape?: unknown; dispose?: unknown } | null | undefined;
  return typeof t?.dispose === 'function' && Array.isArray(t.shape) && t.shape.length === 0;
}

function isVariable(x: unknown): boolean {
  return isScalarTensor(x) && typeof (x as { assign?: unknown }).assign === 'function';
}

function checkMomentumValue(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameterError('momentum', value, 'a non-negative finite number');
  }
  return value;
}

function checkBetas(value: unknown): [number, number] {
  const ok = (b: unknown) => typeof b === 'number' && b >= 0 && b < 1;
  if (!Array.isArray(value) || value.length !== 2 || !ok(value[0]) || !ok(value[1])) {
    throw new InvalidParameterError('betas', value, 'an array of two numbers in [0, 1) ([beta1, beta2])');
  }
  return [value[0] as number, value[1] as number];
}

/**
 * Sets an Adam/Adamax `beta` and resets its running power to `beta^(iterations + 1)`, so the next step's
 * bias correction is `1 − beta^step` with the current beta, as in PyTorch. Without this, tfjs would
 * divide by one minus the product of all earlier betas.
 */
function writeBeta(tf: TfCore, opt: OptimizerInternals, which: 'beta1' | 'beta2', value: number): void {
  const acc = which === 'beta1' ? opt.accBeta1 : opt.accBeta2;
  if (!isVariable(acc)) {
    throw new UnsupportedOptimizerError(
      opt.getClassName(),
      `cannot cycle ${which}: its bias-correction accumulator (acc${which === 'beta1' ? 'Beta1' : 'Beta2'} in tfjs 4.x) was not found`,
    );
  }
  opt[which] = value;
  const power = Math.pow(value, opt.iterations + 1);
  tf.tidy(() => {
    acc!.assign(tf.scalar(power));
  });
}

const SUPPORT: Record<OptimizerClassName, OptimizerSupport> = {
  SGD: { check: noCheck, writeLr: viaSetter, ...noMomentum('SGD') },
  Momentum: {
    momentum: 'momentum',
    check: noCheck,
    writeLr: viaSetter,
    readMomentum: (opt) => opt.momentum,
    writeMomentum(tf, opt, value) {
      const m = checkMomentumValue(value);
      // setMomentum() only updates the number getConfig() reports; the update reads the cached scalar `m`.
      if (!isScalarTensor(opt.m)) {
        throw new UnsupportedOptimizerError('Momentum', 'cannot cycle momentum: its cached momentum scalar (m in tfjs 4.x) was not found');
      }
      opt.setMomentum!(m);
      const next = tf.keep(tf.scalar(m));
      const previous = opt.m!;
      opt.m = next;
      previous.dispose();
    },
  },
  Adam: {
    momentum: 'betas',
    check: noCheck,
    writeLr: viaField,
    readMomentum: (opt) => [opt.beta1!, opt.beta2!],
    writeMomentum(tf, opt, value) {
      const [b1, b2] = checkBetas(value);
      writeBeta(tf, opt, 'beta1', b1);
      if (b2 !== opt.beta2) writeBeta(tf, opt, 'beta2', b2);
    },
  },
  Adamax: {
    momentum: 'betas',
    check(opt) {
      if (opt.decay !== 0) {
        throw new InvalidParameterError(
          'optimizer.decay',
          opt.decay,
          '0 when anneal drives the rate (tfjs Adamax divides its rate by 1 + decay·iteration on its own, which would compound with the schedule)',
        );
      }
    },
    writeLr: viaField,
    readMomentum: (opt) => [opt.beta1!, opt.beta2!],
    writeMomentum(tf, opt, value) {
      const [b1, b2] = checkBetas(value);
      writeBeta(tf, opt, 'beta1', b1);
      // Adamax's beta2 scales the infinity norm only; it has no bias correction.
      opt.beta2 = b2;
    },
  },
  Adagrad: { check: noCheck, writeLr: viaField, ...noMomentum('Adagrad') },
  Adadelta: { check: noCheck, writeLr: viaField, ...noMomentum('Adadelta') },
  RMSProp: {
    momentum: 'momentum',
    check: noCheck,
    writeLr: viaField,
    readMomentum: (opt) => opt.momentum,
    writeMomentum(_tf, opt, value) {
      opt.momentum = checkMomentumValue(value);
    },
  },
};

/**
 * The handling of `optimizer`'s class.
 * @throws {@link UnsupportedOptimizerError} for a class not in {@link SUPPORTED_OPTIMIZERS}.
 * @internal
 */
export function supportFor(className: string): OptimizerSupport {
  if (!(SUPPORTED_OPTIMIZERS as readonly string[]).includes(className)) {
    throw new UnsupportedOptimizerError(
      className,
      `anneal does not know how this class applies its learning rate; supported: ${SUPPORTED_OPTIMIZERS.join(', ')}`,
    );
  }
  return SUPPORT[className as OptimizerClassName];
}
