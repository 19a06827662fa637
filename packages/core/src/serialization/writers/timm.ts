/**
 * The timm writer: anneal's spec → `create_scheduler_v2` keyword arguments (plus `lr`, the optimizer's base
 * rate), the inverse of the entries of `TIMM_SCHEDULERS`, stepping on epochs (a step is timm's `t`).
 *
 * @packageDocumentation
 */
import type { TimmArgument } from '../ecosystems/timm.js';
import { at, refuser, type Fields } from './common.js';
import { labelOf, num, splitWarmup } from './shapes.js';

const refuse: (path: string, reason: string) => never = refuser('timm');

/** `create_scheduler_v2`'s keyword arguments, and `lr`. */
export type TimmConfig = Partial<Record<TimmArgument | 'lr', unknown>>;

/** Writes `spec` (canonical) as timm's `create_scheduler_v2` arguments at base rate `baseLr`. */
export function writeTimm(spec: Fields, baseLr: number): TimmConfig {
  let noise: Fields | undefined;
  let inner = spec;
  let where = '';
  if (spec.type === 'noise') {
    noise = spec;
    inner = spec.schedule as Fields;
    where = 'schedule';
  }
  const { warmup, child, path } = splitWarmup(inner, where);
  const p = (key: string) => at(path, key);
  const args: TimmConfig = { lr: baseLr, step_on_epochs: true };
  let tInitial: number;
  switch (child.type) {
    case 'sgdr': {
      const shape = (child.shape as string | undefined) ?? 'cosine';
      const sched = shape === 'cosine' ? 'cosine' : shape === 'tanh' ? 'tanh' : shape === 'poly' ? 'poly' : refuse(p('shape'), `timm has no ${shape} cycle`);
      if (child.warmupSteps !== 0) refuse(p('warmupSteps'), "timm's warmup is a separate warmup in front (a warmup combinator), not sgdr's warmupSteps");
      if (child.minFactor !== undefined) refuse(p('minFactor'), "timm's floor is absolute (min_lr: etaMin)");
      const limit = num(child, 'cycleLimit');
      if (limit === undefined || !Number.isInteger(limit)) refuse(p('cycleLimit'), "timm's cycle_limit is a whole number of cycles");
      if (sched === 'tanh' && child.kDecay !== undefined) refuse(p('kDecay'), "timm's tanh scheduler has no k_decay");
      tInitial = child.t0 as number;
      Object.assign(args, {
        sched,
        num_epochs: tInitial,
        cycle_mul: child.tMult,
        cycle_decay: child.cycleDecay,
        cycle_limit: limit,
        min_lr: child.etaMin,
        ...(sched !== 'tanh' && child.kDecay !== undefined ? { k_decay: child.kDecay } : {}),
        ...(sched === 'poly' ? { decay_rate: child.power ?? 0.5 } : {}),
      });
      break;
    }
    case 'step':
      if (child.endLr !== undefined) refuse(p('endLr'), "timm's step scheduler has no floor");
      // num_epochs does not change a step decay's rates; three decays make a run to loop over.
      tInitial = Math.max(1, Math.ceil(3 * (child.stepSize as number)));
      Object.assign(args, { sched: 'step', num_epochs: tInitial, decay_epochs: child.stepSize, decay_rate: child.gamma });
      break;
    case 'multiStep': {
      const milestones = child.milestones as number[];
      // num_epochs does not change the rates: a run that reaches the last milestone, and ten epochs more.
      tInitial = Math.ceil(Math.max(0, ...milestones)) + 10;
      // timm decays at t + 1 >= milestone: one step later than anneal's milestones.
      Object.assign(args, { sched: 'multistep', num_epochs: tInitial, decay_milestones: milestones.map((m) => m + 1), decay_rate: child.gamma });
      break;
    }
    default:
      return refuse(path, `timm has no scheduler for ${labelOf(child)}`);
  }
  if (warmup !== undefined) {
    const expected = args.sched === 'tanh' ? (warmup.prefix === false ? 'end' : 'baseLr') : undefined;
    if ((warmup.warmTo ?? undefined) !== expected && !(expected === undefined && warmup.warmTo === 'start')) {
      refuse(at(where, 'warmTo'), `timm's ${String(args.sched)} warmup rises to ${expected === undefined ? "the decay's start" : JSON.stringify(expected)}`);
    }
    Object.assign(args, { warmup_epochs: warmup.steps, warmup_lr: (warmup.startFactor as number) * baseLr, warmup_prefix: warmup.prefix !== false });
  }
  if (noise !== undefined) {
    if (args.sched === 'step' || args.sched === 'multistep') refuse('', "timm's noise here is written only over a cosine, tanh or poly cycle");
    const start = (noise.start as number) / tInitial;
    const end = num(noise, 'end');
    Object.assign(args, { noise: end === undefined ? start : [start, end / tInitial], noise_pct: noise.pct, noise_seed: noise.seed, noise_std: 1 });
  }
  return args;
}
