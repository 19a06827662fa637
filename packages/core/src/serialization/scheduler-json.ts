/**
 * Building stateful schedulers from JSON.
 *
 * @packageDocumentation
 */
import type { OptimizerLike } from '../schedulers/optimizer.js';
import { ScheduleLR } from '../schedulers/schedule-lr.js';
import { CooldownLR, type CooldownLROptions } from '../schedulers/cooldown-lr.js';
import type { Schedule } from '../schedule.js';
import { checkPyTorch, type PyTorchVersion } from '../schedulers/pytorch-version.js';
import { checkDepth, join, located, mark, objectAt } from './read-helpers.js';
import { parseJSON, scheduleFromJSON } from './schedule-json.js';
import { torchScheduler, withPyTorch, type AnyScheduler } from './torch-json.js';
import { InvalidParameterError } from '../errors.js';
import { readEcosystemAt } from './ecosystems/index.js';

/** Options of {@link schedulerFromJSON}. */
export interface SchedulerReaderOptions {
  /**
   * The PyTorch whose stepping every scheduler built reproduces (`PyTorchVersion`, `'2'` or `'1.13'`),
   * nested ones included; default: each scheduler's own default, `'2'`. A spec in anneal's spelling that
   * names another `pytorch` is refused; PyTorch's spelling has no such keyword.
   */
  pytorch?: PyTorchVersion;
}

function readAt(optimizer: OptimizerLike, value: unknown, path: string, depth: number, pytorch: PyTorchVersion | undefined): AnyScheduler {
  checkDepth(path, depth);
  const spec = objectAt(path, value);
  if ('scheduler' in spec && typeof spec.scheduler === 'string' && Object.hasOwn(SCHEDULE_DRIVEN, spec.scheduler)) {
    return scheduleDriven(optimizer, spec, spec.scheduler as keyof typeof SCHEDULE_DRIVEN, path, pytorch);
  }
  if ('scheduler' in spec) return torchScheduler(optimizer, spec, path, (child, p) => readAt(optimizer, child, p, depth + 1, pytorch), pytorch);
  const reading = readEcosystemAt(spec, path);
  if (reading?.scheduler !== undefined) return readAt(optimizer, reading.scheduler, path, depth + 1, pytorch);
  return located(path, () => new ScheduleLR(optimizer, scheduleFromJSON(spec), pytorch === undefined ? {} : { pytorch }));
}

/**
 * anneal's own schedulers, which drive pure schedules (no PyTorch class): the option keys their `toJSON()`
 * writes besides `schedule`, and how to build each.
 */
const SCHEDULE_DRIVEN = {
  ScheduleLR: {
    keys: ['lastEpoch', 'pytorch'],
    build: (optimizer: OptimizerLike, schedule: Schedule | Schedule[], rest: Record<string, unknown>) => new ScheduleLR(optimizer, schedule, rest),
  },
  CooldownLR: {
    keys: ['steps', 'shape', 'minFactor', 'lastEpoch', 'pytorch'],
    build: (optimizer: OptimizerLike, schedule: Schedule | Schedule[], rest: Record<string, unknown>) =>
      new CooldownLR(optimizer, schedule, rest as unknown as CooldownLROptions),
  },
} as const;

function scheduleDriven(
  optimizer: OptimizerLike,
  spec: Record<string, unknown>,
  kind: keyof typeof SCHEDULE_DRIVEN,
  path: string,
  pytorch: PyTorchVersion | undefined,
): AnyScheduler {
  const { keys, build } = SCHEDULE_DRIVEN[kind];
  const where = join(path, 'options');
  const options = withPyTorch(where, objectAt(where, spec.options), pytorch);
  for (const key of Object.keys(options)) {
    if (key !== 'schedule' && !(keys as readonly string[]).includes(key)) {
      throw mark(new InvalidParameterError(join(where, key), options[key], `absent (${kind} takes "schedule", ${keys.map((k) => `"${k}"`).join(', ')})`));
    }
  }
  const raw = options.schedule;
  const schedule = Array.isArray(raw)
    ? raw.map((s, i) => located(join(where, `schedule[${i}]`), () => scheduleFromJSON(s)))
    : located(join(where, 'schedule'), () => scheduleFromJSON(raw));
  const { schedule: _s, ...rest } = options;
  return located(where, () => build(optimizer, schedule, rest));
}

/**
 * Builds a stateful scheduler on `optimizer` from JSON: PyTorch's spelling
 * (`{ "scheduler": "OneCycleLR", "kwargs": { "max_lr": 0.1, "total_steps": 100 } }`, nested for
 * SequentialLR/ChainedScheduler, built in order on the same optimizer as PyTorch users do), anneal's
 * (`{ "scheduler": "OneCycleLR", "options": { "maxLr": 0.1, "totalSteps": 100 } }`, what `toJSON()` gives),
 * or a pure schedule spec (`{ "type": "sgdr", "t0": 10 }`, driven by a {@link ScheduleLR}), or another
 * ecosystem's configuration (HF transformers, timm, Keras, optax; their plateau schedulers become ReduceLROnPlateau).
 * Construction performs the initial step, exactly as in PyTorch; `options.pytorch` names the PyTorch
 * whose stepping to reproduce (see {@link SchedulerReaderOptions}).
 *
 * @throws {@link InvalidParameterError} naming the path of a bad field, {@link UnknownScheduleError} for unknown names.
 */
export function schedulerFromJSON(optimizer: OptimizerLike, json: unknown, options: SchedulerReaderOptions = {}): AnyScheduler {
  const value = typeof json === 'string' ? parseJSON(json) : json;
  const { pytorch, ...unknown } = objectAt('options', options) as SchedulerReaderOptions;
  for (const key of Object.keys(unknown)) throw new InvalidParameterError(`options.${key}`, (unknown as Record<string, unknown>)[key], 'absent (schedulerFromJSON takes "pytorch")');
  return readAt(optimizer, value, '', 0, pytorch === undefined ? undefined : checkPyTorch('options.pytorch', pytorch));
}
