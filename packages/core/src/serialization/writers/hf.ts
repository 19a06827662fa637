/**
 * The HF transformers writer: anneal's spec → `TrainingArguments` fields (`lr_scheduler_type`,
 * `learning_rate`, `warmup_steps`, `max_steps`, `lr_scheduler_kwargs`), the inverse of the entries of
 * `HF_SCHEDULERS` (whose reader checks every written configuration).
 *
 * @packageDocumentation
 */
import type { HfSchedulerName } from '../ecosystems/hf.js';
import { at, refuser, type Fields } from './common.js';
import { labelOf, num, splitWarmup, whole } from './shapes.js';

const refuse: (path: string, reason: string) => never = refuser('hf');

/** HF's `warmup_type` / `decay_type` spelling of a wsd shape. */
const hfShape = (shape: unknown): string => (shape === 'sqrt' ? '1-sqrt' : String(shape));

/** `TrainingArguments` fields. */
export interface HfConfig {
  lr_scheduler_type: HfSchedulerName;
  learning_rate: number;
  warmup_steps: number;
  max_steps?: number;
  lr_scheduler_kwargs?: Record<string, unknown>;
}

/** A whole number of steps at `path`, or a refusal (HF counts in whole steps). */
function steps(n: number, path: string): number {
  if (!whole(n)) refuse(path, `HF counts steps in whole numbers (got ${n})`);
  return n;
}

/** Writes `spec` (canonical) as HF `TrainingArguments` fields at base rate `baseLr`. */
export function writeHf(spec: Fields, baseLr: number): HfConfig {
  const { warmup, child, path } = splitWarmup(spec);
  let w = 0;
  if (warmup !== undefined) {
    if (warmup.startFactor !== 0) refuse('startFactor', "HF's warmups rise from 0 (step / num_warmup_steps); startFactor must be 0");
    if (warmup.prefix === false) refuse('prefix', "HF's warmups come before the decay (prefix)");
    if (warmup.warmTo !== undefined && warmup.warmTo !== 'start') refuse('warmTo', "HF's warmups rise to the decay's start");
    w = steps(warmup.steps as number, 'steps');
  }
  const out = (name: HfSchedulerName, total: number | undefined, kwargs: Record<string, unknown> = {}): HfConfig => ({
    lr_scheduler_type: name,
    learning_rate: baseLr,
    warmup_steps: w,
    ...(total === undefined ? {} : { max_steps: total }),
    ...(Object.keys(kwargs).length === 0 ? {} : { lr_scheduler_kwargs: kwargs }),
  });
  const noWarmup = (what: string) => {
    if (warmup !== undefined) refuse('', `HF's ${what} has no separate warmup in front`);
  };
  const p = (key: string) => at(path, key);
  switch (child.type) {
    case 'constant':
      if (child.factor !== 1 && child.totalIters !== 0) refuse(p('factor'), 'HF has no reduced-rate stretch (constant with factor < 1)');
      return out(w > 0 ? 'constant_with_warmup' : 'constant', undefined);
    case 'linear': {
      if (child.startFactor !== 1) refuse(p('startFactor'), "HF's linear decays start at the base rate (startFactor 1)");
      const end = child.endFactor as number;
      const total = w + steps(child.totalIters as number, p('totalIters'));
      if (end === 0) return out('linear', total);
      // Down to a fraction of the base rate: HF's polynomial decay with power 1 and lr_end.
      if (!(end < 1)) refuse(p('endFactor'), "HF's decays end below the base rate (endFactor < 1)");
      return out('polynomial', total, { lr_end: end * baseLr, power: 1 });
    }
    case 'cosine': {
      if (child.clamp === true) refuse(p('clamp'), "HF's cosine schedules follow the cosine back up past the decay (clamp false)");
      if (num(child, 'exponent') !== undefined && child.exponent !== 1) refuse(p('exponent'), "HF's cosine has no exponent");
      const tMax = child.tMax as number;
      const span = whole(tMax) ? tMax : whole(2 * tMax) ? 2 * tMax : refuse(p('tMax'), `HF's cosine period comes from whole decay steps (tMax ${tMax})`);
      const kwargs: Record<string, unknown> = span === tMax ? {} : { num_cycles: span / (2 * tMax) };
      const etaMin = num(child, 'etaMin') ?? 0;
      const minFactor = num(child, 'minFactor');
      if (etaMin !== 0 && minFactor !== undefined && minFactor !== 0) refuse(p('minFactor'), 'HF takes one floor: min_lr (absolute, etaMin) or min_lr_rate (minFactor), not both');
      if (etaMin === 0 && minFactor === undefined) return out('cosine', w + span, kwargs);
      if (etaMin !== 0) return out('cosine_with_min_lr', w + span, { ...kwargs, min_lr: etaMin });
      return out('cosine_with_min_lr', w + span, { ...kwargs, min_lr_rate: minFactor });
    }
    case 'sgdr': {
      for (const [key, neutral] of [['tMult', 1], ['cycleDecay', 1], ['etaMin', 0], ['warmupSteps', 0]] as const) {
        if (child[key] !== neutral) refuse(p(key), `HF's cosine_with_restarts repeats equal cycles that each decay to 0, with no warmup inside (${key} ${neutral})`);
      }
      for (const key of ['minFactor', 'kDecay', 'shape', 'power']) if (child[key] !== undefined) refuse(p(key), `HF's cosine_with_restarts has no ${key}`);
      const n = num(child, 'cycleLimit');
      if (n === undefined || !whole(n)) refuse(p('cycleLimit'), "HF's cosine_with_restarts runs a whole number of cycles (cycleLimit)");
      return out('cosine_with_restarts', w + steps((child.t0 as number) * n, p('t0')), n === 1 ? {} : { num_cycles: n });
    }
    case 'polynomial': {
      if (child.cycle === true) refuse(p('cycle'), "HF's polynomial decay does not cycle");
      const end = num(child, 'endLr') ?? 0;
      if (!(baseLr > end)) refuse(p('endLr'), `HF requires the base rate above lr_end (${end})`);
      return out('polynomial', w + steps(child.totalIters as number, p('totalIters')), { lr_end: end, power: child.power });
    }
    case 'inverseSqrt': {
      noWarmup('inverse_sqrt');
      if (child.power !== undefined && child.power !== 0.5) refuse(p('power'), "HF's inverse_sqrt has power 0.5");
      if (child.stepSize !== undefined) refuse(p('stepSize'), "HF's inverse_sqrt has no staircase");
      w = steps(child.warmupSteps as number, p('warmupSteps'));
      return out('inverse_sqrt', undefined, { timescale: child.timescale });
    }
    case 'wsd': {
      noWarmup('warmup_stable_decay');
      if (child.startFactor !== child.minFactor) refuse(p('startFactor'), "HF's warmup_stable_decay starts and ends at the same fraction (min_lr_ratio)");
      w = steps(child.warmupSteps as number, p('warmupSteps'));
      const stable = steps(child.stableSteps as number, p('stableSteps'));
      const decay = steps(child.decaySteps as number, p('decaySteps'));
      // num_stable_steps follows from max_steps (HF warns when both are given).
      return out('warmup_stable_decay', w + stable + decay, {
        num_decay_steps: decay,
        warmup_type: hfShape(child.warmupShape ?? 'linear'),
        decay_type: hfShape(child.decayShape),
        min_lr_ratio: child.minFactor,
        ...(child.decayCycles === undefined ? {} : { num_cycles: child.decayCycles }),
      });
    }
    default:
      return refuse(path, `HF transformers has no scheduler for ${labelOf(child)}`);
  }
}
