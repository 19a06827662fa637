/**
 * Turns a schedule spec (anneal's JSON spelling, as `schedule.toJSON()` gives it) into code:
 * anneal TypeScript, and the equivalent PyTorch (a `torch.optim.lr_scheduler` class where one exists,
 * otherwise a `LambdaLR` with the formula written out). Used by the playground.
 */

type Spec = Record<string, unknown> & { type: string };

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript object literal in the usual code style: `{ tMax: 50, etaMin: 0 }`. */
export function tsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function omit(spec: Spec, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'type' && !keys.includes(k)));
}

/** The anneal expression that builds `spec`, collecting the factory names it uses. */
function tsExpr(spec: Spec, names: Set<string>): string {
  names.add(spec.type);
  if (spec.type === 'warmup') return `warmup(${tsLiteral(omit(spec, 'schedule'))}, ${tsExpr(spec.schedule as Spec, names)})`;
  if (spec.type === 'sequence') {
    const children = (spec.schedules as Spec[]).map((s) => tsExpr(s, names));
    return `sequence([${children.join(', ')}], ${tsLiteral({ milestones: spec.milestones })})`;
  }
  if (spec.type === 'chain') return `chain([${(spec.schedules as Spec[]).map((s) => tsExpr(s, names)).join(', ')}])`;
  return `${spec.type}(${tsLiteral(omit(spec))})`;
}

/** anneal TypeScript that builds the schedule and shows one value. */
export function toTypeScript(spec: Spec, sample: { t: number; baseLr: number; value: number | null }): string {
  const names = new Set<string>();
  const expr = tsExpr(spec, names);
  return [
    `import { ${Array.from(names).sort().join(', ')} } from '@anneal/core';`,
    '',
    `const schedule = ${expr};`,
    '',
    `schedule.lr(${sample.t}, ${sample.baseLr});${sample.value === null ? '' : ` // ${sample.value}`}`,
    '',
    '// To drive an optimizer (anything with paramGroups), step once per epoch:',
    '// const scheduler = new ScheduleLR(optimizer, schedule);',
    '// scheduler.step();',
  ].join('\n');
}

// ---------------------------------------------------------------- PyTorch

/** A Python float literal (`1.0`, not `1`: some PyTorch arguments must be floats). */
function pyFloat(v: unknown): string {
  const n = Number(v);
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(n);
}
function pyInt(v: unknown): string {
  return String(Number(v));
}
function pyNum(v: unknown): string {
  return Number.isInteger(Number(v)) ? pyInt(v) : pyFloat(v);
}
function pyBool(v: unknown): string {
  return v ? 'True' : 'False';
}
function kwargs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${k}=${v}`).join(', ');
}

interface PyContext {
  imports: Set<string>;
  helpers: string[];
}

/** The multiplier of the base rate at step `t`, as a Python function body, for schedules without a PyTorch class. */
function pyFactorFunction(spec: Spec, name: string): string[] {
  const n = (k: string) => pyNum(spec[k]);
  if (spec.type === 'cosine') {
    return [
      `def ${name}(t):  # cosine annealing held at eta_min after T_max (LambdaLR multiplies BASE_LR by this)`,
      `    floor = ETA_MIN / BASE_LR`,
      `    if t >= ${n('tMax')}:`,
      `        return floor`,
      `    return floor + (1 - floor) * (1 + math.cos(math.pi * t / ${n('tMax')})) / 2`,
    ];
  }
  if (spec.type === 'sgdr') {
    const limit = spec.cycleLimit === undefined ? 'None' : pyInt(spec.cycleLimit);
    return [
      `def ${name}(t):  # SGDR with cycle decay / limit / warmup, relative to the base lr`,
      `    t0, t_mult, decay, limit = ${n('t0')}, ${n('tMult')}, ${pyFloat(spec.cycleDecay)}, ${limit}`,
      `    warmup, warmup_start = ${n('warmupSteps')}, ${pyFloat(spec.warmupStartFactor)}`,
      `    floor = ETA_MIN / BASE_LR`,
      `    if t < warmup:`,
      `        return warmup_start + (1 - warmup_start) * t / warmup`,
      `    t -= warmup`,
      `    cycle, start, length = 0, 0, t0`,
      `    while start + length <= t:  # exact integer cycle search`,
      `        start, length, cycle = start + length, length * t_mult, cycle + 1`,
      `    if limit is not None and cycle >= limit:`,
      `        return floor`,
      `    peak = decay ** cycle`,
      `    return floor + (peak - floor) * (1 + math.cos(math.pi * (t - start) / length)) / 2`,
    ];
  }
  if (spec.type === 'inverseSqrt') {
    return [
      `def ${name}(t):  # inverse square root with linear warmup`,
      `    warmup, timescale = ${n('warmupSteps')}, ${n('timescale')}`,
      `    if t < warmup:`,
      `        return t / warmup`,
      `    return 1 / math.sqrt((t - warmup + timescale) / timescale)`,
    ];
  }
  if (spec.type === 'wsd') {
    const shape = String(spec.decayShape);
    const curve =
      shape === 'cosine' ? '(1 + math.cos(math.pi * progress)) / 2' : shape === 'sqrt' ? '1 - math.sqrt(progress)' : '1 - progress';
    return [
      `def ${name}(t):  # warmup-stable-decay (${shape} decay)`,
      `    warmup, stable, decay = ${n('warmupSteps')}, ${n('stableSteps')}, ${n('decaySteps')}`,
      `    start_factor, min_factor = ${pyFloat(spec.startFactor)}, ${pyFloat(spec.minFactor)}`,
      `    if t < warmup:`,
      `        return start_factor + (1 - start_factor) * t / warmup`,
      `    if t < warmup + stable:`,
      `        return 1.0`,
      `    if t >= warmup + stable + decay:`,
      `        return min_factor`,
      `    progress = (t - warmup - stable) / decay`,
      `    return min_factor + (1 - min_factor) * (${curve})`,
    ];
  }
  throw new Error(`no PyTorch formula for ${spec.type}`);
}

