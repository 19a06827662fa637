/**
 * `@anneal/core/json`: schedules and schedulers from JSON, in anneal's spelling (`{ type: 'cosine', tMax }`),
 * in PyTorch's (`{ scheduler: 'CosineAnnealingLR', kwargs: { T_max } }`), and in the configurations of HF
 * transformers, timm, Keras and optax (`ecosystemFromJSON`). A separate entry so that an
 * import of the root entry does not carry the readers; both entries share one copy of the schedules,
 * schedulers and error classes.
 *
 * @packageDocumentation
 */

export type { ScheduleSpec, TorchSchedulerSpec } from './serialization/spec.js';
export { scheduleFromJSON, SCHEDULE_TYPES } from './serialization/schedule-json.js';
export { schedulerFromJSON, type SchedulerReaderOptions } from './serialization/scheduler-json.js';
export { TORCH_SCHEDULERS, type AnyScheduler } from './serialization/torch-json.js';
export { ecosystemFromJSON, type Ecosystem, type EcosystemReading } from './serialization/ecosystems/index.js';
export { HF_SCHEDULERS, HF_TRAINING_ARGUMENTS, type HfSchedulerName, type HfEntry } from './serialization/ecosystems/hf.js';
export { KERAS_SCHEDULES, type KerasScheduleName, type KerasEntry } from './serialization/ecosystems/keras.js';
export { OPTAX_SCHEDULES, type OptaxScheduleName, type OptaxEntry } from './serialization/ecosystems/optax.js';
export { TIMM_SCHEDULERS, TIMM_DEFAULTS, type TimmSchedulerName, type TimmEntry, type TimmArgument } from './serialization/ecosystems/timm.js';
export {
  writeConfig,
  ConversionError,
  WRITE_TARGETS,
  TARGET_NAMES,
  type WriteTarget,
  type WriteOptions,
  type WrittenConfig,
  type HfConfig,
  type KerasConfig,
  type OptaxConfig,
  type TimmConfig,
} from './serialization/writers/index.js';
export { writeSnippet, pythonLiteral, type SnippetOptions } from './serialization/writers/snippets.js';
