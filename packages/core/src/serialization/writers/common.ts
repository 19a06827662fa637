/**
 * Shared plumbing of the writers: the typed refusal, the canonical spec, and the rate check every written
 * configuration passes before it is returned.
 *
 * @packageDocumentation
 */
import { AnnealError } from '../../errors.js';
import type { Schedule } from '../../schedule.js';
import type { ScheduleSpec } from '../spec.js';
import type { Ecosystem } from '../ecosystems/common.js';
import { scheduleFromJSON } from '../schedule-json.js';
import { ecosystemFromJSON } from '../ecosystems/index.js';
import { schedulerFromJSON } from '../scheduler-json.js';
import { ReduceLROnPlateau } from '../../schedulers/reduce-lr-on-plateau.js';

/** Where a writer writes: PyTorch's `{ scheduler, kwargs }`, or another ecosystem's configuration. */
export type WriteTarget = 'pytorch' | Ecosystem;

/** Every target, in the order the docs list them. */
export const WRITE_TARGETS: readonly WriteTarget[] = ['pytorch', 'hf', 'timm', 'keras', 'optax'];

/** The library name of a target, for messages. */
export const TARGET_NAMES: Readonly<Record<WriteTarget, string>> = { pytorch: 'PyTorch', hf: 'HF transformers', timm: 'timm', keras: 'Keras', optax: 'optax' };

/**
 * A schedule cannot be written exactly for a target: `path` names the part of the spec (`""` for the whole,
 * `schedules[1].clamp`, `schedule.tMax`), `reason` says why.
 */
export class ConversionError extends AnnealError {
  /** The target that was asked for. */
  readonly target: WriteTarget;
  /** Where in the anneal spec the obstacle sits (`""`: the spec as a whole). */
  readonly path: string;
  /** Why it cannot be expressed exactly. */
  readonly reason: string;
  constructor(target: WriteTarget, path: string, reason: string) {
    super('not-convertible', `${path === '' ? 'spec' : path} has no exact ${TARGET_NAMES[target]} equivalent: ${reason}`);
    this.name = 'ConversionError';
    this.target = target;
    this.path = path;
    this.reason = reason;
  }
}

/** A loose view of a spec's fields. */
export type Fields = Record<string, unknown> & { type: string };

/** `path` joined with `key` (`schedule` + `tMax` → `schedule.tMax`). */
export function at(path: string, key: string): string {
  return path === '' ? key : key.startsWith('[') ? `${path}${key}` : `${path}.${key}`;
}

/** The spec as anneal writes it back (defaults filled in, options checked): what the writers translate. */
export function canonical(spec: unknown): Fields {
  return scheduleFromJSON(spec).toJSON() as unknown as Fields;
}

/** A refusal helper bound to one target. */
export function refuser(target: WriteTarget): (path: string, reason: string) => never {
  return (path, reason) => {
    throw new ConversionError(target, path, reason);
  };
}

/** Every finite number of a JSON value (to size the check's horizon). */
function numbersIn(value: unknown, out: number[]): number[] {
  if (typeof value === 'number' && Number.isFinite(value)) out.push(Math.abs(value));
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}

/**
 * The steps the rates are compared at: every whole step up to three times the largest length in the spec
 * (at least 2,000, at most 20,000), with quarter and half steps over the first 300.
 */
export function checkSteps(spec: unknown): number[] {
  const lengths = numbersIn(spec, []).filter((n) => n <= 1e5);
  const horizon = Math.min(20_000, Math.max(2000, Math.ceil(3 * Math.max(...lengths, 0)) + 20));
  const steps: number[] = [];
  for (let t = 0; t <= horizon; t++) {
    steps.push(t);
    if (t < 300) steps.push(t + 0.25, t + 0.5);
  }
  return steps;
}

/** The rate, or the error's name when the schedule refuses the step (a non-finite rate). */
function rateAt(schedule: Schedule, t: number, baseLr: number): number | string {
  try {
    return schedule.lr(t, baseLr);
  } catch (error) {
    return error instanceof Error ? error.name : 'error';
  }
}