function lambdaScheduler(spec: Spec, ctx: PyContext): string {
  const name = `${spec.type.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_factor${ctx.helpers.length === 0 ? '' : `_${ctx.helpers.length}`}`;
  ctx.imports.add('LambdaLR');
  ctx.imports.add('math');
  ctx.helpers.push(pyFactorFunction(spec, name).join('\n'));
  return `LambdaLR(optimizer, lr_lambda=${name})`;
}

/** The multiplier of the schedule at its own step 0, relative to the base rate (1 for most). */
function startsAtBase(spec: Spec): boolean {
  if (spec.type === 'cosine' || spec.type === 'step' || spec.type === 'exponential' || spec.type === 'polynomial') return true;
  if (spec.type === 'multiStep') return !(spec.milestones as number[]).includes(0);
  if (spec.type === 'sgdr') return Number(spec.warmupSteps) === 0;
  if (spec.type === 'wsd') return Number(spec.warmupSteps) === 0 || Number(spec.startFactor) === 1;
  return false;
}

function pyScheduler(spec: Spec, ctx: PyContext): string {
  const use = (name: string, args: [string, string][]) => {
    ctx.imports.add(name);
    return `${name}(optimizer, ${kwargs(args)})`;
  };
  switch (spec.type) {
    case 'cosine':
      if (spec.clamp) return lambdaScheduler(spec, ctx);
      return use('CosineAnnealingLR', [['T_max', pyNum(spec.tMax)], ['eta_min', pyFloat(spec.etaMin)]]);
    case 'sgdr': {
      const plain = Number(spec.cycleDecay) === 1 && spec.cycleLimit === undefined && Number(spec.warmupSteps) === 0;
      if (!plain || !Number.isInteger(spec.t0)) return lambdaScheduler(spec, ctx);
      return use('CosineAnnealingWarmRestarts', [['T_0', pyInt(spec.t0)], ['T_mult', pyInt(spec.tMult)], ['eta_min', pyFloat(spec.etaMin)]]);
    }
    case 'step':
      return use('StepLR', [['step_size', pyNum(spec.stepSize)], ['gamma', pyFloat(spec.gamma)]]);
    case 'multiStep':
      return use('MultiStepLR', [['milestones', `[${(spec.milestones as number[]).map(pyInt).join(', ')}]`], ['gamma', pyFloat(spec.gamma)]]);
    case 'exponential':
      return use('ExponentialLR', [['gamma', pyFloat(spec.gamma)]]);
    case 'polynomial':
      return use('PolynomialLR', [['total_iters', pyNum(spec.totalIters)], ['power', pyFloat(spec.power)]]);
    case 'linear':
      return use('LinearLR', [['start_factor', pyFloat(spec.startFactor)], ['end_factor', pyFloat(spec.endFactor)], ['total_iters', pyNum(spec.totalIters)]]);
    case 'constant':
      return use('ConstantLR', [['factor', pyFloat(spec.factor)], ['total_iters', spec.totalIters === undefined ? '10**18' : pyNum(spec.totalIters)]]);
    case 'oneCycle': {
      const args: [string, string][] = [['max_lr', spec.maxLr === undefined ? 'BASE_LR' : pyFloat(spec.maxLr)], ['total_steps', pyInt(spec.totalSteps)]];
      args.push(['pct_start', pyFloat(spec.pctStart)], ['anneal_strategy', `'${String(spec.annealStrategy)}'`]);
      args.push(['div_factor', pyFloat(spec.divFactor)], ['final_div_factor', pyFloat(spec.finalDivFactor)], ['three_phase', pyBool(spec.threePhase)]);
      args.push(['cycle_momentum', pyBool(spec.cycleMomentum)], ['base_momentum', pyFloat(spec.baseMomentum)], ['max_momentum', pyFloat(spec.maxMomentum)]);
      return use('OneCycleLR', args);
    }
    case 'cyclic': {
      const args: [string, string][] = [['base_lr', spec.baseLr === undefined ? 'BASE_LR' : pyFloat(spec.baseLr)], ['max_lr', pyFloat(spec.maxLr)]];
      args.push(['step_size_up', pyNum(spec.stepSizeUp)]);
      if (spec.stepSizeDown !== undefined) args.push(['step_size_down', pyNum(spec.stepSizeDown)]);
      args.push(['mode', `'${String(spec.mode)}'`], ['gamma', pyFloat(spec.gamma)]);
      args.push(['cycle_momentum', pyBool(spec.cycleMomentum)], ['base_momentum', pyFloat(spec.baseMomentum)], ['max_momentum', pyFloat(spec.maxMomentum)]);
      return use('CyclicLR', args);
    }
    case 'inverseSqrt':
    case 'wsd':
      return lambdaScheduler(spec, ctx);
    case 'warmup': {
      const inner = spec.schedule as Spec;
      const steps = Number(spec.steps);
      const start = Number(spec.startFactor);
      if (steps === 0) return pyScheduler(inner, ctx);
      if (!startsAtBase(inner)) {
        throw new Error('warmup in front of a schedule that does not start at the base rate');
      }
      const first =
        start > 0 && start <= 1
          ? use('LinearLR', [['start_factor', pyFloat(start)], ['end_factor', '1.0'], ['total_iters', pyNum(steps)]])
          : ((ctx.imports.add('LambdaLR'), `LambdaLR(optimizer, lr_lambda=lambda t: ${pyFloat(start)} + (1 - ${pyFloat(start)}) * t / ${pyNum(steps)})`));
      const second = pyScheduler(inner, ctx);
      ctx.imports.add('SequentialLR');
      return `SequentialLR(\n    optimizer,\n    schedulers=[\n        ${first},\n        ${second},\n    ],\n    milestones=[${pyNum(steps)}],\n)`;
    }
    case 'sequence': {
      const children = (spec.schedules as Spec[]).map((s) => pyScheduler(s, ctx));
      ctx.imports.add('SequentialLR');
      return `SequentialLR(optimizer, schedulers=[${children.join(', ')}], milestones=[${(spec.milestones as number[]).map(pyNum).join(', ')}])`;
    }
    case 'chain': {
      const children = (spec.schedules as Spec[]).map((s) => pyScheduler(s, ctx));
      ctx.imports.add('ChainedScheduler');
      return `ChainedScheduler([${children.join(', ')}])`;
    }
    default:
      throw new Error(`unknown schedule type ${spec.type}`);
  }
}

