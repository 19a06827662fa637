/**
 * Recognising an ecosystem's configuration by its shape, and reading it.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../../errors.js';
import { objectAt, parseJSON } from '../read-helpers.js';
import type { EcosystemReading } from './common.js';
import { readHfGetScheduler, readHfTrainingArguments } from './hf.js';
import { readKeras } from './keras.js';
import { readOptax } from './optax.js';
import { readTimm } from './timm.js';

export type { Ecosystem, EcosystemReading } from './common.js';

/**
 * Reads `spec` when its shape is one of another ecosystem's (`undefined` otherwise):
 * - `lr_scheduler_type`: HF `TrainingArguments` fields;
 * - `name` without `type`: the arguments of HF's `get_scheduler`;
 * - `class_name`: a serialised Keras `LearningRateSchedule`;
 * - `optax`: `{ "optax": NAME, "kwargs": {...} }`;
 * - `sched`: timm's `create_scheduler_v2` arguments.
 */
export function readEcosystemAt(spec: Record<string, unknown>, path: string): EcosystemReading | undefined {
  if ('type' in spec || 'scheduler' in spec) return undefined;
  if ('lr_scheduler_type' in spec) return readHfTrainingArguments(spec, path);
  if ('class_name' in spec) return readKeras(spec, path);
  if ('optax' in spec) return readOptax(spec, path);
  if ('sched' in spec) return readTimm(spec, path);
  if ('name' in spec) return readHfGetScheduler(spec, path);
  return undefined;
}

/**
 * Reads a configuration of HF transformers, timm, Keras or optax (an object, or its JSON text) into anneal's
 * terms: the schedule in anneal's JSON spelling (or, for a metric-driven scheduler, the PyTorch-spelled
 * scheduler spec), the base rate at which anneal's values are the ecosystem's numbers, and the run length
 * the configuration states. `scheduleFromJSON` and `schedulerFromJSON` accept the same shapes directly.
 *
 * @throws {@link InvalidParameterError} naming the field path of a bad or unknown field, or when the shape is none of them.
 * @throws {@link UnknownScheduleError} for an unknown scheduler name.
 */
export function ecosystemFromJSON(json: unknown): EcosystemReading {
  const value = objectAt('', typeof json === 'string' ? parseJSON(json) : json);
  const reading = readEcosystemAt(value, '');
  if (reading === undefined) {
    throw new InvalidParameterError('spec', value, 'a configuration of HF transformers (lr_scheduler_type, or name), Keras (class_name), optax (optax) or timm (sched)');
  }
  return reading;
}
