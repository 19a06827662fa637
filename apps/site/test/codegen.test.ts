/**
 * Unit tests of the PyTorch code generator: class and keyword names come from the descriptors, keywords
 * are written where PyTorch's default differs, anneal-only options fall back to a LambdaLR, and every
 * class call it writes, read back by anneal's PyTorch-exact schedulers, gives anneal's values.
 * (scripts/verify-pytorch.ts runs the generated code with real PyTorch.)
 */
import { describe, expect, it } from 'vitest';
import { SCHEDULE_DESCRIPTORS, alternativeValue, descriptorOf, sampleSpec, type ScheduleDescriptor, type ScheduleType } from '@anneal/core/meta';
import { scheduleFromJSON, schedulerFromJSON } from '@anneal/core/json';
import { PY_FORMULAS, toPyTorch, torchCall } from '../src/lib/codegen';

type Spec = Record<string, unknown> & { type: string };
const BASE_LR = 0.1;
const LEAVES: readonly ScheduleDescriptor[] = SCHEDULE_DESCRIPTORS.filter((d) => d.children === undefined);
const resolved = (spec: Record<string, unknown>): Spec => scheduleFromJSON(spec).toJSON() as Spec;

/** Specs to generate code for: every sample, each leaf sample with one option changed, and behind a warmup. */
const SPECS: [string, Spec][] = [];
for (const d of SCHEDULE_DESCRIPTORS) SPECS.push([`${d.type} sample`, resolved(sampleSpec(d))]);
for (const d of LEAVES) {
  for (const [key, meta] of Object.entries(d.options)) {
    const value = alternativeValue(meta);
    if (value === undefined) continue;
    try {
      SPECS.push([`${d.type} ${key}=${JSON.stringify(value)}`, resolved({ ...sampleSpec(d), [key]: value })]);
    } catch {
      // not valid with the other sample values
    }
  }
  for (const startFactor of [0, 0.1]) SPECS.push([`warmup(from ${startFactor}) → ${d.type}`, resolved({ type: 'warmup', steps: 5, startFactor, schedule: sampleSpec(d) })]);
}

/** The keywords each PyTorch class may take in generated code: the descriptors' own, and the scheduler arguments. */
const KEYWORDS = new Map<string, Set<string>>([['LambdaLR', new Set(['lr_lambda'])]]);
for (const d of SCHEDULE_DESCRIPTORS) {
  if (d.torch === undefined) continue;
  const words = new Set(Object.values(d.torch.kwargs) as string[]);
  if (d.children !== undefined) words.add('schedulers');
  KEYWORDS.set(d.torch.class, words);
}

