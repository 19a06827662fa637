/**
 * The JSON forms of schedules: a discriminated union on `type`.
 *
 * @packageDocumentation
 */
import type { ConstantSpec } from '../schedules/constant.js';
import type { LinearSpec } from '../schedules/linear.js';
import type { StepSpec } from '../schedules/step.js';
import type { MultiStepSpec } from '../schedules/multi-step.js';
import type { ExponentialSpec } from '../schedules/exponential.js';
import type { PolynomialSpec } from '../schedules/polynomial.js';
import type { CosineSpec } from '../schedules/cosine.js';
import type { SgdrSpec } from '../schedules/sgdr.js';
import type { OneCycleSpec } from '../schedules/one-cycle.js';
import type { CyclicSpec } from '../schedules/cyclic.js';
import type { InverseSqrtSpec } from '../schedules/inverse-sqrt.js';
import type { WsdSpec } from '../schedules/wsd.js';
import type { WarmupSpec } from '../combinators/warmup.js';
import type { SequenceSpec } from '../combinators/sequence.js';
import type { ChainSpec } from '../combinators/chain.js';

/** Any schedule as plain JSON, in anneal's own spelling (`{ "type": "cosine", "tMax": 20 }`). */
export type ScheduleSpec =
  | ConstantSpec
  | LinearSpec
  | StepSpec
  | MultiStepSpec
  | ExponentialSpec
  | PolynomialSpec
  | CosineSpec
  | SgdrSpec
  | OneCycleSpec
  | CyclicSpec
  | InverseSqrtSpec
  | WsdSpec
  | WarmupSpec
  | SequenceSpec
  | ChainSpec;

/** A schedule in PyTorch's spelling: `{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`. */
export interface TorchSchedulerSpec {
  /** The PyTorch class name. */
  scheduler: string;
  /** Its keyword arguments in PyTorch's spelling; for SequentialLR/ChainedScheduler `schedulers` nests more of these. */
  kwargs?: Record<string, unknown>;
}