/** Whether two rates agree within 1e-12 relative (an absolute floor of 1e-15·baseLr absorbs rounding at zero). */
export function sameRate(a: number | string, b: number | string, baseLr: number): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Math.abs(a - b) <= Math.max(1e-12 * Math.max(Math.abs(a), Math.abs(b)), 1e-15 * Math.abs(baseLr));
}

/** What reading a written configuration back gives: the schedule and the base rate its numbers are at. */
export function readBack(config: unknown, target: WriteTarget, baseLr: number): { schedule: Schedule; baseLr: number } {
  const schedule = scheduleFromJSON(config);
  if (target === 'pytorch') return { schedule, baseLr };
  return { schedule, baseLr: ecosystemFromJSON(config).baseLr ?? baseLr };
}

/**
 * Reads `config` back with anneal's reader and requires the rates of `spec` at `baseLr` at every step of
 * {@link checkSteps} (`hints`: what the writer could not spell, added to the reason): the safety net behind every writer (a translation that is off is a refusal, never a
 * wrong config).
 *
 * @throws {@link ConversionError} naming the first step where the rates differ.
 */
export function verify(spec: ScheduleSpec | Fields, config: unknown, target: WriteTarget, baseLr: number, hints: readonly string[] = []): void {
  const original = scheduleFromJSON(spec);
  let back: { schedule: Schedule; baseLr: number };
  try {
    back = readBack(config, target, baseLr);
  } catch (error) {
    throw new ConversionError(target, '', `the written configuration is not readable (${(error as Error).message})`);
  }
  if (target === 'pytorch') verifyStateful(original, config, baseLr, hints);
  for (const t of checkSteps(spec)) {
    const want = rateAt(original, t, baseLr);
    const got = rateAt(back.schedule, t, back.baseLr);
    if (!sameRate(want, got, baseLr)) {
      throw new ConversionError(target, '', `the nearest ${TARGET_NAMES[target]} configuration gives ${String(got)} instead of ${String(want)} at step ${t}${hints.length === 0 ? '' : ` (${hints.join('; ')})`}`);
    }
  }
}

/**
 * PyTorch runs its schedulers step by step, and some compose differently from their closed forms (a
 * ChainedScheduler over CosineAnnealingLR's recursive form): the written configuration is also built as
 * anneal's port of the stateful classes, stepped as a training loop does, and must give the spec's rates at
 * every whole step up to 2,000 (OneCycleLR: the steps before `total_steps`, the ones a run trains with).
 */
function verifyStateful(original: Schedule, config: unknown, baseLr: number, hints: readonly string[]): void {
  const optimizer = { paramGroups: [{ lr: baseLr, momentum: 0.9 }] };
  let built;
  try {
    built = schedulerFromJSON(optimizer, config);
  } catch (error) {
    throw new ConversionError('pytorch', '', `the written configuration does not build PyTorch's scheduler (${(error as Error).message})`);
  }
  if (built instanceof ReduceLROnPlateau) return;
  const scheduler = built;
  // OneCycleLR's run ends at total_steps: the rate its last step() sets there is never trained with.
  const kwargs = (config as { scheduler?: unknown; kwargs?: Record<string, unknown> }).kwargs;
  const end = (config as { scheduler?: unknown }).scheduler === 'OneCycleLR' && typeof kwargs?.total_steps === 'number' ? kwargs.total_steps - 1 : 2000;
  for (let t = 0; t <= Math.min(end, 2000); t++) {
    const want = rateAt(original, t, baseLr);
    const got = scheduler.getLastLr()[0]!;
    if (!sameRate(want, got, baseLr)) {
      throw new ConversionError('pytorch', '', `PyTorch's scheduler, stepped, gives ${got} instead of ${String(want)} at step ${t}${hints.length === 0 ? '' : ` (${hints.join('; ')})`}`);
    }
    try {
      scheduler.step();
    } catch {
      return; // a scheduler that ends (OneCycleLR past total_steps)
    }
  }
}
