/**
 * `@anneal/core/meta`: the descriptor of every schedule kind (its options with their checks, defaults and
 * sample ranges, its formula, its PyTorch class and keywords), for tools that present or generate
 * schedules: the documentation site, the CLI, code generators, fuzzers.
 *
 * @packageDocumentation
 */
export {
  SCHEDULE_DESCRIPTORS,
  SCHEDULE_TYPES,
  descriptorOf,
  descriptorOfTorchClass,
  type ScheduleType,
  type SpecOfDescriptor,
} from './registry.js';
export type { ScheduleDescriptor, OptionMeta, TorchMapping, ChildKey } from './descriptor.js';
export { sampleSpec, sampleValue, alternativeValue } from './meta/samples.js';
