/**
 * The JSON forms of schedules: a discriminated union on `type`, derived from the descriptor registry.
 *
 * @packageDocumentation
 */
import type { SCHEDULE_DESCRIPTORS, SpecOfDescriptor } from '../registry.js';

/** Any schedule as plain JSON, in anneal's own spelling (`{ "type": "cosine", "tMax": 20 }`). */
export type ScheduleSpec = SpecOfDescriptor<(typeof SCHEDULE_DESCRIPTORS)[number]>;

/** A schedule in PyTorch's spelling: `{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`. */
export interface TorchSchedulerSpec {
  /** The PyTorch class name. */
  scheduler: string;
  /** Its keyword arguments in PyTorch's spelling; for SequentialLR/ChainedScheduler `schedulers` nests more of these. */
  kwargs?: Record<string, unknown>;
}
