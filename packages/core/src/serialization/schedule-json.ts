/**
 * Reading schedules from JSON: anneal's spelling (`{ "type": "cosine", ... }`) and PyTorch's
 * (`{ "scheduler": "CosineAnnealingLR", "kwargs": { ... } }`).
 *
 * @packageDocumentation
 */
import { InvalidParameterError, UnknownScheduleError } from '../errors.js';
import { readEcosystemAt } from './ecosystems/index.js';
import type { Schedule } from '../schedule.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { SCHEDULE_TYPES, descriptorOf } from '../registry.js';
import { arrayAt, checkDepth, join, located, mark, objectAt, parseJSON } from './read-helpers.js';

export { parseJSON };
import { torchSchedule } from './torch-json.js';

export { SCHEDULE_TYPES };

/** Reads a child schedule at `path`, one level deeper. */
export type ReadChild = (value: unknown, path: string) => Schedule;

/** The children of a combinator's JSON form, read (none for a leaf schedule). */
function readChildren(descriptor: ScheduleDescriptor, spec: Record<string, unknown>, read: ReadChild): Schedule[] {
  if (descriptor.children === 'schedule') return [read(spec.schedule, 'schedule')];
  if (descriptor.children === 'schedules') return arrayAt('schedules', spec.schedules).map((child, i) => read(child, `schedules[${i}]`));
  return [];
}

function readAt(value: unknown, path: string, depth: number): Schedule {
  checkDepth(path, depth);
  const spec = objectAt(path, value);
  // A child path may have several segments (`kwargs.schedulers[1]`); each is joined on its own.
  const read: ReadChild = (child, childPath) => readAt(child, childPath.split('.').reduce(join, path), depth + 1);
  if ('scheduler' in spec) return torchSchedule(spec, path, read);
  const reading = readEcosystemAt(spec, path);
  if (reading !== undefined) {
    if (reading.schedule === undefined) {
      throw mark(new InvalidParameterError(path === '' ? 'spec' : path, reading.name, 'a schedule with a closed form (this one follows a metric: use schedulerFromJSON)'));
    }
    return readAt(reading.schedule, path, depth + 1);
  }
  const descriptor = descriptorOf(spec.type);
  if (descriptor === undefined) throw mark(new UnknownScheduleError(join(path, 'type'), spec.type, SCHEDULE_TYPES));
  return located(path, () => descriptor.create(spec, readChildren(descriptor, spec, read)));
}

/**
 * Builds a {@link Schedule} from plain JSON (an object, or a JSON string), in anneal's spelling
 * (`{ "type": "cosine", "tMax": 20 }`) or PyTorch's (`{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`),
 * combinators nested to any reasonable depth, or another ecosystem's configuration recognised by its shape
 * (HF transformers, timm, Keras, optax: see `ecosystemFromJSON`). `schedule.toJSON()` gives anneal's spelling back.
 *
 * @throws {@link InvalidParameterError} naming the path of a bad field (`schedules[1].tMax`, `kwargs.schedulers[0].kwargs.T_max`).
 * @throws {@link UnknownScheduleError} for an unknown `type` or PyTorch class.
 */
export function scheduleFromJSON(json: unknown): Schedule {
  const value = typeof json === 'string' ? parseJSON(json) : json;
  return readAt(value, '', 0);
}