/** PyTorch code building the equivalent scheduler on an SGD optimizer with base rate `baseLr`. */
export function toPyTorch(spec: Spec, baseLr: number): string {
  const ctx: PyContext = { imports: new Set(), helpers: [] };
  let body: string;
  try {
    body = `scheduler = ${pyScheduler(spec, ctx)}`;
  } catch {
    ctx.imports.clear();
    ctx.helpers.length = 0;
    return [
      '# This combination has no direct PyTorch equivalent: PyTorch\'s SequentialLR cannot put a',
      '# warmup in front of a scheduler that does not start at the base rate. Use a LambdaLR',
      '# whose function returns the multiplier, or the anneal schedule itself.',
    ].join('\n');
  }
  const usesEtaMin = ctx.helpers.some((h) => h.includes('ETA_MIN'));
  const classes = Array.from(ctx.imports).filter((n) => n !== 'math').sort();
  const lines = [
    ...(ctx.imports.has('math') ? ['import math', ''] : []),
    'import torch',
    `from torch.optim.lr_scheduler import ${classes.join(', ')}`,
    '',
    `BASE_LR = ${pyFloat(baseLr)}`,
    ...(usesEtaMin ? [`ETA_MIN = ${pyFloat(spec.type === 'warmup' ? (spec.schedule as Spec).etaMin ?? 0 : spec.etaMin ?? 0)}`] : []),
    'optimizer = torch.optim.SGD(model.parameters(), lr=BASE_LR, momentum=0.9)',
    '',
    ...ctx.helpers.flatMap((h) => [h, '', '']).slice(0, -1),
    body,
    '',
    'for epoch in range(EPOCHS):',
    '    train_one_epoch(model, optimizer)',
    '    scheduler.step()',
  ];
  return lines.join('\n');
}
