/**
 * The PyTorch writer: anneal's spec → `{ "scheduler": CLASS, "kwargs": {...} }`, derived from each
 * descriptor's `torch` mapping (class names and keywords are not spelled here).
 *
 * @packageDocumentation
 */
import { descriptorOf } from '../../registry.js';
import { resolveOptions } from '../../internal/options.js';
import type { OptionMeta } from '../../descriptor.js';
import type { TorchSchedulerSpec } from '../spec.js';
import { scheduleFromJSON } from '../schedule-json.js';
import { at, refuser, type Fields } from './common.js';

const refuse: (path: string, reason: string) => never = refuser('pytorch');

/** Whether `value` is the neutral setting of an option with no default: a switch that is off, or the first choice. */
function isNeutral(meta: OptionMeta | undefined, value: unknown): boolean {
  if (meta === undefined) return false;
  if (meta.kind === 'boolean') return value === false;
  if (meta.kind === 'choice') return value === meta.choices[0];
  return false;
}

/** The JSON keys that hold a combinator's children, not options. */
const CHILD_KEYS = ['schedule', 'schedules'];

/**
 * Translates a canonical spec (see `canonical`) at `path` into PyTorch's spelling. An option without a
 * PyTorch keyword is refused unless it holds the value PyTorch's spelling gives it anyway (its PyTorch default);
 * one PyTorch leaves unset is listed in `unspelled` (the read-back check then decides, and names it when it refuses).
 *
 * @throws {@link ConversionError} for a kind without a PyTorch class, or an option PyTorch cannot set.
 */
export function writeTorch(spec: Fields, path = '', unspelled: string[] = []): TorchSchedulerSpec {
  if (spec.type === 'warmup') return warmupOf(spec, path, unspelled);
  const descriptor = descriptorOf(spec.type)!;
  const torch = descriptor.torch;
  if (torch === undefined) return refuse(path, `PyTorch has no scheduler class for ${descriptor.label.toLowerCase()} (${spec.type})`);
  const names = torch.kwargs as Readonly<Record<string, string | undefined>>;
  const kwargs: Record<string, unknown> = {};
  const given: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [option, value] of Object.entries(spec)) {
    if (option === 'type' || CHILD_KEYS.includes(option) || value === undefined) continue;
    const keyword = names[option];
    if (keyword === undefined) missing.push(option);
    else {
      kwargs[keyword] = value;
      given[option] = value;
    }
  }
  // What the PyTorch reader resolves the options to (its checks, and its defaults for the unspelled ones).
  let resolved: Record<string, unknown> = {};
  try {
    resolved = resolveOptions(descriptor.rules, torch.toPure?.(given) ?? given, { torch: true }) as Record<string, unknown>;
  } catch (error) {
    refuse(path, `${torch.class} refuses these values (${(error as Error).message})`);
  }
  {
    for (const option of missing) {
      // Resolved to nothing: only the option's neutral value passes (a switch off, the first of a choice).
      if (resolved[option] === undefined && isNeutral(descriptor.options[option as keyof typeof descriptor.options], spec[option])) {
        unspelled.push(`${torch.class} has no keyword for ${option}`);
      } else if (JSON.stringify(resolved[option]) !== JSON.stringify(spec[option])) {
        const known = Object.values(names).filter((k): k is string => k !== undefined);
        refuse(at(path, option), `${torch.class} has no keyword for ${option} (its keywords: ${known.join(', ')})`);
      }
    }
  }
  if (descriptor.children === 'schedules') {
    kwargs.schedulers = (spec.schedules as Fields[]).map((child, i) => writeTorch(child, at(path, `schedules[${i}]`), unspelled));
  }
  return { scheduler: torch.class, kwargs };
}

/**
 * A warmup in front of a schedule PyTorch has: `SequentialLR([LinearLR(start_factor, 1, steps), child],
 * milestones=[steps])`, the usual PyTorch idiom. `LinearLR` ramps to the base rate, so the child must start there.
 */
function warmupOf(spec: Fields, path: string, unspelled: string[]): TorchSchedulerSpec {
  const steps = spec.steps as number;
  if (spec.prefix === false) refuse(at(path, 'prefix'), 'a PyTorch warmup (SequentialLR after LinearLR) comes before the schedule (prefix)');
  if (spec.warmTo !== undefined && spec.warmTo !== 'start') refuse(at(path, 'warmTo'), "LinearLR's warmup rises to the base rate, the schedule's start");
  if (!Number.isInteger(steps) || steps < 1) refuse(at(path, 'steps'), 'SequentialLR hands over at a whole step >= 1');
  const child = spec.schedule as Fields;
  const start = scheduleFromJSON(child).lr(0, 1);
  if (start !== 1) refuse(at(path, 'schedule'), `LinearLR warms up to the base rate, and the schedule starts at ${start} of it`);
  const linear = { type: 'linear', startFactor: spec.startFactor, endFactor: 1, totalIters: steps } as Fields;
  return {
    scheduler: descriptorOf('sequence')!.torch!.class,
    kwargs: { milestones: [steps], schedulers: [writeTorch(linear, at(path, 'startFactor'), unspelled), writeTorch(child, at(path, 'schedule'), unspelled)] },
  };
}