/** The calls in generated code, `Class(…)`, with the keywords of their top-level arguments. */
function calls(code: string): { cls: string; keywords: string[] }[] {
  return [...code.matchAll(/\b([A-Z]\w*)\(/g)].map((m) => {
    const args: string[] = [];
    let depth = 0;
    let current = '';
    for (const ch of code.slice(m.index! + m[0].length)) {
      if (depth === 0 && (ch === ')' || ch === ',')) {
        args.push(current);
        current = '';
        if (ch === ')') break;
        continue;
      }
      if (ch === '(' || ch === '[') depth++;
      if (ch === ')' || ch === ']') depth--;
      current += ch;
    }
    return { cls: m[1]!, keywords: args.map((a) => /^\s*(\w+)=/.exec(a)?.[1]).filter((k): k is string => k !== undefined) };
  });
}

function close(actual: number, expected: number): boolean {
  if (expected === 0) return Math.abs(actual) <= 1e-12 * BASE_LR;
  return Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
}

describe('PyTorch code', () => {
  it.each(SPECS)('%s: uses only the classes and keywords of the descriptors', (_name, spec) => {
    const code = toPyTorch(spec, BASE_LR);
    if (code.startsWith('# No PyTorch equivalent yet')) return;
    const imported = /from torch\.optim\.lr_scheduler import (.*)/.exec(code)![1]!.split(', ');
    const used = calls(code).filter((c) => c.cls !== 'SGD' && c.cls !== 'Linear');
    expect(used.length).toBeGreaterThan(0);
    for (const { cls, keywords } of used) {
      expect(KEYWORDS.has(cls), `${cls} is a descriptor's class`).toBe(true);
      expect(imported).toContain(cls);
      for (const k of keywords) expect(KEYWORDS.get(cls), `${cls}(${k}=…)`).toContain(k);
    }
    expect(code).toMatch(/^model = torch\.nn\.Linear\(1, 1\)/m);
    expect(code).toMatch(/^optimizer = torch\.optim\.SGD\(model\.parameters\(\), lr=BASE_LR/m);
    expect(code).toMatch(/^for (epoch|batch) in range\(\d+\):\n {4}print\(\1, scheduler\.get_last_lr\(\)\[0\]\)/m);
    expect(code).toMatch(/ {4}optimizer\.step\(\)\n {4}scheduler\.step\(\)$/);
  });

  it.each(SPECS.filter(([, s]) => descriptorOf(s.type)!.children === undefined))(
    '%s: the class call, read by anneal’s PyTorch-exact scheduler, gives anneal’s values',
    (_name, spec) => {
      const call = torchCall(descriptorOf(spec.type)!, spec, BASE_LR);
      if (typeof call === 'string') return; // a LambdaLR (checked with real PyTorch by scripts/verify-pytorch.ts)
      const group = { lr: BASE_LR, momentum: 0.9 };
      const scheduler = schedulerFromJSON({ paramGroups: [group] }, { scheduler: call.cls, kwargs: call.kwargs }) as { step(): void };
      const schedule = scheduleFromJSON(spec);
      const last = spec.type === 'oneCycle' ? Math.min(150, Number(spec.totalSteps)) : 150;
      for (let t = 0; t < last; t++) {
        if (!close(group.lr, schedule.lr(t, BASE_LR))) throw new Error(`${call.cls} ${JSON.stringify(call.kwargs)} at step ${t}: ${group.lr}, anneal ${schedule.lr(t, BASE_LR)}`);
        scheduler.step();
      }
    },
  );

  it('writes no Python for the options added for other ecosystems that its formulas do not handle yet', () => {
    expect(toPyTorch(resolved({ type: 'cosine', tMax: 30, minFactor: 0.1 }), BASE_LR)).toContain('No PyTorch equivalent yet');
    expect(toPyTorch(resolved({ type: 'sgdr', t0: 10, shape: 'tanh' }), BASE_LR)).toContain('No PyTorch equivalent yet');
    expect(toPyTorch(resolved({ type: 'warmup', steps: 5, prefix: false, schedule: { type: 'cosine', tMax: 30 } }), BASE_LR)).toContain('No PyTorch equivalent yet');
  });

  it('has a Python formula for every schedule PyTorch has no class for', () => {
    for (const d of LEAVES.filter((x) => x.torch === undefined)) {
      expect(PY_FORMULAS[d.type as ScheduleType], d.type).not.toBeNull();
      expect(toPyTorch(resolved(sampleSpec(d)), BASE_LR)).toContain(`LambdaLR(optimizer, lr_lambda=`);
    }
  });

  it('maps a spec to its class when every option it sets has a keyword, writing what differs from PyTorch’s defaults', () => {
    expect(toPyTorch(resolved({ type: 'cosine', tMax: 30 }), BASE_LR)).toContain('scheduler = CosineAnnealingLR(optimizer, T_max=30)\n');
    expect(toPyTorch(resolved({ type: 'cosine', tMax: 30, etaMin: 0.001 }), BASE_LR)).toContain('CosineAnnealingLR(optimizer, T_max=30, eta_min=0.001)');
    expect(toPyTorch(resolved({ type: 'step', stepSize: 30 }), BASE_LR)).toContain('StepLR(optimizer, step_size=30)\n');
    // ConstantLR's defaults are 1/3 for 5 steps, anneal's a factor of 1.
    expect(toPyTorch(resolved({ type: 'constant', factor: 1, totalIters: 5 }), BASE_LR)).toContain('ConstantLR(optimizer, factor=1)\n');
    expect(toPyTorch(resolved({ type: 'constant', factor: 1 / 3, totalIters: 20 }), BASE_LR)).toContain('ConstantLR(optimizer, total_iters=20)\n');
    // An absent base rate bound is the group's rate.
    expect(toPyTorch(resolved({ type: 'cyclic', maxLr: 0.5, stepSizeUp: 4 }), BASE_LR)).toContain('CyclicLR(optimizer, base_lr=BASE_LR, max_lr=0.5, step_size_up=4)');
    expect(toPyTorch(resolved({ type: 'oneCycle', totalSteps: 50 }), BASE_LR)).toContain('OneCycleLR(optimizer, max_lr=BASE_LR, total_steps=50)');
    // gamma only matters in exp_range.
    expect(toPyTorch(resolved({ type: 'cyclic', baseLr: 0.01, maxLr: 0.1, gamma: 0.9 }), BASE_LR)).not.toContain('gamma');
    expect(toPyTorch(resolved({ type: 'cyclic', baseLr: 0.01, maxLr: 0.1, gamma: 0.9, mode: 'exp_range' }), BASE_LR)).toContain("mode='exp_range', gamma=0.9");
  });

  it('falls back to a LambdaLR for anneal-only options', () => {
    const clamped = toPyTorch(resolved({ type: 'cosine', tMax: 30, clamp: true }), BASE_LR);
    expect(clamped).toContain('scheduler = LambdaLR(optimizer, lr_lambda=cosine_factor)');
    expect(clamped).not.toContain('CosineAnnealingLR');
    expect(clamped).toContain('if t >= t_max:');
    for (const extra of [{ cycleDecay: 0.5 }, { cycleLimit: 2 }, { warmupSteps: 3 }]) {
      const code = toPyTorch(resolved({ type: 'sgdr', t0: 10, ...extra }), BASE_LR);
      expect(code).toContain('LambdaLR(optimizer, lr_lambda=sgdr_factor)');
      expect(code).not.toContain('CosineAnnealingWarmRestarts');
    }
    expect(toPyTorch(resolved({ type: 'sgdr', t0: 10, cycleDecay: 1 }), BASE_LR)).toContain('CosineAnnealingWarmRestarts(optimizer, T_0=10)');
    // PyTorch wants a whole T_0; its LinearLR cannot start from 0.
    expect(toPyTorch(resolved({ type: 'sgdr', t0: 7.5 }), BASE_LR)).toContain('lr_lambda=sgdr_factor');
    expect(toPyTorch(resolved({ type: 'linear', startFactor: 0 }), BASE_LR)).toContain('lr_lambda=linear_factor');
  });

  it('writes the piecewise schedules with their boundary rules', () => {
    const previous = toPyTorch(resolved({ type: 'piecewiseConstant', boundaries: [10], values: [1, 0.1], atBoundary: 'previous' }), BASE_LR);
    expect(previous).toContain('import bisect');
    expect(previous).toContain('return values[bisect.bisect_left(boundaries, t)]');
    const next = toPyTorch(resolved({ type: 'piecewiseConstant', boundaries: [10], values: [1, 0.1] }), BASE_LR);
    expect(next).toContain('return values[bisect.bisect_right(boundaries, t)]');
    const cosine = toPyTorch(resolved({ type: 'piecewiseInterpolate', boundaries: [0, 10], values: [1, 0], interpolation: 'cosine' }), BASE_LR);
    expect(cosine).toContain('return end + ((start - end) / 2.0) * (math.cos(math.pi * pct) + 1)');
    const linear = toPyTorch(resolved({ type: 'piecewiseInterpolate', boundaries: [0, 10], values: [1, 0] }), BASE_LR);
    expect(linear).toContain('return (end - start) * pct + start');
  });

  it('says when there is no PyTorch equivalent instead of writing wrong code', () => {
    const oneCycle = resolved({ type: 'warmup', steps: 5, schedule: { type: 'oneCycle', totalSteps: 100 } });
    expect(toPyTorch(oneCycle, BASE_LR)).toMatch(/^# No PyTorch equivalent yet: .*OneCycleLR/);
    const chain = resolved(sampleSpec(descriptorOf('chain')!));
    expect(toPyTorch(chain, BASE_LR)).toMatch(/^# No PyTorch equivalent yet: ChainedScheduler multiplies/);
    expect(toPyTorch(chain, BASE_LR)).not.toContain('import torch');
  });

  it('wraps a warmup: SequentialLR in front of a class that starts at the base rate, one LambdaLR otherwise', () => {
    const cosine = toPyTorch(resolved({ type: 'warmup', steps: 5, startFactor: 0.1, schedule: { type: 'cosine', tMax: 40 } }), BASE_LR);
    expect(cosine).toContain('SequentialLR(');
    expect(cosine).toContain('LinearLR(optimizer, start_factor=0.1)');
    expect(cosine).toContain('milestones=[5]');
    const fromZero = toPyTorch(resolved({ type: 'warmup', steps: 5, schedule: { type: 'cosine', tMax: 40 } }), BASE_LR);
    expect(fromZero).toContain('LambdaLR(optimizer, lr_lambda=linear_factor)');
    const wsd = toPyTorch(resolved({ type: 'warmup', steps: 5, schedule: { type: 'wsd', stableSteps: 10, decaySteps: 10 } }), BASE_LR);
    expect(wsd).toContain('scheduler = LambdaLR(optimizer, lr_lambda=warmup_wsd_factor)');
    expect(wsd).not.toContain('SequentialLR');
  });

  it('steps OneCycleLR and CyclicLR per batch, the others per epoch, and never past total_steps', () => {
    const oneCycle = toPyTorch(resolved({ type: 'oneCycle', totalSteps: 80 }), BASE_LR, 100);
    expect(oneCycle).toContain('# OneCycleLR steps once per batch');
    expect(oneCycle).toContain('for batch in range(80):');
    expect(toPyTorch(resolved({ type: 'cyclic', maxLr: 1 }), BASE_LR, 100)).toContain('for batch in range(100):');
    const cosine = toPyTorch(resolved({ type: 'cosine', tMax: 30 }), BASE_LR, 60);
    expect(cosine).toContain('# Stepped once per epoch.\nfor epoch in range(60):');
  });
});
