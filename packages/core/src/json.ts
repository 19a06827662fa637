/**
 * `@anneal/core/json`: schedules and schedulers from JSON, in anneal's spelling (`{ type: 'cosine', tMax }`)
 * and in PyTorch's (`{ scheduler: 'CosineAnnealingLR', kwargs: { T_max } }`). A separate entry so that an
 * import of the root entry does not carry the readers; both entries share one copy of the schedules,
 * schedulers and error classes.
 *
 * @packageDocumentation
 */

export type { ScheduleSpec, TorchSchedulerSpec } from './serialization/spec.js';
export { scheduleFromJSON, SCHEDULE_TYPES } from './serialization/schedule-json.js';
export { schedulerFromJSON, type SchedulerReaderOptions } from './serialization/scheduler-json.js';
export { TORCH_SCHEDULERS, type AnyScheduler } from './serialization/torch-json.js';
