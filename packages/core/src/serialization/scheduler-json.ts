/**
 * Building stateful schedulers from JSON.
 *
 * @packageDocumentation
 */
import type { OptimizerLike } from '../schedulers/optimizer.js';
import { ScheduleLR } from '../schedulers/schedule-lr.js';
import { checkDepth, join, located, mark, objectAt } from './read-helpers.js';
import { parseJSON, scheduleFromJSON } from './schedule-json.js';
import { torchScheduler, type AnyScheduler } from './torch-json.js';
import { InvalidParameterError } from '../errors.js';
import { readEcosystemAt } from './ecosystems/index.js';

function readAt(optimizer: OptimizerLike, value: unknown, path: string, depth: number): AnyScheduler {
  checkDepth(path, depth);
  const spec = objectAt(path, value);
  if ('scheduler' in spec && spec.scheduler === 'ScheduleLR') return scheduleLR(optimizer, spec, path);
  if ('scheduler' in spec) return torchScheduler(optimizer, spec, path, (child, p) => readAt(optimizer, child, p, depth + 1));
  const reading = readEcosystemAt(spec, path);
  if (reading?.scheduler !== undefined) return readAt(optimizer, reading.scheduler, path, depth + 1);
  return located(path, () => new ScheduleLR(optimizer, scheduleFromJSON(spec)));
}

function scheduleLR(optimizer: OptimizerLike, spec: Record<string, unknown>, path: string): AnyScheduler {
  const where = join(path, 'options');
  const options = objectAt(where, spec.options);
  for (const key of Object.keys(options)) {
    if (key !== 'schedule' && key !== 'lastEpoch') {
      throw mark(new InvalidParameterError(join(where, key), options[key], 'absent (ScheduleLR takes "schedule" and "lastEpoch")'));
    }
  }
  const raw = options.schedule;
  const schedule = Array.isArray(raw)
    ? raw.map((s, i) => located(join(where, `schedule[${i}]`), () => scheduleFromJSON(s)))
    : located(join(where, 'schedule'), () => scheduleFromJSON(raw));
  return located(where, () => new ScheduleLR(optimizer, schedule, options.lastEpoch === undefined ? {} : { lastEpoch: options.lastEpoch as number }));
}

/**
 * Builds a stateful scheduler on `optimizer` from JSON: PyTorch's spelling
 * (`{ "scheduler": "OneCycleLR", "kwargs": { "max_lr": 0.1, "total_steps": 100 } }`, nested for
 * SequentialLR/ChainedScheduler, built in order on the same optimizer as PyTorch users do), anneal's
 * (`{ "scheduler": "OneCycleLR", "options": { "maxLr": 0.1, "totalSteps": 100 } }`, what `toJSON()` gives),
 * or a pure schedule spec (`{ "type": "sgdr", "t0": 10 }`, driven by a {@link ScheduleLR}), or another
 * ecosystem's configuration (HF transformers, timm, Keras, optax; their plateau schedulers become ReduceLROnPlateau).
 * Construction performs the initial step, exactly as in PyTorch.
 *
 * @throws {@link InvalidParameterError} naming the path of a bad field, {@link UnknownScheduleError} for unknown names.
 */
export function schedulerFromJSON(optimizer: OptimizerLike, json: unknown): AnyScheduler {
  const value = typeof json === 'string' ? parseJSON(json) : json;
  return readAt(optimizer, value, '', 0);
}
