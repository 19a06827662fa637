/**
 * Writing a schedule in another library's configuration: PyTorch's `{ scheduler, kwargs }`, HF transformers'
 * `TrainingArguments` fields, timm's `create_scheduler_v2` arguments, a serialised Keras schedule, an optax
 * call. Each writer translates the spec; then anneal's own reader reads the result back and the rates must
 * equal the spec's (see `verify`), so a configuration is either exact or refused with a {@link ConversionError}.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../../errors.js';
import { parseJSON } from '../read-helpers.js';
import type { ScheduleSpec, TorchSchedulerSpec } from '../spec.js';
import { canonical, verify, WRITE_TARGETS, type Fields, type WriteTarget } from './common.js';
import { writeTorch } from './torch.js';
import { writeHf, type HfConfig } from './hf.js';
import { writeKeras, type KerasConfig } from './keras.js';
import { writeOptax, type OptaxConfig } from './optax.js';
import { writeTimm, type TimmConfig } from './timm.js';

export { ConversionError, WRITE_TARGETS, TARGET_NAMES, type WriteTarget } from './common.js';
export type { HfConfig, KerasConfig, OptaxConfig, TimmConfig };

/** The configuration each target is written as. */
export interface WrittenConfig {
  pytorch: TorchSchedulerSpec;
  hf: HfConfig;
  timm: TimmConfig;
  keras: KerasConfig;
  optax: OptaxConfig;
}

/** Options of {@link writeConfig}. */
export interface WriteOptions {
  /**
   * The base rate the configuration is written at (HF `learning_rate`, timm `lr`, Keras's and optax's
   * rates; PyTorch's spelling carries none). Default `1`; > 0.
   */
  baseLr?: number;
}

/**
 * Writes `spec` (anneal's spelling, or any spelling `scheduleFromJSON` reads; an object or its JSON text) as
 * `target`'s configuration, exactly: read back with `scheduleFromJSON`, it gives the spec's rates (within
 * 1e-12 relative, on a grid of whole and fractional steps).
 *
 * @throws {@link ConversionError} naming the spec path and the reason when `target` cannot express it exactly.
 * @throws {@link InvalidParameterError} for a bad spec, target or base rate.
 */
export function writeConfig<T extends WriteTarget>(spec: unknown, target: T, options: WriteOptions = {}): WrittenConfig[T] {
  if (!(WRITE_TARGETS as readonly string[]).includes(target)) throw new InvalidParameterError('target', target, `one of ${WRITE_TARGETS.join(', ')}`);
  const baseLr = options.baseLr ?? 1;
  if (typeof baseLr !== 'number' || !Number.isFinite(baseLr) || baseLr <= 0) throw new InvalidParameterError('baseLr', baseLr, 'a positive finite number');
  const fields = canonical(typeof spec === 'string' ? parseJSON(spec) : spec);
  const hints: string[] = [];
  const config = writeFields(fields, target, baseLr, hints);
  verify(fields as unknown as ScheduleSpec, config, target, baseLr, hints);
  return config as WrittenConfig[T];
}

function writeFields(fields: Fields, target: WriteTarget, baseLr: number, hints: string[]): WrittenConfig[WriteTarget] {
  switch (target) {
    case 'pytorch':
      return writeTorch(fields, '', hints);
    case 'hf':
      return writeHf(fields, baseLr);
    case 'timm':
      return writeTimm(fields, baseLr);
    case 'keras':
      return writeKeras(fields, baseLr);
    case 'optax':
      return writeOptax(fields, baseLr);
  }
}
