/**
 * Every schedule kind anneal can read and write as JSON, by its descriptor. The JSON readers, the
 * PyTorch mapping, `@anneal/core/meta`, the site, the fuzz suite and the tests derive from this list;
 * adding a schedule is one line here (and the compiler then asks the tests for their entries).
 *
 * @packageDocumentation
 */
import { constantDescriptor } from './schedules/constant.js';
import { linearDescriptor } from './schedules/linear.js';
import { stepDescriptor } from './schedules/step.js';
import { multiStepDescriptor } from './schedules/multi-step.js';
import { exponentialDescriptor } from './schedules/exponential.js';
import { polynomialDescriptor } from './schedules/polynomial.js';
import { cosineDescriptor } from './schedules/cosine.js';
import { sgdrDescriptor } from './schedules/sgdr.js';
import { oneCycleDescriptor } from './schedules/one-cycle.js';
import { cyclicDescriptor } from './schedules/cyclic.js';
import { inverseSqrtDescriptor } from './schedules/inverse-sqrt.js';
import { wsdDescriptor } from './schedules/wsd.js';
import { piecewiseConstantDescriptor } from './schedules/piecewise-constant.js';
import { piecewiseInterpolateDescriptor } from './schedules/piecewise-interpolate.js';
import { warmupDescriptor } from './combinators/warmup.js';
import { sequenceDescriptor } from './combinators/sequence.js';
import { chainDescriptor } from './combinators/chain.js';
import { cooldownDescriptor } from './combinators/cooldown.js';
import { noiseDescriptor } from './combinators/noise.js';
import type { ScheduleDescriptor } from './descriptor.js';

/** The descriptors, in the order the reference lists them. */
export const SCHEDULE_DESCRIPTORS = [
  constantDescriptor,
  linearDescriptor,
  stepDescriptor,
  multiStepDescriptor,
  exponentialDescriptor,
  polynomialDescriptor,
  cosineDescriptor,
  sgdrDescriptor,
  oneCycleDescriptor,
  cyclicDescriptor,
  inverseSqrtDescriptor,
  wsdDescriptor,
  piecewiseConstantDescriptor,
  piecewiseInterpolateDescriptor,
  warmupDescriptor,
  sequenceDescriptor,
  chainDescriptor,
  cooldownDescriptor,
  noiseDescriptor,
] as const;

/** The JSON `type` of every schedule kind. */
export type ScheduleType = (typeof SCHEDULE_DESCRIPTORS)[number]['type'];

/** The JSON form of the descriptor `D`. */
export type SpecOfDescriptor<D> = D extends ScheduleDescriptor<infer S, infer _O> ? S : never;

/** The `type` names `scheduleFromJSON` accepts. */
export const SCHEDULE_TYPES: readonly ScheduleType[] = /* @__PURE__ */ SCHEDULE_DESCRIPTORS.map((d) => d.type);

/** The descriptor of `type`, or `undefined` (own properties only: `"__proto__"` finds nothing). */
export function descriptorOf(type: unknown): ScheduleDescriptor | undefined {
  return SCHEDULE_DESCRIPTORS.find((d) => d.type === type);
}

/** The descriptor whose PyTorch class is `name`, or `undefined`. */
export function descriptorOfTorchClass(name: unknown): ScheduleDescriptor | undefined {
  return SCHEDULE_DESCRIPTORS.find((d) => d.torch !== undefined && d.torch.class === name);
}
