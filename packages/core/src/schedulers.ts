/**
 * `@anneal/core/schedulers`: the stateful layer, with PyTorch's `torch.optim.lr_scheduler` semantics:
 * `step()`, `getLastLr()`, `stateDict()`/`loadStateDict()`, param groups, `ReduceLROnPlateau`, the
 * composites `SequentialLR` and `ChainedScheduler`, and `ScheduleLR`/`CooldownLR`, which drive any pure
 * schedule from the root entry. Each class computes its rates with the same closed-form (or PyTorch's
 * recursive) formula as the pure schedule of its kind; the pure schedules and combinators are in
 * `@anneal/core`.
 *
 * @packageDocumentation
 */
export type { OptimizerLike, ParamGroup } from './schedulers/optimizer.js';
export { LRScheduler } from './schedulers/lr-scheduler.js';
export { PYTORCH_VERSIONS, type PyTorchVersion } from './schedulers/pytorch-version.js';
export type { SchedulerConfig, SchedulerState, SteppableScheduler } from './schedulers/state.js';
export type { FactorSchedulerOptions } from './schedulers/factor-scheduler.js';
export { StepLR, type StepLROptions } from './schedulers/step-lr.js';
export { MultiStepLR, type MultiStepLROptions } from './schedulers/multi-step-lr.js';
export { ConstantLR, type ConstantLROptions } from './schedulers/constant-lr.js';
export { LinearLR, type LinearLROptions } from './schedulers/linear-lr.js';
export { ExponentialLR, type ExponentialLROptions } from './schedulers/exponential-lr.js';
export { PolynomialLR, type PolynomialLROptions } from './schedulers/polynomial-lr.js';
export { CosineAnnealingLR, type CosineAnnealingLROptions } from './schedulers/cosine-annealing-lr.js';
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
} from './schedulers/cosine-annealing-warm-restarts.js';
export { OneCycleLR, type OneCycleLROptions, type OneCycleLRBaseOptions } from './schedulers/one-cycle-lr.js';
export { CyclicLR, type CyclicLROptions } from './schedulers/cyclic-lr.js';
export { LambdaLR, MultiplicativeLR, type LambdaLROptions } from './schedulers/lambda-lr.js';
export { ScheduleLR, type ScheduleLROptions } from './schedulers/schedule-lr.js';
export { CooldownLR, type CooldownLROptions, type CooldownWindow } from './schedulers/cooldown-lr.js';
export { SequentialLR, type SequentialLROptions } from './schedulers/sequential-lr.js';
export { ChainedScheduler, type ChainedSchedulerOptions } from './schedulers/chained-scheduler.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './schedulers/reduce-lr-on-plateau.js';

import { ConstantLR } from './schedulers/constant-lr.js';
import { LinearLR } from './schedulers/linear-lr.js';
import { StepLR } from './schedulers/step-lr.js';
import { MultiStepLR } from './schedulers/multi-step-lr.js';
import { ExponentialLR } from './schedulers/exponential-lr.js';
import { PolynomialLR } from './schedulers/polynomial-lr.js';
import { CosineAnnealingLR } from './schedulers/cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from './schedulers/cosine-annealing-warm-restarts.js';
import { OneCycleLR } from './schedulers/one-cycle-lr.js';
import { CyclicLR } from './schedulers/cyclic-lr.js';

/**
 * The stateful class of each schedule kind PyTorch has a class for, by that class's name (the kind's
 * descriptor names it: `torch.class`). `schedulerFromJSON` and `scheduleFromJSON` build PyTorch's JSON
 * spelling with these; a kind whose class is missing here makes them fail as they load.
 */
export const TORCH_CLASSES = {
  ConstantLR,
  LinearLR,
  StepLR,
  MultiStepLR,
  ExponentialLR,
  PolynomialLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  OneCycleLR,
  CyclicLR,
} as const;
